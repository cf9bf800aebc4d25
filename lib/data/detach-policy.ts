import "server-only";
import { noSuchEntity } from "@/lib/errors";
import { findManagedPolicyByArnOrThrow } from "@/lib/data/lookup";
import {
  deleteAttachment,
  findPolicyHolderOrThrow,
  policyActionName,
  type PolicyHolderKind,
} from "@/lib/data/policy-holders";
import { write } from "@/lib/data/write";

/** DetachUserPolicy / DetachGroupPolicy / DetachRolePolicy: NoSuchEntity when not attached. */
export function detachPolicy(kind: PolicyHolderKind, accountId: string, holderName: string, policyArn: string): Promise<void> {
  return write(async (tx, log) => {
    const holder = await findPolicyHolderOrThrow(tx, kind, accountId, holderName);
    const policy = await findManagedPolicyByArnOrThrow(tx, accountId, policyArn);
    if (!(await deleteAttachment(tx, holder, policy.id))) {
      throw noSuchEntity(`Policy ${policy.arn} is not attached to ${kind} ${holder.name}.`, "policyArn");
    }
    await tx.policy.update({ where: { id: policy.id }, data: { attachmentCount: { decrement: 1 } } });
    log({
      accountId,
      action: policyActionName("Detach", kind),
      targetArn: holder.arn,
      summary: `Detached ${policy.name} from ${kind} ${holder.name}.`,
    });
  });
}
