import "server-only";
import { deleteConflict } from "@/lib/errors";
import { findInstanceProfileOrThrow } from "@/lib/data/instance-profile-shape";
import { write } from "@/lib/data/write";

/** AWS's words when a role is still in the way (DeleteInstanceProfile, and DeleteRole for a role in a profile). */
export const MUST_REMOVE_ROLES = "Cannot delete entity, must remove roles from instance profile first.";

/**
 * DeleteInstanceProfile: refused with DeleteConflict while the profile holds a role. With
 * `force` (the console's remove button) the role is taken out first, in the same transaction,
 * as RemoveRoleFromInstanceProfile would.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteInstanceProfile.html
 */
export function deleteInstanceProfile(accountId: string, instanceProfileName: string, options: { force: boolean } = { force: false }): Promise<void> {
  return write(async (tx, log) => {
    const profile = await findInstanceProfileOrThrow(tx, accountId, instanceProfileName);
    if (profile.roleId !== null) {
      if (!options.force) throw deleteConflict(MUST_REMOVE_ROLES, "instanceProfileName");
      const role = await tx.role.findUniqueOrThrow({ where: { id: profile.roleId }, select: { name: true, arn: true } });
      await tx.instanceProfile.update({ where: { id: profile.id }, data: { roleId: null } });
      log({ accountId, action: "RemoveRoleFromInstanceProfile", targetArn: role.arn, summary: `Removed role ${role.name} from instance profile ${profile.name} (instance profile deleted).` });
    }
    await tx.instanceProfile.delete({ where: { id: profile.id } });
    log({ accountId, action: "DeleteInstanceProfile", targetArn: profile.arn, summary: `Deleted instance profile ${profile.name}.` });
  });
}
