import "server-only";
import { db } from "@/lib/db";
import { noSuchEntity } from "@/lib/errors";
import { findPolicyHolderOrThrow, inlinePolicies, type PolicyHolderKind } from "@/lib/data/policy-holders";
import { toInlinePolicy } from "@/lib/data/policy-shape";
import type { InlinePolicy } from "@/lib/schemas/policy";

/** GetUserPolicy / GetGroupPolicy / GetRolePolicy. */
export async function getInlinePolicy(kind: PolicyHolderKind, accountId: string, holderName: string, policyName: string): Promise<InlinePolicy> {
  const holder = await findPolicyHolderOrThrow(db(), kind, accountId, holderName);
  const row = (await inlinePolicies(db(), holder)).find((p) => p.nameLower === policyName.toLowerCase());
  if (!row) throw noSuchEntity(`The ${kind} ${holder.name} has no inline policy named ${policyName}.`, "policyName");
  return toInlinePolicy(row);
}
