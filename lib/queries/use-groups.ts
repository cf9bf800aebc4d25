"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, qs, seg } from "./api";
import { keys } from "./keys";
import type { GroupSummary, Page, UserSummary } from "./types";
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

/** One page of a group's members (a group may hold thousands of users). */
export function useGroupMembers(accountId: string, groupName: string, page = 1, pageSize = 25) {
  return useQuery({
    queryKey: [...keys.sub(accountId, "groups", groupName, "members"), page, pageSize],
    queryFn: () => api<Page<UserSummary>>(`${one(accountId, groupName)}/members${qs({ page, pageSize })}`),
    placeholderData: keepPreviousData,
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
