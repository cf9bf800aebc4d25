import "server-only";
import { db } from "@/lib/db";
import { findPolicyByArnOrThrow } from "@/lib/data/policy-by-arn";
import type { PolicyEntityKind, PolicyUsage } from "@/lib/schemas/policy";

/**
 * ListEntitiesForPolicy as the AWS API answers it: the users, groups and roles of the account that
 * have the policy attached (PermissionsPolicy) or as their permissions boundary
 * (PermissionsBoundary), under a path prefix; each entity once, whatever its uses. Ordered by kind
 * (users, groups, roles) then lower-cased name, as `entityRowKey`, for Marker paging.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListEntitiesForPolicy.html
 */

export interface PolicyEntityQuery {
  /** The kinds to list (EntityFilter); none for LocalManagedPolicy / AWSManagedPolicy, which hold no policy. */
  kinds: readonly PolicyEntityKind[];
  usage: PolicyUsage | undefined;
  pathPrefix: string;
}

export interface PolicyEntityRow {
  kind: PolicyEntityKind;
  id: string;
  name: string;
}

const KIND_ORDER: Record<PolicyEntityKind, number> = { user: 0, group: 1, role: 2 };

/** Sorts as the rows are ordered: plain string comparison, as lib/aws/paging.ts compares keys. */
export const entityRowKey = (row: PolicyEntityRow): string => `${KIND_ORDER[row.kind]}\n${row.name.toLowerCase()}`;

export async function listPolicyEntityRows(accountId: string, policyArn: string, query: PolicyEntityQuery): Promise<PolicyEntityRow[]> {
  const policy = await findPolicyByArnOrThrow(accountId, policyArn);
  const policyId = policy.id;
  const path = query.pathPrefix !== "/" ? { path: { startsWith: query.pathPrefix } } : {};
  const entity = { select: { id: true, name: true } };
  const wants = (kind: PolicyEntityKind, usage: PolicyUsage) => query.kinds.includes(kind) && (query.usage ?? usage) === usage;
  const none = Promise.resolve([]);
  const [users, groups, roles, userBoundaries, roleBoundaries] = await Promise.all([
    wants("user", "PermissionsPolicy") ? db().userPolicyAttachment.findMany({ where: { policyId, user: { accountId, ...path } }, select: { user: entity } }) : none,
    wants("group", "PermissionsPolicy") ? db().groupPolicyAttachment.findMany({ where: { policyId, group: { accountId, ...path } }, select: { group: entity } }) : none,
    wants("role", "PermissionsPolicy") ? db().rolePolicyAttachment.findMany({ where: { policyId, role: { accountId, ...path } }, select: { role: entity } }) : none,
    wants("user", "PermissionsBoundary") ? db().user.findMany({ where: { accountId, boundaryPolicyId: policyId, ...path }, ...entity }) : none,
    wants("role", "PermissionsBoundary") ? db().role.findMany({ where: { accountId, boundaryPolicyId: policyId, ...path }, ...entity }) : none,
  ]);
  const rows = new Map<string, PolicyEntityRow>();
  const add = (kind: PolicyEntityKind) => (found: { id: string; name: string }) => {
    const row = { kind, id: found.id, name: found.name };
    rows.set(entityRowKey(row), row);
  };
  users.map(({ user }) => user).forEach(add("user"));
  userBoundaries.forEach(add("user"));
  groups.map(({ group }) => group).forEach(add("group"));
  roles.map(({ role }) => role).forEach(add("role"));
  roleBoundaries.forEach(add("role"));
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}
