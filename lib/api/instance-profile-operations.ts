import "server-only";
import { db } from "@/lib/db";
import type { Operation } from "@/lib/auth/authorize";
import { op, principalTarget } from "@/lib/api/operations";
import { nameKey } from "@/lib/data/lookup";
import { instanceProfileArn } from "@/lib/schemas/instance-profile";

/**
 * What the instance profile requests declare, for the console's routes and the AWS endpoint
 * alike: the action on the instance-profile resource type (arn:aws:iam::ACCOUNT:instance-profile/
 * PATH/NAME, with the stored path; "/" for a profile that does not exist), and for
 * AddRoleToInstanceProfile also iam:PassRole on the role, which AWS requires of its caller.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
 */

/** The ARN of the stored instance profile (its path and spelling), or with path "/" when there is none. */
export async function instanceProfileTarget(accountId: string, name: string): Promise<string> {
  const found = await db().instanceProfile.findUnique({ where: { accountId_nameLower: { accountId, nameLower: nameKey(name) } }, select: { arn: true } });
  return found?.arn ?? instanceProfileArn(accountId, "/", name);
}

/** `action` on the instance profile named. */
export const onInstanceProfile = async (accountId: string, action: string, name: string): Promise<Operation> =>
  op(accountId, action, await instanceProfileTarget(accountId, name));

/**
 * iam:PassRole as AddRoleToInstanceProfile checks it: on the role (with its resource tags), the
 * role passed to EC2 (iam:PassedToService), and iam:AssociatedResourceArn naming any instance of
 * the account, the only value AWS gives it for this action ("the ARN value must be
 * arn:aws:ec2:*:CallerAccountId:instance/*", AddRoleToInstanceProfile in the IAM API Reference).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_AddRoleToInstanceProfile.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
 */
export async function passRoleToInstanceProfile(accountId: string, roleName: string): Promise<Operation> {
  const role = await principalTarget("role", accountId, roleName);
  return op(accountId, "iam:PassRole", role.arn, {
    ...role.resourceContext,
    "iam:PassedToService": "ec2.amazonaws.com",
    "iam:AssociatedResourceArn": `arn:aws:ec2:*:${accountId}:instance/*`,
  });
}

/** AddRoleToInstanceProfile: the action on the profile, then iam:PassRole on the role. */
export async function addRoleToInstanceProfileOperations(accountId: string, instanceProfileName: string, roleName: string): Promise<Operation[]> {
  return [await onInstanceProfile(accountId, "iam:AddRoleToInstanceProfile", instanceProfileName), await passRoleToInstanceProfile(accountId, roleName)];
}

/**
 * The console's "Create instance profile" on a role page: what the AWS console does for an EC2
 * role — CreateInstanceProfile of the role's name and path, AddRoleToInstanceProfile, and the
 * iam:PassRole that needs.
 */
export async function createInstanceProfileForRoleOperations(accountId: string, roleName: string): Promise<Operation[]> {
  const role = await principalTarget("role", accountId, roleName);
  const profile = instanceProfileArn(accountId, role.path, role.name);
  return [
    op(accountId, "iam:CreateInstanceProfile", profile),
    op(accountId, "iam:AddRoleToInstanceProfile", profile),
    await passRoleToInstanceProfile(accountId, roleName),
  ];
}

/** DeleteInstanceProfile, and with force (the console's remove button) RemoveRoleFromInstanceProfile first when it holds a role. */
export async function deleteInstanceProfileOperations(accountId: string, name: string, force: boolean): Promise<Operation[]> {
  const found = await db().instanceProfile.findUnique({ where: { accountId_nameLower: { accountId, nameLower: nameKey(name) } }, select: { arn: true, roleId: true } });
  const arn = found?.arn ?? instanceProfileArn(accountId, "/", name);
  const operations = [op(accountId, "iam:DeleteInstanceProfile", arn)];
  if (force && found?.roleId) operations.push(op(accountId, "iam:RemoveRoleFromInstanceProfile", arn));
  return operations;
}

/** What a forced DeleteRole adds for the instance profiles holding the role: RemoveRoleFromInstanceProfile on each. */
export async function removeRoleFromItsInstanceProfilesOperations(accountId: string, roleName: string): Promise<Operation[]> {
  const profiles = await db().instanceProfile.findMany({
    where: { accountId, role: { nameLower: nameKey(roleName) } },
    select: { arn: true },
    orderBy: { nameLower: "asc" },
  });
  return profiles.map((profile) => op(accountId, "iam:RemoveRoleFromInstanceProfile", profile.arn));
}
