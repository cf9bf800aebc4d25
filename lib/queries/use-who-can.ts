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
}

/** Every principal allowed; the answer spans all accounts, so it is refetched on every visit. */
export function useWhoCan(request: WhoCanRequest | null) {
  return useQuery({
    queryKey: ["whoCan", request],
    queryFn: () => api<WhoCanResult>(`/who-can${qs({ ...request })}`),
    enabled: request !== null,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}

export function useAssumableRoles(accountId: string, userName: string, context = "") {
  return useQuery({
    queryKey: [...keys.sub(accountId, "users", userName, "assumable-roles"), context],
    queryFn: () => api<AssumableRolesResult>(`/accounts/${seg(accountId)}/users/${seg(userName)}/assumable-roles${qs({ context })}`),
    staleTime: 0,
  });
}

export function useRoleAssumers(accountId: string, roleName: string, context = "") {
  return useQuery({
    queryKey: [...keys.sub(accountId, "roles", roleName, "assumed-by"), context],
    queryFn: () => api<RoleAssumersResult>(`/accounts/${seg(accountId)}/roles/${seg(roleName)}/assumed-by${qs({ context })}`),
    staleTime: 0,
  });
}
