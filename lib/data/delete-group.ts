import "server-only";
import { deleteConflict } from "@/lib/errors";
import { describeCounts } from "@/lib/data/describe-counts";
import { findGroupOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";

/**
 * DeleteGroup. AWS refuses while the group has members, attached or inline policies ("Deleting
 * an IAM group" in the IAM User Guide); with `force` they are removed first, each detached
 * managed policy's attachmentCount lowered, all in one transaction.
 */
export function deleteGroup(accountId: string, groupName: string, options: { force: boolean }): Promise<void> {
  return write(async (tx, log) => {
    const group = await findGroupOrThrow(tx, accountId, groupName);
    const { _count: held } = await tx.group.findUniqueOrThrow({
      where: { id: group.id },
      select: { _count: { select: { members: true, attachedPolicies: true, inlinePolicies: true } } },
    });
    const remaining = describeCounts([
      [held.members, "member"],
      [held.attachedPolicies, "attached managed policy", "attached managed policies"],
      [held.inlinePolicies, "inline policy", "inline policies"],
    ]);
    if (remaining && !options.force) {
      throw deleteConflict(
        `Group ${group.name} cannot be deleted: it still has ${remaining}. Remove them first.`,
        "groupName",
      );
    }
    if (remaining) {
      const attached = await tx.groupPolicyAttachment.findMany({
        where: { groupId: group.id },
        select: { policyId: true },
      });
      await tx.policy.updateMany({
        where: { id: { in: attached.map((a) => a.policyId) } },
        data: { attachmentCount: { decrement: 1 } },
      });
      await tx.groupPolicyAttachment.deleteMany({ where: { groupId: group.id } });
      await tx.groupInlinePolicy.deleteMany({ where: { groupId: group.id } });
      await tx.groupMembership.deleteMany({ where: { groupId: group.id } });
    }
    await tx.group.delete({ where: { id: group.id } });
    log({
      accountId,
      action: "DeleteGroup",
      targetArn: group.arn,
      summary: remaining
        ? `Deleted group ${group.name} after removing its ${remaining}.`
        : `Deleted group ${group.name}.`,
    });
  });
}
