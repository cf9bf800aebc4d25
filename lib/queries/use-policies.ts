"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, ApiError, qs, seg } from "./api";
import { keys } from "./keys";
import { getItems } from "./list";
import type { Policy, PolicyEntities, PolicyUsage, PolicyVersion, Tag } from "./types";
import { useAccountMutation } from "./use-mutation";

const base = (accountId: string) => `/accounts/${seg(accountId)}/policies`;
const one = (accountId: string, policyName: string) => `${base(accountId)}/${seg(policyName)}`;

export function usePolicy(accountId: string, policyName: string) {
  return useQuery({
    queryKey: keys.entity(accountId, "policies", policyName),
    queryFn: () => api<Policy>(one(accountId, policyName)),
  });
}

/**
 * The policy named exactly `name` (customer managed here, else AWS managed), or null. A search
 * for "ReadOnlyAccess" matches hundreds of names; pickers list the exact one first.
 */
export function usePolicyNamed(accountId: string, name: string) {
  return useQuery({
    queryKey: [...keys.entity(accountId, "policies", name), "exact"],
    queryFn: () => api<Policy>(one(accountId, name)).catch((error: unknown) => {
      if (error instanceof ApiError && error.code === "NoSuchEntity") return null;
      throw error;
    }),
    enabled: /^[\w+=,.@-]{1,128}$/.test(name),
  });
}

export interface CreatePolicyInput {
  policyName: string;
  path?: string;
  description?: string;
  policyDocument: string;
  tags?: Tag[];
}

export function useCreatePolicy(accountId: string) {
  return useAccountMutation(accountId, (input: CreatePolicyInput) => api<Policy>(base(accountId), "POST", input));
}

export function useDeletePolicy(accountId: string, policyName: string) {
  return useAccountMutation(
    accountId,
    ({ force }: { force: boolean }) => api<void>(`${one(accountId, policyName)}${force ? "?force=true" : ""}`, "DELETE"),
    { gone: () => [keys.entity(accountId, "policies", policyName)] },
  );
}

export function usePolicyVersions(accountId: string, policyName: string, enabled = true) {
  return useQuery({
    queryKey: keys.sub(accountId, "policies", policyName, "versions"),
    queryFn: () => getItems<PolicyVersion>(`${one(accountId, policyName)}/versions`),
    enabled,
  });
}

export function useCreatePolicyVersion(accountId: string, policyName: string) {
  return useAccountMutation(accountId, (input: { policyDocument: string; setAsDefault: boolean }) =>
    api<PolicyVersion>(`${one(accountId, policyName)}/versions`, "POST", input),
  );
}

export function useSetDefaultPolicyVersion(accountId: string, policyName: string) {
  return useAccountMutation(accountId, (versionId: string) =>
    api<void>(`${one(accountId, policyName)}/default-version`, "PUT", { versionId }),
  );
}

export function useDeletePolicyVersion(accountId: string, policyName: string) {
  return useAccountMutation(accountId, (versionId: string) =>
    api<void>(`${one(accountId, policyName)}/versions/${seg(versionId)}`, "DELETE"),
  );
}

export interface PolicyEntitiesParams {
  page?: number;
  pageSize?: number;
  usage?: PolicyUsage;
}

/** One page of the entities using the policy (ListEntitiesForPolicy), optionally of one usage. */
export function usePolicyEntities(accountId: string, policyName: string, { page = 1, pageSize = 25, usage }: PolicyEntitiesParams = {}) {
  return useQuery({
    queryKey: [...keys.sub(accountId, "policies", policyName, "entities"), page, pageSize, usage ?? "any"],
    queryFn: () => api<PolicyEntities>(`${one(accountId, policyName)}/entities${qs({ page, pageSize, usage })}`),
    placeholderData: keepPreviousData,
  });
}
