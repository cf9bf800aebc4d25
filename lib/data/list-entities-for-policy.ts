import "server-only";
import { db } from "@/lib/db";
import { findPolicyByNameOrThrow } from "@/lib/data/lookup";
import { pageOf } from "@/lib/schemas/common";
import type { PolicyEntities, PolicyEntitiesQuery, PolicyEntity, PolicyEntityKind, PolicyUsage } from "@/lib/schemas/policy";

const KIND_ORDER: Record<PolicyEntityKind, number> = { user: 0, group: 1, role: 2 };
const USAGE_ORDER: Record<PolicyUsage, number> = { PermissionsPolicy: 0, PermissionsBoundary: 1 };
const collator = new Intl.Collator("en");

// Names are unique per kind in an account, and one entity appears at most once per usage: a
// total order, so pages never overlap or skip an entity.
const byKindNameUsage = (a: PolicyEntity, b: PolicyEntity) =>
  KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || collator.compare(a.name, b.name) || USAGE_ORDER[a.usage] - USAGE_ORDER[b.usage];

/**
 * ListEntitiesForPolicy: one page of the users, groups and roles of this account that have the
 * policy attached (PermissionsPolicy) or as their permissions boundary (PermissionsBoundary),
 * optionally only one kind or one usage (AWS's EntityFilter and PolicyUsageFilter).
 */
export async function listEntitiesForPolicy(accountId: string, policyName: string, query: PolicyEntitiesQuery): Promise<PolicyEntities> {
  const policy = await findPolicyByNameOrThrow(db(), accountId, policyName);
  const policyId = policy.id;
  const entity = { select: { id: true, name: true, arn: true } };
  // Only the lists the filters keep are read.
  const wants = (kind: PolicyEntityKind, usage: PolicyUsage) => (query.entity ?? kind) === kind && (query.usage ?? usage) === usage;
  const none = Promise.resolve([]);
  const [users, groups, roles, userBoundaries, roleBoundaries] = await Promise.all([
    wants("user", "PermissionsPolicy") ? db().userPolicyAttachment.findMany({ where: { policyId, user: { accountId } }, select: { user: entity } }) : none,
    wants("group", "PermissionsPolicy") ? db().groupPolicyAttachment.findMany({ where: { policyId, group: { accountId } }, select: { group: entity } }) : none,
    wants("role", "PermissionsPolicy") ? db().rolePolicyAttachment.findMany({ where: { policyId, role: { accountId } }, select: { role: entity } }) : none,
    wants("user", "PermissionsBoundary") ? db().user.findMany({ where: { accountId, boundaryPolicyId: policyId }, ...entity }) : none,
    wants("role", "PermissionsBoundary") ? db().role.findMany({ where: { accountId, boundaryPolicyId: policyId }, ...entity }) : none,
  ]);
  const row = (kind: PolicyEntityKind, usage: PolicyUsage) => (e: { id: string; name: string; arn: string }): PolicyEntity => ({ kind, name: e.name, id: e.id, arn: e.arn, usage });
  const all = [
    ...users.map(({ user }) => user).map(row("user", "PermissionsPolicy")),
    ...groups.map(({ group }) => group).map(row("group", "PermissionsPolicy")),
    ...roles.map(({ role }) => role).map(row("role", "PermissionsPolicy")),
    ...userBoundaries.map(row("user", "PermissionsBoundary")),
    ...roleBoundaries.map(row("role", "PermissionsBoundary")),
  ].sort(byKindNameUsage);
  return pageOf(all, query);
}
