import "server-only";
import { alreadyExists } from "@/lib/errors";
import { newUniqueId } from "@/lib/ids";
import { addRoleToInstanceProfile } from "@/lib/data/add-role-to-instance-profile";
import { readInstanceProfile } from "@/lib/data/instance-profile-shape";
import { findAccountOrThrow, findRoleOrThrow, nameKey } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";
import { instanceProfileArn, type InstanceProfile } from "@/lib/schemas/instance-profile";

/**
 * CreateInstanceProfile: an empty instance profile, its name unique in the account
 * (case-insensitively, as every IAM name). Its role is added with AddRoleToInstanceProfile.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateInstanceProfile.html
 */
export function createInstanceProfile(accountId: string, input: { instanceProfileName: string; path: string }): Promise<InstanceProfile> {
  return write(async (tx, log) => {
    await findAccountOrThrow(tx, accountId);
    const nameLower = nameKey(input.instanceProfileName);
    if (await tx.instanceProfile.findUnique({ where: { accountId_nameLower: { accountId, nameLower } }, select: { id: true } })) {
      throw alreadyExists(`Instance Profile ${input.instanceProfileName} already exists.`, "instanceProfileName");
    }
    const arn = instanceProfileArn(accountId, input.path, input.instanceProfileName);
    const profile = await tx.instanceProfile.create({
      data: { id: newUniqueId("AIPA"), accountId, name: input.instanceProfileName, nameLower, path: input.path, arn },
      select: { id: true },
    });
    log({ accountId, action: "CreateInstanceProfile", targetArn: arn, summary: `Created instance profile ${input.instanceProfileName}.` });
    return readInstanceProfile(tx, profile.id);
  });
}

/**
 * What the AWS console does for a role that EC2 uses: an instance profile of the role's name and
 * path holding the role (CreateInstanceProfile, then AddRoleToInstanceProfile), in one
 * transaction, so there is never an empty profile left behind by a refused add.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html
 */
export function createInstanceProfileForRole(accountId: string, roleName: string): Promise<InstanceProfile> {
  return write(async (tx) => {
    const role = await findRoleOrThrow(tx, accountId, roleName);
    const profile = await createInstanceProfile(accountId, { instanceProfileName: role.name, path: role.path });
    return addRoleToInstanceProfile(accountId, profile.instanceProfileName, role.name);
  });
}
