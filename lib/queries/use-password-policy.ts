"use client";

import { useQuery } from "@tanstack/react-query";
import type { PasswordPolicy } from "@/lib/auth/password-policy";
import type { PasswordPolicyView } from "@/lib/schemas/password-policy";
import { api, seg } from "./api";
import { keys } from "./keys";
import { useAccountMutation } from "./use-mutation";

const path = (accountId: string) => `/accounts/${seg(accountId)}/password-policy`;
const key = (accountId: string) => [...keys.account(accountId), "password-policy"] as const;

/** GetAccountPasswordPolicy: the custom policy, or null when AWS's default applies. */
export function usePasswordPolicy(accountId: string) {
  return useQuery({ queryKey: key(accountId), queryFn: () => api<PasswordPolicyView>(path(accountId)) });
}

/** UpdateAccountPasswordPolicy: every setting left out takes AWS's default. */
export function useUpdatePasswordPolicy(accountId: string) {
  return useAccountMutation(accountId, (policy: Partial<PasswordPolicy>) => api<PasswordPolicyView>(path(accountId), "PUT", policy));
}

/** DeleteAccountPasswordPolicy: back to AWS's default policy. */
export function useDeletePasswordPolicy(accountId: string) {
  return useAccountMutation(accountId, () => api<void>(path(accountId), "DELETE"));
}
