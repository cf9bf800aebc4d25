import "server-only";
import { noSuchEntity } from "@/lib/errors";
import { findInstanceProfileOrThrow } from "@/lib/data/instance-profile-shape";
import { findRoleOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";

/**
 * RemoveRoleFromInstanceProfile: the profile stays, empty. A role the profile does not hold is
 * NoSuchEntity, as AWS answers.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_RemoveRoleFromInstanceProfile.html
 */
export function removeRoleFromInstanceProfile(accountId: string, instanceProfileName: string, roleName: string): Promise<void> {
  return write(async (tx, log) => {
    const profile = await findInstanceProfileOrThrow(tx, accountId, instanceProfileName);
    const role = await findRoleOrThrow(tx, accountId, roleName);
    if (profile.roleId !== role.id) throw noSuchEntity(`The role ${role.name} is not in instance profile ${profile.name}.`, "roleName");
    await tx.instanceProfile.update({ where: { id: profile.id }, data: { roleId: null } });
    log({ accountId, action: "RemoveRoleFromInstanceProfile", targetArn: role.arn, summary: `Removed role ${role.name} from instance profile ${profile.name}.` });
  });
}
