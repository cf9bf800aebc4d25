"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, seg, type ApiError } from "./api";
import { keys } from "./keys";
import { getItems } from "./list";
import type { Account } from "./types";
import { useAccountMutation } from "./use-mutation";

export function useAccounts() {
  return useQuery({ queryKey: keys.accounts, queryFn: () => getItems<Account>("/accounts") });
}

export function useAccount(accountId: string) {
  return useQuery({
    queryKey: keys.accountDetail(accountId),
    queryFn: () => api<Account>(`/accounts/${seg(accountId)}`),
  });
}

export interface CreateAccountInput {
  accountId?: string;
  alias: string;
  displayName: string;
  rootEmail: string;
}

export function useCreateAccount() {
  const client = useQueryClient();
  return useMutation<Account, ApiError, CreateAccountInput>({
    mutationFn: (input) => api<Account>("/accounts", "POST", input),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.accounts }),
  });
}

export type UpdateAccountInput = Partial<Pick<Account, "alias" | "displayName" | "rootEmail">>;

export function useUpdateAccount(accountId: string) {
  return useAccountMutation(accountId, (input: UpdateAccountInput) =>
    api<Account>(`/accounts/${seg(accountId)}`, "PATCH", input),
  );
}

export function useDeleteAccount(accountId: string) {
  return useAccountMutation(
    accountId,
    () => api<void>(`/accounts/${seg(accountId)}`, "DELETE"),
    { gone: () => [keys.account(accountId)] },
  );
}
