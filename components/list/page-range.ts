/** Where one page sits in a list of `total` items, for the pager's "Showing 26–50 of 120". */
export interface PageRange {
  /** 1-based positions of the page's first and last item; both 0 when the page holds none. */
  first: number;
  last: number;
  /** The last page that holds items (1 for an empty list). */
  lastPage: number;
  /** The page asked for lies past the last one (a stale link, or items deleted meanwhile). */
  pastTheEnd: boolean;
}

export function pageRange(page: number, pageSize: number, total: number): PageRange {
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const pastTheEnd = page > lastPage;
  if (total === 0 || pastTheEnd) return { first: 0, last: 0, lastPage, pastTheEnd };
  return { first: (page - 1) * pageSize + 1, last: Math.min(total, page * pageSize), lastPage, pastTheEnd };
}
