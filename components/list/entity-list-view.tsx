"use client";

import type { ReactNode } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/misc";
import { useEntityList } from "@/lib/queries/use-entity-list";
import type { EntityKind } from "@/lib/queries/keys";
import { pageRange } from "./page-range";
import { Pagination } from "./pagination";
import { PastTheEnd } from "./past-the-end";
import { ResourceTable, type Column } from "./resource-table";
import { SearchBox } from "./search-box";
import { useListState, type ListPatch, type ListState } from "./use-list-state";

interface EntityListViewProps<T> {
  accountId: string;
  kind: EntityKind;
  /** Plural, lower case: "users". */
  noun: string;
  sortKeys: readonly string[];
  defaultSort: string;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** Filters beyond search held in the URL (e.g. the policy scope). */
  extraParams?: (state: ListState) => Record<string, string>;
  filters?: (state: ListState, update: (patch: ListPatch) => void) => ReactNode;
  /** Shown when the account has none at all. */
  empty: ReactNode;
}

/** Search, sortable table and pagination of one server page of an entity list. */
export function EntityListView<T>(props: EntityListViewProps<T>) {
  const { accountId, kind, noun, sortKeys, defaultSort, columns, rowKey, extraParams, filters, empty } = props;
  const { state, params, update, toggleSort, hrefOf } = useListState(sortKeys, defaultSort);
  const extra = extraParams?.(state) ?? {};
  const query = useEntityList<T>(accountId, kind, params, extra);
  const filtered = state.search !== "" || Object.keys(extra).length > 0;
  // `?page=99` of 5 users: the list is not empty, the page is past its end (never while the previous page stays on screen).
  const range = query.data && !query.isPlaceholderData ? pageRange(state.page, state.pageSize, query.data.total) : undefined;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <SearchBox label={`Search ${noun}`} value={state.search} onSearch={(search) => update({ search })} />
        {filters?.(state, update)}
        {query.isFetching && query.data && (
          <span className="text-sm text-muted" role="status">
            Updating…
          </span>
        )}
      </div>
      {query.error ? (
        <ErrorAlert error={query.error} />
      ) : range?.pastTheEnd && query.data && query.data.total > 0 ? (
        <PastTheEnd page={state.page} lastPage={range.lastPage} noun={noun} lastPageHref={hrefOf({ page: range.lastPage })} />
      ) : (
        <>
          <ResourceTable
            caption={`${noun[0].toUpperCase()}${noun.slice(1)}, sorted by ${state.sort} ${state.order === "asc" ? "ascending" : "descending"}`}
            columns={columns}
            rows={query.data?.items}
            rowKey={rowKey}
            loading={query.isPending}
            sort={{ key: state.sort, order: state.order, onSort: toggleSort }}
            empty={
              filtered ? (
                <EmptyState title={`No ${noun} match`}>
                  Nothing matches{state.search ? ` “${state.search}”` : " these filters"}. Try another search.
                </EmptyState>
              ) : (
                empty
              )
            }
          />
          {query.data && query.data.total > 0 && (
            <Pagination page={state.page} pageSize={state.pageSize} total={query.data.total} noun={noun} onPage={(page) => update({ page })} />
          )}
        </>
      )}
    </div>
  );
}
