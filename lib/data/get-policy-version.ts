import "server-only";
import { db } from "@/lib/db";
import { noSuchEntity } from "@/lib/errors";
import { findPolicyByNameOrThrow } from "@/lib/data/lookup";
import { toPolicyVersion } from "@/lib/data/policy-shape";
import type { PolicyVersion } from "@/lib/schemas/policy";

/** GetPolicyVersion. */
export async function getPolicyVersion(accountId: string, policyName: string, versionId: string): Promise<PolicyVersion> {
  const policy = await findPolicyByNameOrThrow(db(), accountId, policyName);
  const row = await db().policyVersion.findUnique({ where: { policyId_versionId: { policyId: policy.id, versionId } } });
  if (!row) throw noSuchEntity(`Policy ${policy.name} has no version ${versionId}.`, "versionId");
  return toPolicyVersion(row, policy.defaultVersionId);
}
