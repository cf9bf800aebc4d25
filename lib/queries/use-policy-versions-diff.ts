"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { PolicyVersionDiff } from "@/lib/schemas/policy-version-diff";
import { api, seg } from "./api";
import { keys } from "./keys";

/**
 * The permission diff from one version of a managed policy to another, computed on the server
 * over the whole catalog. Keyed under the policy, so any write in the account refreshes it.
 */
export function usePolicyVersionsDiff(accountId: string, policyName: string, from: string, to: string) {
  return useQuery({
    queryKey: [...keys.sub(accountId, "policies", policyName, "versions-diff"), from, to],
    queryFn: () =>
      api<PolicyVersionDiff>(
        `/accounts/${seg(accountId)}/policies/${seg(policyName)}/versions/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      ),
    enabled: from !== "" && to !== "" && from !== to,
    placeholderData: keepPreviousData,
  });
}
