"use client";

import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import type { ApiError } from "./api";
import { keys } from "./keys";

interface Options<TData, TVars> {
  /** Query prefixes of something the write removed: dropped, never refetched (they would 404). */
  gone?: (data: TData, vars: TVars) => QueryKey[];
}

const startsWith = (key: QueryKey, prefix: QueryKey) =>
  prefix.every((part, index) => key[index] === part);

/**
 * A write in one account: on success every query of that account (lists, details, counts,
 * history) and the accounts overview are invalidated, so all views update at once.
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
      for (const prefix of gone) client.removeQueries({ queryKey: prefix });
      await Promise.all([
        client.invalidateQueries({
          queryKey: keys.account(accountId),
          predicate: (query) => !gone.some((prefix) => startsWith(query.queryKey, prefix)),
        }),
        client.invalidateQueries({ queryKey: keys.accounts }),
      ]);
    },
  });
}
