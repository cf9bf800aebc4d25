import "server-only";
import { limitExceeded } from "@/lib/errors";
import { findInstanceProfileOrThrow, readInstanceProfile } from "@/lib/data/instance-profile-shape";
import { findRoleOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";
import type { InstanceProfile } from "@/lib/schemas/instance-profile";

/**
 * AddRoleToInstanceProfile: an instance profile holds one role, and the quota cannot be raised;
 * a second role (or the same one again) is LimitExceeded, in AWS's words.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_AddRoleToInstanceProfile.html
 */
export function addRoleToInstanceProfile(accountId: string, instanceProfileName: string, roleName: string): Promise<InstanceProfile> {
  return write(async (tx, log) => {
    const profile = await findInstanceProfileOrThrow(tx, accountId, instanceProfileName);
    const role = await findRoleOrThrow(tx, accountId, roleName);
    if (profile.roleId !== null) throw limitExceeded("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1", "roleName");
    await tx.instanceProfile.update({ where: { id: profile.id }, data: { roleId: role.id } });
    // Logged on the role: its page's history shows which instance profiles it was put in.
    log({ accountId, action: "AddRoleToInstanceProfile", targetArn: role.arn, summary: `Added role ${role.name} to instance profile ${profile.name}.` });
    return readInstanceProfile(tx, profile.id);
  });
}
