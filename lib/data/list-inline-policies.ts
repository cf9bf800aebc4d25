import "server-only";
import { db } from "@/lib/db";
import { findPolicyHolderOrThrow, inlinePolicies, type PolicyHolderKind } from "@/lib/data/policy-holders";
import { toInlinePolicy } from "@/lib/data/policy-shape";
import type { InlinePolicy } from "@/lib/schemas/policy";

/** ListUserPolicies / ListGroupPolicies / ListRolePolicies, with each document. */
export async function listInlinePolicies(kind: PolicyHolderKind, accountId: string, holderName: string): Promise<InlinePolicy[]> {
  const holder = await findPolicyHolderOrThrow(db(), kind, accountId, holderName);
  return (await inlinePolicies(db(), holder)).map(toInlinePolicy);
}
