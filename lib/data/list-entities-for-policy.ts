import "server-only";
import { db } from "@/lib/db";
import { findPolicyByNameOrThrow } from "@/lib/data/lookup";
import type { PolicyEntities } from "@/lib/schemas/policy";

const byName = <T>(name: (t: T) => string) => (a: T, b: T) => name(a).localeCompare(name(b));

/**
 * ListEntitiesForPolicy: the users, groups and roles of this account that have the policy
 * attached (PermissionsPolicy) or as their permissions boundary (PermissionsBoundary).
 */
export async function listEntitiesForPolicy(accountId: string, policyName: string): Promise<PolicyEntities> {
  const policy = await findPolicyByNameOrThrow(db(), accountId, policyName);
  const policyId = policy.id;
  const entity = { select: { id: true, name: true, arn: true } };
  const [users, groups, roles, userBoundaries, roleBoundaries] = await Promise.all([
    db().userPolicyAttachment.findMany({ where: { policyId, user: { accountId } }, select: { user: entity } }),
    db().groupPolicyAttachment.findMany({ where: { policyId, group: { accountId } }, select: { group: entity } }),
    db().rolePolicyAttachment.findMany({ where: { policyId, role: { accountId } }, select: { role: entity } }),
    db().user.findMany({ where: { accountId, boundaryPolicyId: policyId }, ...entity }),
    db().role.findMany({ where: { accountId, boundaryPolicyId: policyId }, ...entity }),
  ]);
  return {
    users: [
      ...users.map(({ user: u }) => ({ userName: u.name, userId: u.id, arn: u.arn, usage: "PermissionsPolicy" as const })),
      ...userBoundaries.map((u) => ({ userName: u.name, userId: u.id, arn: u.arn, usage: "PermissionsBoundary" as const })),
    ].sort(byName((u) => u.userName)),
    groups: groups
      .map(({ group: g }) => ({ groupName: g.name, groupId: g.id, arn: g.arn, usage: "PermissionsPolicy" as const }))
      .sort(byName((g) => g.groupName)),
    roles: [
      ...roles.map(({ role: r }) => ({ roleName: r.name, roleId: r.id, arn: r.arn, usage: "PermissionsPolicy" as const })),
      ...roleBoundaries.map((r) => ({ roleName: r.name, roleId: r.id, arn: r.arn, usage: "PermissionsBoundary" as const })),
    ].sort(byName((r) => r.roleName)),
  };
}
