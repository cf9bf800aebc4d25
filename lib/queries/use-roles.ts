"use client";

import { useQuery } from "@tanstack/react-query";
import { api, seg } from "./api";
import { keys } from "./keys";
import type { Role, Tag } from "./types";
import { useAccountMutation } from "./use-mutation";

const base = (accountId: string) => `/accounts/${seg(accountId)}/roles`;
const one = (accountId: string, roleName: string) => `${base(accountId)}/${seg(roleName)}`;

export function useRole(accountId: string, roleName: string) {
  return useQuery({
    queryKey: keys.entity(accountId, "roles", roleName),
    queryFn: () => api<Role>(one(accountId, roleName)),
  });
}

export interface CreateRoleInput {
  roleName: string;
  path?: string;
  description?: string;
  trustPolicy: string;
  maxSessionDuration?: number;
  tags?: Tag[];
  permissionsBoundaryArn?: string;
}

export function useCreateRole(accountId: string) {
  return useAccountMutation(accountId, (input: CreateRoleInput) => api<Role>(base(accountId), "POST", input));
}

export function useUpdateRole(accountId: string, roleName: string) {
  return useAccountMutation(accountId, (input: { description?: string; maxSessionDuration?: number }) =>
    api<Role>(one(accountId, roleName), "PATCH", input),
  );
}

export function useUpdateTrustPolicy(accountId: string, roleName: string) {
  return useAccountMutation(accountId, (policyDocument: string) =>
    api<void>(`${one(accountId, roleName)}/trust-policy`, "PUT", { policyDocument }),
  );
}

export function useDeleteRole(accountId: string, roleName: string) {
  return useAccountMutation(
    accountId,
    ({ force }: { force: boolean }) => api<void>(`${one(accountId, roleName)}${force ? "?force=true" : ""}`, "DELETE"),
    { gone: () => [keys.entity(accountId, "roles", roleName)] },
  );
}
