"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, qs, seg } from "./api";
import { keys, type EntityKind } from "./keys";
import type { ListParams, Page } from "./types";

/**
 * One server page of users, groups, roles or policies. The previous page stays on screen while
 * the next one loads, so paging and typing in the search box do not flash a skeleton.
 */
export function useEntityList<T>(
  accountId: string,
  kind: EntityKind,
  params: ListParams,
  extra: Record<string, string> = {},
  enabled = true,
) {
  const all = { ...params, ...extra };
  return useQuery({
    queryKey: keys.list(accountId, kind, all),
    queryFn: () => api<Page<T>>(`/accounts/${seg(accountId)}/${kind}${qs(all)}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}
