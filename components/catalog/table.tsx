import type { ReactNode } from "react";
import { ArnText } from "@/components/ui/arn-text";

/** A server-rendered table with a caption and column headers, styled like the console's lists. */
export function CatalogTable({ caption, headers, children }: { caption: string; headers: string[]; children: ReactNode }) {
  return (
    <div className="relative overflow-x-auto rounded-xl border border-line bg-surface shadow-sm">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-subtle">
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" className="px-4 py-3 text-sm font-bold tracking-wide text-muted uppercase">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export const rowClass = "border-t border-line align-top";
export const cellClass = "px-4 py-3";

/** Keys, ARN formats and patterns: monospace, wrapping after ":" and "/" (ArnText). */
export function Code({ children }: { children: string }) {
  return (
    <code className="text-[0.92em]">
      <ArnText value={children} />
    </code>
  );
}

/** A short list of codes, one per line; "—" when empty. */
export function CodeList({ items }: { items: readonly string[] }) {
  if (items.length === 0) return <span className="text-muted">—</span>;
  return (
    <ul className="flex flex-col gap-1">
      {items.map((item) => (
        <li key={item}>
          <Code>{item}</Code>
        </li>
      ))}
    </ul>
  );
}
