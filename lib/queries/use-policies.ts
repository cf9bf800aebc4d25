"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, qs, seg } from "./api";
import { keys } from "./keys";
import { getItems } from "./list";
import type { Page, Policy, PolicyEntities, PolicyScope, PolicySummary, PolicyUsage, PolicyVersion, Tag } from "./types";
import { useAccountMutation } from "./use-mutation";

const base = (accountId: string) => `/accounts/${seg(accountId)}/policies`;
const one = (accountId: string, policyName: string) => `${base(accountId)}/${seg(policyName)}`;

export function usePolicy(accountId: string, policyName: string) {
  return useQuery({
    queryKey: keys.entity(accountId, "policies", policyName),
    queryFn: () => api<Policy>(one(accountId, policyName)),
  });
}

/** A name the API can hold ([\w+=,.@-], 1–128): anything else cannot name a policy. */
const isPolicyName = (name: string) => /^[\w+=,.@-]{1,128}$/.test(name);

/**
 * The policies named exactly `name` (customer managed and AWS managed may share one), in the
 * scope. A search for "ReadOnlyAccess" matches hundreds of names; pickers list the exact ones
 * first. Asked of the list endpoint (`?name=`), so a partial name is an empty page, never a 404.
 */
export function usePoliciesNamed(accountId: string, name: string, scope: PolicyScope = "All") {
  const params = { search: "", sort: "name", order: "asc" as const, page: 1, pageSize: 10, name: name.toLowerCase(), scope };
  return useQuery({
    queryKey: keys.list(accountId, "policies", params),
    queryFn: async () => (await api<Page<PolicySummary>>(`${base(accountId)}${qs({ name, scope: scope === "All" ? undefined : scope })}`)).items,
    enabled: isPolicyName(name),
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
