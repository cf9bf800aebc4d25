"use client";

import { useQuery } from "@tanstack/react-query";
import { api, seg } from "./api";
import { keys } from "./keys";
import { getItems } from "./list";
import type { GroupSummary, UserSummary } from "./types";
import { useAccountMutation } from "./use-mutation";

const base = (accountId: string) => `/accounts/${seg(accountId)}/groups`;
const one = (accountId: string, groupName: string) => `${base(accountId)}/${seg(groupName)}`;

export function useGroup(accountId: string, groupName: string) {
  return useQuery({
    queryKey: keys.entity(accountId, "groups", groupName),
    queryFn: () => api<GroupSummary>(one(accountId, groupName)),
  });
}

export function useCreateGroup(accountId: string) {
  return useAccountMutation(accountId, (input: { groupName: string; path?: string }) =>
    api<GroupSummary>(base(accountId), "POST", input),
  );
}

export function useUpdateGroup(accountId: string, groupName: string) {
  return useAccountMutation(
    accountId,
    (input: { newGroupName?: string; newPath?: string }) =>
      api<GroupSummary>(one(accountId, groupName), "PATCH", input),
    // A new name moves the entity to another cache entry; a new path keeps it.
    { gone: (_data, input) => (input.newGroupName ? [keys.entity(accountId, "groups", groupName)] : []) },
  );
}

export function useDeleteGroup(accountId: string, groupName: string) {
  return useAccountMutation(
    accountId,
    ({ force }: { force: boolean }) => api<void>(`${one(accountId, groupName)}${force ? "?force=true" : ""}`, "DELETE"),
    { gone: () => [keys.entity(accountId, "groups", groupName)] },
  );
}

export function useGroupMembers(accountId: string, groupName: string, enabled = true) {
  return useQuery({
    queryKey: keys.sub(accountId, "groups", groupName, "members"),
    queryFn: () => getItems<UserSummary>(`${one(accountId, groupName)}/members`),
    enabled,
  });
}

export function useAddGroupMember(accountId: string, groupName: string) {
  return useAccountMutation(accountId, (userName: string) =>
    api<void>(`${one(accountId, groupName)}/members`, "POST", { userName }),
  );
}

export function useRemoveGroupMember(accountId: string, groupName: string) {
  return useAccountMutation(accountId, (userName: string) =>
    api<void>(`${one(accountId, groupName)}/members/${seg(userName)}`, "DELETE"),
  );
}
