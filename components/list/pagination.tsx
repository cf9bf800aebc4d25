"use client";

import { Button } from "@/components/ui/button";
import { formatCount } from "@/components/ui/format";
import { pageRange } from "./page-range";

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  noun: string;
  onPage: (page: number) => void;
}

/**
 * "Showing 1–25 of 10,000 users" with previous/next; the range is announced when it changes. A
 * page past the last one shows no range ("None of the 5 users are on page 99").
 */
export function Pagination({ page, pageSize, total, noun, onPage }: PaginationProps) {
  const { first, last, lastPage, pastTheEnd } = pageRange(page, pageSize, total);
  return (
    <nav aria-label={`${noun} pages`} className="flex flex-wrap items-center justify-between gap-3">
      {pastTheEnd ? (
        <p aria-live="polite" className="text-muted">
          None of the <span className="font-semibold text-ink">{formatCount(total)}</span> {noun} are on page {formatCount(page)}
        </p>
      ) : (
        <p aria-live="polite" className="text-muted">
          Showing <span className="font-semibold text-ink">
            {formatCount(first)}–{formatCount(last)}
          </span>{" "}
          of <span className="font-semibold text-ink">{formatCount(total)}</span> {noun}
        </p>
      )}
      <div className="flex items-center gap-2">
        <Button size="sm" onClick={() => onPage(Math.min(page - 1, lastPage))} disabled={page <= 1}>
          ‹ Previous page
        </Button>
        <span className="px-2 text-sm text-muted">
          Page {formatCount(Math.min(page, lastPage))} of {formatCount(lastPage)}
        </span>
        <Button size="sm" onClick={() => onPage(page + 1)} disabled={page >= lastPage}>
          Next page ›
        </Button>
      </div>
    </nav>
  );
}
