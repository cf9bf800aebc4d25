import "server-only";
import { findManagedPolicyByArnOrThrow } from "@/lib/data/lookup";
import { assertValidPolicyDocument } from "@/lib/data/policy-documents";
import type { Tx } from "@/lib/data/write";

/**
 * The managed policy to use as a permissions boundary: AWS managed, or customer managed in the
 * same account, whose default version is a valid boundary. AWS managed documents are AWS's own
 * and taken as valid. https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 */
export async function findBoundaryPolicyOrThrow(tx: Tx, accountId: string, policyArn: string, field = "policyArn") {
  const policy = await findManagedPolicyByArnOrThrow(tx, accountId, policyArn, field);
  if (!policy.awsManaged) {
    const version = await tx.policyVersion.findUniqueOrThrow({
      where: { policyId_versionId: { policyId: policy.id, versionId: policy.defaultVersionId } },
      select: { document: true },
    });
    assertValidPolicyDocument(version.document, "boundary", field);
  }
  return policy;
}
