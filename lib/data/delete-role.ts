import "server-only";
import { deleteConflict } from "@/lib/errors";
import { describeCounts } from "@/lib/data/describe-counts";
import { findRoleOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";

/**
 * DeleteRole. AWS refuses while the role has attached managed or inline policies ("Deleting
 * roles or instance profiles" in the IAM User Guide); with `force` they are removed first, each
 * policy's attachmentCount kept right, all in one transaction. Tags go with the role.
 */
export function deleteRole(accountId: string, roleName: string, options: { force: boolean }): Promise<void> {
  return write(async (tx, log) => {
    const role = await findRoleOrThrow(tx, accountId, roleName);
    const attached = await tx.rolePolicyAttachment.findMany({
      where: { roleId: role.id },
      select: { policy: { select: { id: true, name: true } } },
    });
    const inline = await tx.roleInlinePolicy.findMany({ where: { roleId: role.id }, select: { name: true } });
    const remaining = describeCounts([
      [attached.length, "attached managed policy", "attached managed policies"],
      [inline.length, "inline policy", "inline policies"],
    ]);
    if (remaining && !options.force) {
      throw deleteConflict(
        `Role ${role.name} cannot be deleted: it still has ${remaining}. Remove them first, or delete with force.`,
        "roleName",
      );
    }
    if (attached.length > 0) {
      await tx.policy.updateMany({
        where: { id: { in: attached.map((a) => a.policy.id) } },
        data: { attachmentCount: { decrement: 1 } },
      });
      await tx.rolePolicyAttachment.deleteMany({ where: { roleId: role.id } });
      for (const { policy } of attached) {
        log({ accountId, action: "DetachRolePolicy", targetArn: role.arn, summary: `Detached ${policy.name} from role ${role.name} (role deleted).` });
      }
    }
    if (inline.length > 0) {
      await tx.roleInlinePolicy.deleteMany({ where: { roleId: role.id } });
      for (const { name } of inline) {
        log({ accountId, action: "DeleteRolePolicy", targetArn: role.arn, summary: `Deleted inline policy ${name} of role ${role.name} (role deleted).` });
      }
    }
    await tx.role.delete({ where: { id: role.id } });
    log({
      accountId,
      action: "DeleteRole",
      targetArn: role.arn,
      summary: remaining ? `Deleted role ${role.name} after removing its ${remaining}.` : `Deleted role ${role.name}.`,
    });
  });
}
