import "server-only";
import { deleteConflict, noSuchEntity } from "@/lib/errors";
import { assertCustomerManaged, findPolicyByNameOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";

/** DeletePolicyVersion: any version but the default one. */
export function deletePolicyVersion(accountId: string, policyName: string, versionId: string): Promise<void> {
  return write(async (tx, log) => {
    const policy = await findPolicyByNameOrThrow(tx, accountId, policyName);
    assertCustomerManaged(policy);
    if (versionId === policy.defaultVersionId) {
      throw deleteConflict(
        `${versionId} is the default version of policy ${policy.name} and cannot be deleted. Make another version the default first.`,
        "versionId",
      );
    }
    const { count } = await tx.policyVersion.deleteMany({ where: { policyId: policy.id, versionId } });
    if (count === 0) throw noSuchEntity(`Policy ${policy.name} has no version ${versionId}.`, "versionId");
    log({ accountId, action: "DeletePolicyVersion", targetArn: policy.arn, summary: `Deleted version ${versionId} of policy ${policy.name}.` });
  });
}
