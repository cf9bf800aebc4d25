import "server-only";
import { db } from "@/lib/db";
import { findPolicyByNameOrThrow } from "@/lib/data/lookup";
import { readPolicy } from "@/lib/data/policy-shape";
import type { Policy } from "@/lib/schemas/policy";

/** GetPolicy with its default version's document: the account's customer policy, else AWS managed. */
export async function getPolicy(accountId: string, policyName: string): Promise<Policy> {
  const policy = await findPolicyByNameOrThrow(db(), accountId, policyName);
  return readPolicy(db(), policy.id, accountId);
}
