import "server-only";
import type { Tx } from "@/lib/data/write";
import type { AffectedPrincipals } from "@/lib/schemas/policy-version-diff";

/**
 * Who a change to the policy's default version changes permissions for: a managed policy's
 * permissions are its default version's, wherever it is attached or used as a boundary.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html
 */
export async function affectedPrincipals(tx: Tx, accountId: string, policyId: string): Promise<AffectedPrincipals> {
  const select = { id: true } as const;
  const [attachedUsers, groups, memberships, attachedRoles, boundaryUsers, boundaryRoles] = await Promise.all([
    tx.userPolicyAttachment.findMany({ where: { policyId, user: { accountId } }, select: { userId: true } }),
    tx.groupPolicyAttachment.count({ where: { policyId, group: { accountId } } }),
    tx.groupMembership.findMany({ where: { group: { accountId, attachedPolicies: { some: { policyId } } } }, select: { userId: true } }),
    tx.rolePolicyAttachment.findMany({ where: { policyId, role: { accountId } }, select: { roleId: true } }),
    tx.user.findMany({ where: { accountId, boundaryPolicyId: policyId }, select }),
    tx.role.findMany({ where: { accountId, boundaryPolicyId: policyId }, select }),
  ]);
  const users = new Set([...attachedUsers.map((row) => row.userId), ...memberships.map((row) => row.userId), ...boundaryUsers.map((row) => row.id)]);
  const roles = new Set([...attachedRoles.map((row) => row.roleId), ...boundaryRoles.map((row) => row.id)]);
  return { users: users.size, roles: roles.size, groups, principals: users.size + roles.size, viaBoundary: boundaryUsers.length + boundaryRoles.length };
}
