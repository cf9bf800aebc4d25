import "server-only";
import { noSuchEntity } from "@/lib/errors";
import { deleteInlinePolicyRow, findPolicyHolderOrThrow, policyActionName, type PolicyHolderKind } from "@/lib/data/policy-holders";
import { write } from "@/lib/data/write";

/** DeleteUserPolicy / DeleteGroupPolicy / DeleteRolePolicy. */
export function deleteInlinePolicy(kind: PolicyHolderKind, accountId: string, holderName: string, policyName: string): Promise<void> {
  return write(async (tx, log) => {
    const holder = await findPolicyHolderOrThrow(tx, kind, accountId, holderName);
    if (!(await deleteInlinePolicyRow(tx, holder, policyName))) {
      throw noSuchEntity(`The ${kind} ${holder.name} has no inline policy named ${policyName}.`, "policyName");
    }
    log({
      accountId,
      action: policyActionName("Delete", kind),
      targetArn: holder.arn,
      summary: `Deleted inline policy ${policyName} of ${kind} ${holder.name}.`,
    });
  });
}
