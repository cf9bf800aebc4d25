"use client";

import { useQuery } from "@tanstack/react-query";
import type { InstanceProfile } from "@/lib/schemas/instance-profile";
import { api, seg } from "./api";
import { keys } from "./keys";
import { getItems } from "./list";
import { useAccountMutation } from "./use-mutation";

export type { InstanceProfile } from "@/lib/schemas/instance-profile";

const forRole = (accountId: string, roleName: string) => `/accounts/${seg(accountId)}/roles/${seg(roleName)}/instance-profiles`;

/** The instance profiles holding the role (ListInstanceProfilesForRole). */
export function useRoleInstanceProfiles(accountId: string, roleName: string) {
  return useQuery({
    queryKey: keys.sub(accountId, "roles", roleName, "instance-profiles"),
    queryFn: () => getItems<InstanceProfile>(forRole(accountId, roleName)),
  });
}

/** An instance profile named like the role, holding it: what the AWS console makes for an EC2 role. */
export function useCreateRoleInstanceProfile(accountId: string, roleName: string) {
  return useAccountMutation(accountId, () => api<InstanceProfile>(forRole(accountId, roleName), "POST"));
}

/** Deletes an instance profile, taking its role out first (`?force=true`). */
export function useDeleteInstanceProfile(accountId: string) {
  return useAccountMutation(accountId, (name: string) => api<void>(`/accounts/${seg(accountId)}/instance-profiles/${seg(name)}?force=true`, "DELETE"));
}
