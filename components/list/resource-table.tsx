"use client";

import type { ReactNode } from "react";
import { Skeleton } from "@/components/ui/misc";
import type { SortOrder } from "@/lib/queries/types";

export interface Column<T> {
  header: string;
  /** The API sort key when the column is sortable. */
  sortKey?: string;
  render: (row: T) => ReactNode;
  className?: string;
}

interface ResourceTableProps<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  loading: boolean;
  sort?: { key: string; order: SortOrder; onSort: (key: string) => void };
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
}

const SKELETON_ROWS = 8;

/** A data table with sortable headers (aria-sort) and a skeleton while the first page loads. */
export function ResourceTable<T>({ caption, columns, rows, rowKey, loading, sort, empty }: ResourceTableProps<T>) {
  if (!loading && rows && rows.length === 0 && empty) return <>{empty}</>;
  return (
    <div className="relative overflow-x-auto rounded-xl border border-line bg-surface shadow-sm">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-subtle">
          <tr>
            {columns.map((column) => {
              const active = sort && column.sortKey && sort.key === column.sortKey;
              const ariaSort = active ? (sort.order === "asc" ? "ascending" : "descending") : column.sortKey ? "none" : undefined;
              return (
                <th key={column.header} scope="col" aria-sort={ariaSort} className={`px-4 py-3 text-sm font-bold tracking-wide text-muted uppercase ${column.className ?? ""}`}>
                  {sort && column.sortKey ? (
                    <button type="button" onClick={() => sort.onSort(column.sortKey ?? "")} className="inline-flex items-center gap-1.5 uppercase hover:text-ink">
                      {column.header}
                      <SortIcon state={active ? sort.order : undefined} />
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody aria-busy={loading || undefined}>
          {loading && !rows
            ? Array.from({ length: SKELETON_ROWS }, (_, i) => (
                <tr key={i} className="border-t border-line">
                  {columns.map((column) => (
                    <td key={column.header} className="px-4 py-3.5">
                      <Skeleton className="h-5 w-3/4" />
                    </td>
                  ))}
                </tr>
              ))
            : (rows ?? []).map((row) => (
                <tr key={rowKey(row)} className="border-t border-line hover:bg-brand-soft/40">
                  {columns.map((column) => (
                    <td key={column.header} className={`px-4 py-3 align-top ${column.className ?? ""}`}>
                      {column.render(row)}
                    </td>
                  ))}
                </tr>
              ))}
        </tbody>
      </table>
    </div>
  );
}

function SortIcon({ state }: { state: SortOrder | undefined }) {
  return (
    <svg viewBox="0 0 12 16" className="h-4 w-3" aria-hidden="true">
      <path d="M6 1l4 5H2z" fill="currentColor" opacity={state === "asc" ? 1 : 0.3} />
      <path d="M6 15l4-5H2z" fill="currentColor" opacity={state === "desc" ? 1 : 0.3} />
    </svg>
  );
}
