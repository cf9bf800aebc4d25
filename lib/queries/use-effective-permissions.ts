"use client";

import { useQuery } from "@tanstack/react-query";
import type { EffectivePermissionsResult } from "@/lib/schemas/access";
import { api, seg } from "./api";
import { keys } from "./keys";
import type { PrincipalRef } from "./use-principal-policies";

/**
 * The effective permissions of a user or role, or what a group's members receive from it.
 * The key sits under the account's prefix, so every write in the account (attach, detach,
 * inline, boundary, membership, tags, policy versions) invalidates it: the panel is live.
 */
export function useEffectivePermissions(ref: PrincipalRef) {
  return useQuery({
    queryKey: keys.sub(ref.accountId, ref.kind, ref.name, "effective-permissions"),
    queryFn: () =>
      api<EffectivePermissionsResult>(`/accounts/${seg(ref.accountId)}/${ref.kind}/${seg(ref.name)}/effective-permissions`),
  });
}
