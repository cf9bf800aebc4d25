"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { AssumableRolesResult, RoleAssumersResult, WhoCanResult } from "@/lib/schemas/who-can";
import { api, qs, seg } from "./api";
import { keys } from "./keys";

export interface WhoCanRequest {
  action: string;
  resource: string;
  resourceAccount?: string;
  /** `key=value` lines. */
  context?: string;
  /** Which page of the principals allowed (25 a page). */
  page?: number;
}

/** One page of the principals allowed; the answer spans all accounts, so it is refetched on every visit. */
export function useWhoCan(request: WhoCanRequest | null) {
  return useQuery({
    queryKey: ["whoCan", request],
    queryFn: () => api<WhoCanResult>(`/who-can${qs({ ...request })}`),
    enabled: request !== null,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

/** Which page of the answer, and which page of its "only with more context" list. */
export interface AssumePages {
  page: number;
  conditionalPage: number;
  pageSize: number;
}

const FIRST_PAGES: AssumePages = { page: 1, conditionalPage: 1, pageSize: 25 };

export function useAssumableRoles(accountId: string, userName: string, context = "", pages: AssumePages = FIRST_PAGES) {
  return useQuery({
    queryKey: [...keys.sub(accountId, "users", userName, "assumable-roles"), context, pages],
    queryFn: () => api<AssumableRolesResult>(`/accounts/${seg(accountId)}/users/${seg(userName)}/assumable-roles${qs({ context, ...pages })}`),
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

export function useRoleAssumers(accountId: string, roleName: string, context = "", pages: AssumePages = FIRST_PAGES) {
  return useQuery({
    queryKey: [...keys.sub(accountId, "roles", roleName, "assumed-by"), context, pages],
    queryFn: () => api<RoleAssumersResult>(`/accounts/${seg(accountId)}/roles/${seg(roleName)}/assumed-by${qs({ context, ...pages })}`),
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}
