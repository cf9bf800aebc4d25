"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, qs, seg } from "./api";
import { keys } from "./keys";
import type { ChangeEvent, Page } from "./types";

/** The account's change log, newest first; only the events of `targetArn` when given. */
export function useChanges(accountId: string, options: { targetArn?: string; page?: number; pageSize?: number } = {}) {
  const { targetArn = "", page = 1, pageSize = 20 } = options;
  return useQuery({
    queryKey: [...keys.changes(accountId, targetArn, page), pageSize],
    queryFn: () =>
      api<Page<ChangeEvent>>(`/accounts/${seg(accountId)}/changes${qs({ targetArn, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
}
