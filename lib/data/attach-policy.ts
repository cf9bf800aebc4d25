import "server-only";
import { limitExceeded } from "@/lib/errors";
import { findManagedPolicyByArnOrThrow } from "@/lib/data/lookup";
import {
  attachedPolicies,
  findPolicyHolderOrThrow,
  insertAttachment,
  policyActionName,
  type PolicyHolderKind,
} from "@/lib/data/policy-holders";
import { write } from "@/lib/data/write";
import { toAttachedPolicy } from "@/lib/data/policy-shape";
import type { AttachedPolicy } from "@/lib/schemas/policy";

/** Managed policies per user, group or role ("IAM and AWS STS quotas", IAM User Guide). */
export const MAX_ATTACHED_POLICIES = 10;

/**
 * AttachUserPolicy / AttachGroupPolicy / AttachRolePolicy. Attaching a policy that is already
 * attached changes nothing, as in AWS; a customer policy must belong to the same account.
 */
export function attachPolicy(
  kind: PolicyHolderKind,
  accountId: string,
  holderName: string,
  policyArn: string,
): Promise<AttachedPolicy> {
  return write(async (tx, log) => {
    const holder = await findPolicyHolderOrThrow(tx, kind, accountId, holderName);
    const policy = await findManagedPolicyByArnOrThrow(tx, accountId, policyArn);
    const attached = await attachedPolicies(tx, holder);
    if (attached.some((p) => p.id === policy.id)) return toAttachedPolicy(policy);
    if (attached.length >= MAX_ATTACHED_POLICIES) {
      throw limitExceeded(
        `${holder.name} already has ${attached.length} managed policies attached, the most a ${kind} can have (${MAX_ATTACHED_POLICIES}). Detach one first.`,
        "policyArn",
      );
    }
    await insertAttachment(tx, holder, policy.id);
    await tx.policy.update({ where: { id: policy.id }, data: { attachmentCount: { increment: 1 } } });
    log({
      accountId,
      action: policyActionName("Attach", kind),
      targetArn: holder.arn,
      summary: `Attached ${policy.name} to ${kind} ${holder.name}.`,
    });
    return toAttachedPolicy(policy);
  });
}
