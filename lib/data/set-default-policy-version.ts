import "server-only";
import { noSuchEntity } from "@/lib/errors";
import { assertCustomerManaged, findPolicyByNameOrThrow } from "@/lib/data/lookup";
import { readPolicy } from "@/lib/data/policy-shape";
import { write } from "@/lib/data/write";
import type { Policy } from "@/lib/schemas/policy";

/** SetDefaultPolicyVersion: the version every principal with the policy is governed by. */
export function setDefaultPolicyVersion(accountId: string, policyName: string, versionId: string): Promise<Policy> {
  return write(async (tx, log) => {
    const policy = await findPolicyByNameOrThrow(tx, accountId, policyName);
    assertCustomerManaged(policy);
    const version = await tx.policyVersion.findUnique({
      where: { policyId_versionId: { policyId: policy.id, versionId } },
      select: { versionId: true },
    });
    if (!version) throw noSuchEntity(`Policy ${policy.name} has no version ${versionId}.`, "versionId");
    if (versionId !== policy.defaultVersionId) {
      await tx.policy.update({ where: { id: policy.id }, data: { defaultVersionId: versionId } });
      log({
        accountId,
        action: "SetDefaultPolicyVersion",
        targetArn: policy.arn,
        summary: `Made ${versionId} the default version of policy ${policy.name} (was ${policy.defaultVersionId}).`,
      });
    }
    return readPolicy(tx, policy.id, accountId);
  });
}
