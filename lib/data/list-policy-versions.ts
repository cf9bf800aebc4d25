import "server-only";
import { db } from "@/lib/db";
import { findPolicyByNameOrThrow } from "@/lib/data/lookup";
import { toPolicyVersion, versionNumber } from "@/lib/data/policy-shape";
import type { PolicyVersion } from "@/lib/schemas/policy";

/** ListPolicyVersions, newest first. */
export async function listPolicyVersions(accountId: string, policyName: string): Promise<PolicyVersion[]> {
  const policy = await findPolicyByNameOrThrow(db(), accountId, policyName);
  const rows = await db().policyVersion.findMany({ where: { policyId: policy.id } });
  return rows
    .sort((a, b) => versionNumber(b.versionId) - versionNumber(a.versionId))
    .map((row) => toPolicyVersion(row, policy.defaultVersionId));
}
