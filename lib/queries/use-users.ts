"use client";

import { useQuery } from "@tanstack/react-query";
import { api, seg } from "./api";
import { keys } from "./keys";
import { getItems } from "./list";
import type { GroupSummary, Tag, User } from "./types";
import { useAccountMutation } from "./use-mutation";

const base = (accountId: string) => `/accounts/${seg(accountId)}/users`;
const one = (accountId: string, userName: string) => `${base(accountId)}/${seg(userName)}`;

export function useUser(accountId: string, userName: string) {
  return useQuery({
    queryKey: keys.entity(accountId, "users", userName),
    queryFn: () => api<User>(one(accountId, userName)),
  });
}

export interface CreateUserInput {
  userName: string;
  path?: string;
  tags?: Tag[];
  permissionsBoundaryArn?: string;
}

export function useCreateUser(accountId: string) {
  return useAccountMutation(accountId, (input: CreateUserInput) => api<User>(base(accountId), "POST", input));
}

export function useUpdateUser(accountId: string, userName: string) {
  return useAccountMutation(
    accountId,
    (input: { newUserName?: string; newPath?: string }) => api<User>(one(accountId, userName), "PATCH", input),
    // A new name moves the entity to another cache entry; a new path keeps it.
    { gone: (_data, input) => (input.newUserName ? [keys.entity(accountId, "users", userName)] : []) },
  );
}

export function useDeleteUser(accountId: string, userName: string) {
  return useAccountMutation(
    accountId,
    ({ force }: { force: boolean }) => api<void>(`${one(accountId, userName)}${force ? "?force=true" : ""}`, "DELETE"),
    { gone: () => [keys.entity(accountId, "users", userName)] },
  );
}

export function useUserGroups(accountId: string, userName: string, enabled = true) {
  return useQuery({
    queryKey: keys.sub(accountId, "users", userName, "groups"),
    queryFn: () => getItems<GroupSummary>(`${one(accountId, userName)}/groups`),
    enabled,
  });
}

export function useAddUserToGroup(accountId: string, userName: string) {
  return useAccountMutation(accountId, (groupName: string) =>
    api<void>(`${one(accountId, userName)}/groups`, "POST", { groupName }),
  );
}

export function useRemoveUserFromGroup(accountId: string, userName: string) {
  return useAccountMutation(accountId, (groupName: string) =>
    api<void>(`${one(accountId, userName)}/groups/${seg(groupName)}`, "DELETE"),
  );
}
