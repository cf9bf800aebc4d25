"use client";

// Attached managed policies, inline policies and permissions boundaries: the same routes exist
// for users, groups and roles (boundaries for users and roles only). Tags: use-tags.ts.

import { useQuery } from "@tanstack/react-query";
import { api, qs, seg } from "./api";
import { keys } from "./keys";
import { getItems } from "./list";
import type { AttachedPolicy, InlinePolicy, PrincipalKind } from "./types";
import { useAccountMutation } from "./use-mutation";

export interface PrincipalRef {
  accountId: string;
  kind: PrincipalKind;
  name: string;
  /** Its ARN, when known: what the write buttons ask permission on (lib/queries/use-permission.ts). */
  arn?: string;
}

const path = ({ accountId, kind, name }: PrincipalRef) => `/accounts/${seg(accountId)}/${kind}/${seg(name)}`;

export function useAttachedPolicies(ref: PrincipalRef, enabled = true) {
  return useQuery({
    queryKey: keys.sub(ref.accountId, ref.kind, ref.name, "attached-policies"),
    queryFn: () => getItems<AttachedPolicy>(`${path(ref)}/attached-policies`),
    enabled,
  });
}

export function useAttachPolicy(ref: PrincipalRef) {
  return useAccountMutation(ref.accountId, (policyArn: string) =>
    api<void>(`${path(ref)}/attached-policies`, "POST", { policyArn }),
  );
}

/** Attach to a principal chosen at call time, e.g. the role a create form has just made. */
export function useAttachPolicyTo(accountId: string) {
  return useAccountMutation(accountId, ({ kind, name, policyArn }: Omit<PrincipalRef, "accountId"> & { policyArn: string }) =>
    api<void>(`${path({ accountId, kind, name })}/attached-policies`, "POST", { policyArn }),
  );
}

export function useDetachPolicy(ref: PrincipalRef) {
  return useAccountMutation(ref.accountId, (policyArn: string) =>
    api<void>(`${path(ref)}/attached-policies${qs({ policyArn })}`, "DELETE"),
  );
}

export function useInlinePolicies(ref: PrincipalRef, enabled = true) {
  return useQuery({
    queryKey: keys.sub(ref.accountId, ref.kind, ref.name, "inline-policies"),
    queryFn: () => getItems<InlinePolicy>(`${path(ref)}/inline-policies`),
    enabled,
  });
}

export function usePutInlinePolicy(ref: PrincipalRef) {
  return useAccountMutation(ref.accountId, (input: { policyName: string; policyDocument: string }) =>
    api<void>(`${path(ref)}/inline-policies/${seg(input.policyName)}`, "PUT", {
      policyDocument: input.policyDocument,
    }),
  );
}

export function useDeleteInlinePolicy(ref: PrincipalRef) {
  return useAccountMutation(ref.accountId, (policyName: string) =>
    api<void>(`${path(ref)}/inline-policies/${seg(policyName)}`, "DELETE"),
  );
}

export function usePutBoundary(ref: PrincipalRef) {
  return useAccountMutation(ref.accountId, (policyArn: string) =>
    api<void>(`${path(ref)}/permissions-boundary`, "PUT", { policyArn }),
  );
}

export function useDeleteBoundary(ref: PrincipalRef) {
  return useAccountMutation(ref.accountId, () => api<void>(`${path(ref)}/permissions-boundary`, "DELETE"));
}
