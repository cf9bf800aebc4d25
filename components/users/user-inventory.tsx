"use client";

import { InventoryList } from "@/components/entity/inventory-list";
import { useAccessKeys, useMfaDevices } from "@/lib/queries/use-credentials";
import { useAttachedPolicies, useInlinePolicies } from "@/lib/queries/use-principal-policies";
import { useUserGroups } from "@/lib/queries/use-users";

/** Everything DeleteUser refuses to delete around (AWS DeleteUser), fetched when asked. */
export function UserInventory({ accountId, userName, hasPassword }: { accountId: string; userName: string; hasPassword: boolean }) {
  const ref = { accountId, kind: "users" as const, name: userName };
  const groups = useUserGroups(accountId, userName);
  const attached = useAttachedPolicies(ref);
  const inline = useInlinePolicies(ref);
  const keys = useAccessKeys(accountId, userName);
  const mfa = useMfaDevices(accountId, userName);
  return (
    <InventoryList
      items={[
        { label: "Group memberships", names: groups.data?.map((g) => g.groupName) },
        { label: "Attached managed policies (detached)", names: attached.data?.map((p) => p.policyName) },
        { label: "Inline policies", names: inline.data?.map((p) => p.policyName) },
        { label: "Console password", names: hasPassword ? ["the login profile"] : [] },
        { label: "Access keys", names: keys.data?.map((k) => k.accessKeyId) },
        { label: "MFA devices", names: mfa.data?.map((d) => d.name) },
      ]}
    />
  );
}
