"use client";

import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import type { ApiError } from "./api";
import { keys } from "./keys";
import { retireQueries, underAny } from "./retire-queries";

interface Options<TData, TVars> {
  /** Query prefixes of something the write removed: cancelled and dropped, never refetched (they would 404). */
  gone?: (data: TData, vars: TVars) => QueryKey[];
}

/**
 * A write in one account: on success every query of that account (lists, details, counts,
 * history) and the accounts overview are invalidated, so all views update at once; the queries
 * of what the write removed are retired instead (retireQueries).
 */
export function useAccountMutation<TVars, TData = unknown>(
  accountId: string,
  mutationFn: (vars: TVars) => Promise<TData>,
  options: Options<TData, TVars> = {},
) {
  const client = useQueryClient();
  return useMutation<TData, ApiError, TVars>({
    mutationFn,
    onSuccess: async (data, vars) => {
      const gone = options.gone?.(data, vars) ?? [];
      await retireQueries(client, gone);
      const isGone = underAny(gone);
      await Promise.all([
        client.invalidateQueries({ queryKey: keys.account(accountId), predicate: (query) => !isGone(query) }),
        client.invalidateQueries({ queryKey: keys.accounts }),
      ]);
    },
  });
}
