import "server-only";
import { limitExceeded } from "@/lib/errors";
import { assertCustomerManaged, findPolicyByNameOrThrow } from "@/lib/data/lookup";
import { assertValidManagedPolicyDocument } from "@/lib/data/policy-documents";
import { toPolicyVersion } from "@/lib/data/policy-shape";
import { write } from "@/lib/data/write";
import type { PolicyVersion } from "@/lib/schemas/policy";

/** A managed policy keeps at most five versions ("Versioning IAM policies", IAM User Guide). */
export const MAX_POLICY_VERSIONS = 5;

/**
 * CreatePolicyVersion. Version ids keep counting up (v6 follows v5 even after deletes), and the
 * policy's update date becomes this version's creation date, as AWS reports it.
 */
export async function createPolicyVersion(
  accountId: string,
  policyName: string,
  input: { policyDocument: string; setAsDefault: boolean },
): Promise<PolicyVersion> {
  assertValidManagedPolicyDocument(input.policyDocument);
  return write(async (tx, log) => {
    const policy = await findPolicyByNameOrThrow(tx, accountId, policyName);
    assertCustomerManaged(policy);
    const count = await tx.policyVersion.count({ where: { policyId: policy.id } });
    if (count >= MAX_POLICY_VERSIONS) {
      throw limitExceeded(
        `Policy ${policy.name} already has ${count} versions, the most AWS allows. Delete a version (not the default one) first.`,
        "policyName",
      );
    }
    const versionId = `v${policy.nextVersionNumber}`;
    const version = await tx.policyVersion.create({
      data: { policyId: policy.id, versionId, document: input.policyDocument },
    });
    const defaultVersionId = input.setAsDefault ? versionId : policy.defaultVersionId;
    await tx.policy.update({
      where: { id: policy.id },
      data: { nextVersionNumber: { increment: 1 }, defaultVersionId, updatedAt: version.createdAt },
    });
    log({
      accountId,
      action: "CreatePolicyVersion",
      targetArn: policy.arn,
      summary: `Created version ${versionId} of policy ${policy.name}${input.setAsDefault ? " as the default" : ""}.`,
    });
    return toPolicyVersion(version, defaultVersionId);
  });
}
