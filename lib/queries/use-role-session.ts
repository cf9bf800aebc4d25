"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RoleSessionState, SwitchRoleInput } from "@/lib/schemas/switch-role";
import { api, type ApiError } from "./api";

/** The session's switch-role state: the role in use, the one that just ended, the five last used. */
export const ROLE_SESSION_KEY = ["session", "role"] as const;

export function useRoleSession() {
  return useQuery({
    queryKey: ROLE_SESSION_KEY,
    queryFn: () => api<RoleSessionState>("/session/role"),
    // A role session ends by itself after its hour: look again now and then, and on focus.
    refetchInterval: 60_000,
    retry: false,
  });
}

/**
 * Switching role (or back) changes who every request acts as: the new state is kept and every
 * other query is read again, as the new principal.
 */
function useRoleChange<TVars>(mutationFn: (vars: TVars) => Promise<RoleSessionState>) {
  const client = useQueryClient();
  return useMutation<RoleSessionState, ApiError, TVars>({
    mutationFn,
    onSuccess: (state) => {
      client.setQueryData(ROLE_SESSION_KEY, state);
      // Not awaited: the caller moves on (closes its menu, opens the account) while they load.
      void client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== ROLE_SESSION_KEY[0] || query.queryKey[1] !== ROLE_SESSION_KEY[1] });
    },
  });
}

export const useSwitchRole = () => useRoleChange((input: SwitchRoleInput) => api<RoleSessionState>("/session/role", "POST", input));

export const useSwitchBack = () => useRoleChange<void>(() => api<RoleSessionState>("/session/role", "DELETE"));
