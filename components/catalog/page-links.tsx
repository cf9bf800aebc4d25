import Link from "next/link";
import { formatCount } from "@/components/ui/format";
import { buttonClass } from "@/components/ui/button";

interface PageLinksProps {
  page: number;
  pageSize: number;
  total: number;
  noun: string;
  href: (page: number) => string;
}

/** "Showing 51–100 of 1,715 policies" with previous/next links: paging that works without JavaScript. */
export function PageLinks({ page, pageSize, total, noun, href }: PageLinksProps) {
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(page, lastPage);
  const first = total === 0 ? 0 : (current - 1) * pageSize + 1;
  const last = Math.min(total, current * pageSize);
  const link = (target: number, label: string, enabled: boolean) =>
    enabled ? (
      <Link href={href(target)} className={buttonClass("secondary", "sm")}>
        {label}
      </Link>
    ) : (
      <span aria-disabled="true" className={`${buttonClass("secondary", "sm")} pointer-events-none opacity-50`}>
        {label}
      </span>
    );
  return (
    <nav aria-label={`${noun} pages`} className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-muted">
        Showing <span className="font-semibold text-ink">
          {formatCount(first)}–{formatCount(last)}
        </span>{" "}
        of <span className="font-semibold text-ink">{formatCount(total)}</span> {noun}
      </p>
      {lastPage > 1 && (
        <div className="flex items-center gap-2">
          {link(current - 1, "‹ Previous page", current > 1)}
          <span className="px-2 text-sm text-muted">
            Page {formatCount(current)} of {formatCount(lastPage)}
          </span>
          {link(current + 1, "Next page ›", current < lastPage)}
        </div>
      )}
    </nav>
  );
}
