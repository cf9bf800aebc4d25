import "server-only";
import { removeRoleFromItsInstanceProfilesOperations } from "@/lib/api/instance-profile-operations";
import { db } from "@/lib/db";
import type { Operation } from "@/lib/auth/authorize";
import { boundaryContext, op, principalTarget } from "@/lib/api/operations";

/**
 * What deleting a user, group or role declares. Without `force` it is the one Delete{Kind}
 * operation; with `force` the console also removes what AWS requires gone first ("Deleting an IAM
 * user", "Deleting an IAM group", "Deleting roles or instance profiles" in the IAM User Guide), so
 * it declares each operation AWS would authorize for that removal, as the AWS console performs them
 * (read from what the entity holds now).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_users_remove.html
 */

const where = (accountId: string, name: string) => ({ accountId_nameLower: { accountId, nameLower: name.toLowerCase() } });
const POLICY_ARNS = { select: { policy: { select: { arn: true } } } } as const;

/** DeleteUser, and with force: RemoveUserFromGroup, DetachUserPolicy, DeleteUserPolicy, DeleteLoginProfile, DeleteAccessKey, DeactivateMFADevice, DeleteVirtualMFADevice. */
export async function deleteUserOperations(accountId: string, userName: string, force: boolean): Promise<Operation[]> {
  const target = await principalTarget("user", accountId, userName);
  const onUser = (action: string, context = {}) => op(accountId, action, target.arn, { ...target.resourceContext, ...context });
  const operations = [onUser("iam:DeleteUser")];
  if (!force) return operations;
  const held = await db().user.findUnique({
    where: where(accountId, userName),
    select: {
      passwordHash: true,
      groups: { select: { group: { select: { arn: true } } } },
      attachedPolicies: POLICY_ARNS,
      mfaDevices: { select: { arn: true } },
      _count: { select: { inlinePolicies: true, accessKeys: true } },
    },
  });
  if (!held) return operations;
  for (const { group } of held.groups) operations.push(op(accountId, "iam:RemoveUserFromGroup", group.arn));
  const boundary = boundaryContext(target.boundaryArn);
  for (const { policy } of held.attachedPolicies) operations.push(onUser("iam:DetachUserPolicy", { ...boundary, "iam:PolicyARN": policy.arn }));
  if (held._count.inlinePolicies > 0) operations.push(onUser("iam:DeleteUserPolicy", boundary));
  if (held.passwordHash !== null) operations.push(onUser("iam:DeleteLoginProfile"));
  if (held._count.accessKeys > 0) operations.push(onUser("iam:DeleteAccessKey"));
  for (const device of held.mfaDevices) {
    operations.push(onUser("iam:DeactivateMFADevice"), op(accountId, "iam:DeleteVirtualMFADevice", device.arn));
  }
  return operations;
}

/** DeleteGroup, and with force: RemoveUserFromGroup, DetachGroupPolicy, DeleteGroupPolicy. */
export async function deleteGroupOperations(accountId: string, groupName: string, force: boolean): Promise<Operation[]> {
  const target = await principalTarget("group", accountId, groupName);
  const operations = [op(accountId, "iam:DeleteGroup", target.arn)];
  if (!force) return operations;
  const held = await db().group.findUnique({
    where: where(accountId, groupName),
    select: { attachedPolicies: POLICY_ARNS, _count: { select: { members: true, inlinePolicies: true } } },
  });
  if (!held) return operations;
  if (held._count.members > 0) operations.push(op(accountId, "iam:RemoveUserFromGroup", target.arn));
  for (const { policy } of held.attachedPolicies) operations.push(op(accountId, "iam:DetachGroupPolicy", target.arn, { "iam:PolicyARN": policy.arn }));
  if (held._count.inlinePolicies > 0) operations.push(op(accountId, "iam:DeleteGroupPolicy", target.arn));
  return operations;
}

/** DeleteRole, and with force: DetachRolePolicy, DeleteRolePolicy (each with the role's iam:PermissionsBoundary). */
export async function deleteRoleOperations(accountId: string, roleName: string, force: boolean): Promise<Operation[]> {
  const target = await principalTarget("role", accountId, roleName);
  const boundary = boundaryContext(target.boundaryArn);
  const onRole = (action: string, context = {}) => op(accountId, action, target.arn, { ...target.resourceContext, ...boundary, ...context });
  const operations = [onRole("iam:DeleteRole")];
  if (!force) return operations;
  const held = await db().role.findUnique({
    where: where(accountId, roleName),
    select: { attachedPolicies: POLICY_ARNS, _count: { select: { inlinePolicies: true } } },
  });
  if (!held) return operations;
  // A force delete takes the role out of its instance profiles first (lib/data/delete-role.ts).
  operations.push(...(await removeRoleFromItsInstanceProfilesOperations(accountId, roleName)));
  for (const { policy } of held.attachedPolicies) operations.push(onRole("iam:DetachRolePolicy", { "iam:PolicyARN": policy.arn }));
  if (held._count.inlinePolicies > 0) operations.push(onRole("iam:DeleteRolePolicy"));
  return operations;
}
