import "server-only";
import { db } from "@/lib/db";
import { attachedPolicies, findPolicyHolderOrThrow, type PolicyHolderKind } from "@/lib/data/policy-holders";
import { toAttachedPolicy } from "@/lib/data/policy-shape";
import type { AttachedPolicy } from "@/lib/schemas/policy";

/** ListAttachedUserPolicies / …GroupPolicies / …RolePolicies (at most 10, so not paged). */
export async function listAttachedPolicies(kind: PolicyHolderKind, accountId: string, holderName: string): Promise<AttachedPolicy[]> {
  const holder = await findPolicyHolderOrThrow(db(), kind, accountId, holderName);
  return (await attachedPolicies(db(), holder)).map(toAttachedPolicy);
}
