import "server-only";
import { loadCatalog } from "@/lib/catalog/load";
import { db } from "@/lib/db";
import { noSuchEntity } from "@/lib/errors";
import { diffPolicyAccess } from "@/lib/iam";
import { findPolicyByNameOrThrow } from "@/lib/data/lookup";
import { affectedPrincipals } from "@/lib/data/policy-affected-principals";
import { toPolicyVersion } from "@/lib/data/policy-shape";
import type { PolicyVersionDiff, PolicyVersionDiffQuery } from "@/lib/schemas/policy-version-diff";

/**
 * The permission diff between two versions of a managed policy: actions gained, lost and
 * changed over the whole catalog, and how many principals of the account the policy reaches.
 */
export async function diffPolicyVersions(accountId: string, policyName: string, query: PolicyVersionDiffQuery): Promise<PolicyVersionDiff> {
  const policy = await findPolicyByNameOrThrow(db(), accountId, policyName);
  const rows = await db().policyVersion.findMany({ where: { policyId: policy.id, versionId: { in: [query.from, query.to] } } });
  const version = (versionId: string, field: string) => {
    const row = rows.find((candidate) => candidate.versionId === versionId);
    if (!row) throw noSuchEntity(`Policy ${policy.name} has no version ${versionId}.`, field);
    return toPolicyVersion(row, policy.defaultVersionId);
  };
  const from = version(query.from, "from");
  const to = version(query.to, "to");
  return {
    policyName: policy.name,
    from,
    to,
    access: diffPolicyAccess(from.document, to.document, loadCatalog()),
    affected: await affectedPrincipals(db(), accountId, policy.id),
  };
}
