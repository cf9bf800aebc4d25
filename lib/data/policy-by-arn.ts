import "server-only";
import { db } from "@/lib/db";
import { noSuchEntity } from "@/lib/errors";
import { findManagedPolicyByArnOrThrow } from "@/lib/data/lookup";
import { boundaryUsageCounts } from "@/lib/data/list-policy-rows";
import { readPolicy, toPolicyVersion, versionNumber } from "@/lib/data/policy-shape";
import type { Tag } from "@/lib/schemas/common";
import type { Policy, PolicyVersion } from "@/lib/schemas/policy";

/**
 * The managed policy reads of IAM's API, which names a policy by its ARN (PolicyArn) where the
 * console's routes name it in the path. The ARN is matched exactly, as AWS matches it (a wrong path
 * is NoSuchEntity), among the account's customer managed policies and the AWS managed ones
 * (lookup.ts: findManagedPolicyByArnOrThrow, as AttachUserPolicy finds its policy). Reading by the
 * stored row, not by name, keeps arn:aws:iam::aws:policy/X apart from a customer policy the
 * account may have named X as well. The answers use policy-shape.ts, as the console's reads do.
 */

/** The stored policy the ARN names, as `accountId` may see it; NoSuchEntity naming PolicyArn otherwise. */
export const findPolicyByArnOrThrow = (accountId: string, arn: string) => findManagedPolicyByArnOrThrow(db(), accountId, arn, "PolicyArn");

/** The policy's tags, for aws:ResourceTag/… in the request's authorization; none when there is no such policy. */
export async function policyTagsByArn(accountId: string, arn: string): Promise<Tag[]> {
  const found = await db().policy.findUnique({ where: { arn }, select: { accountId: true, awsManaged: true, tags: { select: { key: true, value: true } } } });
  return found && (found.awsManaged || found.accountId === accountId) ? found.tags : [];
}

/** GetPolicy: the policy as the account sees it, with how many of its users and roles have it as their boundary. */
export async function getPolicyByArn(accountId: string, arn: string): Promise<{ policy: Policy; boundaryUsageCount: number }> {
  const found = await findPolicyByArnOrThrow(accountId, arn);
  const [policy, boundaries] = await Promise.all([readPolicy(db(), found.id, accountId), boundaryUsageCounts(accountId, [found.id])]);
  return { policy, boundaryUsageCount: boundaries.get(found.id) ?? 0 };
}

/** ListPolicyVersions: newest first. */
export async function listPolicyVersionsByArn(accountId: string, arn: string): Promise<PolicyVersion[]> {
  const policy = await findPolicyByArnOrThrow(accountId, arn);
  const rows = await db().policyVersion.findMany({ where: { policyId: policy.id } });
  return rows.sort((a, b) => versionNumber(b.versionId) - versionNumber(a.versionId)).map((row) => toPolicyVersion(row, policy.defaultVersionId));
}

/** GetPolicyVersion. */
export async function getPolicyVersionByArn(accountId: string, arn: string, versionId: string): Promise<PolicyVersion> {
  const policy = await findPolicyByArnOrThrow(accountId, arn);
  const row = await db().policyVersion.findUnique({ where: { policyId_versionId: { policyId: policy.id, versionId } } });
  if (!row) throw noSuchEntity(`Policy ${policy.arn} has no version ${versionId}.`, "VersionId");
  return toPolicyVersion(row, policy.defaultVersionId);
}

/** ListPolicyTags: every tag, by lower-case key. */
export async function listPolicyTagsByArn(accountId: string, arn: string): Promise<Tag[]> {
  const policy = await findPolicyByArnOrThrow(accountId, arn);
  return db().policyTag.findMany({ where: { policyId: policy.id }, select: { key: true, value: true }, orderBy: { keyLower: "asc" } });
}
