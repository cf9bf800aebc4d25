import Link from "next/link";
import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "brand" | "success" | "warn" | "danger" | "aws";

const BADGES: Record<BadgeTone, string> = {
  neutral: "bg-subtle text-ink border-line",
  brand: "bg-brand-soft text-brand-strong border-brand/30",
  success: "bg-success-soft text-success border-success/30",
  warn: "bg-warn-soft text-warn border-warn/30",
  danger: "bg-danger-soft text-danger border-danger/30",
  aws: "bg-[#fff1dc] text-[#7a3d00] border-[#f0b45c]",
};

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span className={`inline-flex items-center rounded-full border px-2.5 py-0.5 text-sm font-semibold whitespace-nowrap ${BADGES[tone]}`}>
      {children}
    </span>
  );
}

export function Skeleton({ className = "" }: { className?: string }) {
  return <span aria-hidden="true" className={`block animate-pulse rounded bg-line/70 ${className}`} />;
}

/** A titled panel. `min-w-0`: as a grid or flex item it never grows past its track for wide content (a table scrolls inside). */
export function Card({ title, actions, children, className = "" }: { title?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`min-w-0 rounded-xl border border-line bg-surface shadow-sm ${className}`}>
      {(title || actions) && (
        <div className="flex flex-wrap items-center justify-between gap-3 border-b border-line px-5 py-3.5">
          {title && <h2 className="text-lg font-bold">{title}</h2>}
          {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
        </div>
      )}
      <div className="px-5 py-4">{children}</div>
    </section>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-3 rounded-xl border-2 border-dashed border-line bg-surface px-6 py-12 text-center">
      <p className="text-xl font-bold">{title}</p>
      {children && <div className="max-w-xl text-muted">{children}</div>}
      {action}
    </div>
  );
}

export interface Crumb {
  label: string;
  href?: string;
}

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-3 text-base">
      <ol className="flex flex-wrap items-center gap-2 text-muted">
        {items.map((item, index) => (
          <li key={`${item.label}-${index}`} className="flex items-center gap-2">
            {index > 0 && <span aria-hidden="true">›</span>}
            {item.href ? (
              <Link href={item.href} className="text-brand underline-offset-4 hover:underline">
                {item.label}
              </Link>
            ) : (
              <span aria-current="page" className="font-semibold text-ink">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function PageHeader({ title, badge, description, actions }: { title: string; badge?: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0">
        <h1 className="flex flex-wrap items-center gap-3 text-3xl font-bold tracking-tight wrap-anywhere">
          {title}
          {badge}
        </h1>
        {description && <div className="mt-1.5 text-lg text-muted">{description}</div>}
      </div>
      {actions && <div className="flex flex-wrap gap-3">{actions}</div>}
    </div>
  );
}

/** A term/value grid for summaries (ARN, created, path, ids). */
export function SummaryList({ items }: { items: { term: string; value: ReactNode; wide?: boolean }[] }) {
  return (
    <dl className="grid gap-x-8 gap-y-4 sm:grid-cols-2 xl:grid-cols-3">
      {items.map((item) => (
        <div key={item.term} className={`min-w-0 ${item.wide ? "sm:col-span-2" : ""}`}>
          <dt className="text-sm font-semibold tracking-wide text-muted uppercase">{item.term}</dt>
          <dd className="mt-1 wrap-anywhere">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
