"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { ListParams, SortOrder } from "@/lib/queries/types";

export const PAGE_SIZE = 25;

export interface ListState extends ListParams {
  /** Any other filter held in the URL, e.g. `scope` for policies. */
  get: (name: string) => string | null;
}

export type ListPatch = Partial<Record<"search" | "sort" | "order" | "page" | string, string | number | null>>;

/**
 * The list's search, sort, order and page, read from and written to the URL, so a list view can
 * be bookmarked, shared and restored with Back.
 */
export function useListState(sortKeys: readonly string[], defaultSort: string) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();

  const state: ListState = useMemo(() => {
    const sort = params.get("sort");
    const page = Number.parseInt(params.get("page") ?? "1", 10);
    return {
      search: params.get("search") ?? "",
      sort: sort && sortKeys.includes(sort) ? sort : defaultSort,
      order: (params.get("order") === "desc" ? "desc" : "asc") satisfies SortOrder,
      page: Number.isFinite(page) && page > 0 ? page : 1,
      pageSize: PAGE_SIZE,
      get: (name: string) => params.get(name),
    };
  }, [params, sortKeys, defaultSort]);

  /** The URL of this list with `patch` applied, e.g. for a link to another page. */
  const hrefOf = useCallback(
    (patch: ListPatch) => {
      const next = new URLSearchParams(params.toString());
      // A new search or filter starts again from the first page.
      if (!("page" in patch)) next.delete("page");
      for (const [key, value] of Object.entries(patch)) {
        const isDefault = value === null || value === "" || (key === "page" && value === 1);
        if (isDefault) next.delete(key);
        else next.set(key, String(value));
      }
      const query = next.toString();
      return query ? `${pathname}?${query}` : pathname;
    },
    [params, pathname],
  );

  const update = useCallback((patch: ListPatch) => router.replace(hrefOf(patch), { scroll: false }), [hrefOf, router]);

  const toggleSort = useCallback(
    (key: string) => {
      const order: SortOrder = state.sort === key && state.order === "asc" ? "desc" : "asc";
      update({ sort: key === defaultSort ? null : key, order: order === "asc" ? null : order });
    },
    [state.sort, state.order, update, defaultSort],
  );

  const listParams: ListParams = {
    search: state.search,
    sort: state.sort,
    order: state.order,
    page: state.page,
    pageSize: state.pageSize,
  };

  return { state, params: listParams, update, toggleSort, hrefOf };
}
