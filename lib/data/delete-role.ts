import "server-only";
import { deleteConflict } from "@/lib/errors";
import { describeCounts } from "@/lib/data/describe-counts";
import { MUST_REMOVE_ROLES } from "@/lib/data/delete-instance-profile";
import { findRoleOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";

/**
 * DeleteRole. AWS refuses while the role is in an instance profile (DeleteConflict in AWS's words)
 * or has attached managed or inline policies ("Deleting roles or instance profiles" in the IAM
 * User Guide); with `force` — the console's delete, which removes everything the role holds, as
 * the AWS console does — the role is taken out of its instance profiles (which stay) and its
 * policies removed first, each policy's attachmentCount kept right, all in one transaction. Tags
 * go with the role.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRole.html
 */
export function deleteRole(accountId: string, roleName: string, options: { force: boolean }): Promise<void> {
  return write(async (tx, log) => {
    const role = await findRoleOrThrow(tx, accountId, roleName);
    const profiles = await tx.instanceProfile.findMany({ where: { roleId: role.id }, select: { id: true, name: true }, orderBy: { nameLower: "asc" } });
    if (profiles.length > 0 && !options.force) throw deleteConflict(MUST_REMOVE_ROLES, "roleName");
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
        `Role ${role.name} cannot be deleted: it still has ${remaining}. Remove them first.`,
        "roleName",
      );
    }
    if (profiles.length > 0) {
      await tx.instanceProfile.updateMany({ where: { roleId: role.id }, data: { roleId: null } });
      for (const { name } of profiles) {
        log({ accountId, action: "RemoveRoleFromInstanceProfile", targetArn: role.arn, summary: `Removed role ${role.name} from instance profile ${name} (role deleted).` });
      }
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
    const steps = [
      profiles.length > 0 ? `taking it out of ${describeCounts([[profiles.length, "instance profile"]])}` : null,
      remaining ? `removing its ${remaining}` : null,
    ].filter((step): step is string => step !== null);
    log({
      accountId,
      action: "DeleteRole",
      targetArn: role.arn,
      summary: steps.length > 0 ? `Deleted role ${role.name} after ${steps.join(" and ")}.` : `Deleted role ${role.name}.`,
    });
  });
}
