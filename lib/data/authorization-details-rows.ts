import "server-only";
import type { Tx } from "@/lib/data/write";
import { awsManagedAttachmentCounts, versionNumber } from "@/lib/data/policy-shape";
import type { AttachedPolicyRef, GroupDetail, InlinePolicyDetail, ManagedPolicyDetail, RoleDetail, UserDetail } from "@/lib/data/authorization-details-types";

/**
 * The reads behind GetAccountAuthorizationDetails (account-authorization-details.ts): one query
 * per table and relation for a whole page of entities, never one per entity, each entity with
 * what IAM's UserDetail, GroupDetail, RoleDetail and ManagedPolicyDetail carry. Answers are
 * plain objects (times as ISO strings, documents as written), for the AWS endpoint and exports.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 */

/** Rows after `after` (a row's key), `take` at most. */
export interface RowWindow {
  after: string | null;
  take: number;
}

/** A detail with the key that orders it among its kind (its lower-cased name; a policy's with its id). */
export interface Keyed<T> {
  key: string;
  detail: T;
}

const iso = (date: Date): string => date.toISOString();
const inlineSelect = { select: { name: true, document: true }, orderBy: { nameLower: "asc" } } as const;
const attachedSelect = { select: { policy: { select: { name: true, arn: true } } }, orderBy: { attachedAt: "asc" } } as const;
const tagSelect = { select: { key: true, value: true }, orderBy: { keyLower: "asc" } } as const;
const inline = (rows: { name: string; document: string }[]): InlinePolicyDetail[] => rows.map((row) => ({ policyName: row.name, policyDocument: row.document }));
const attached = (rows: { policy: { name: string; arn: string } }[]): AttachedPolicyRef[] => rows.map((row) => ({ policyName: row.policy.name, policyArn: row.policy.arn }));
const nameAfter = (after: string | null) => (after === null ? {} : { nameLower: { gt: after } });

export async function readUserDetails(tx: Tx, accountId: string, { after, take }: RowWindow): Promise<Keyed<UserDetail>[]> {
  const rows = await tx.user.findMany({
    where: { accountId, ...nameAfter(after) },
    orderBy: { nameLower: "asc" },
    take,
    select: {
      id: true, name: true, nameLower: true, path: true, arn: true, createdAt: true,
      boundary: { select: { arn: true } },
      tags: tagSelect,
      inlinePolicies: inlineSelect,
      attachedPolicies: attachedSelect,
      groups: { select: { group: { select: { name: true, nameLower: true } } } },
    },
  });
  return rows.map((row) => ({
    key: row.nameLower,
    detail: {
      path: row.path,
      userName: row.name,
      userId: row.id,
      arn: row.arn,
      createdAt: iso(row.createdAt),
      inlinePolicies: inline(row.inlinePolicies),
      groups: row.groups.map((m) => m.group).sort((a, b) => (a.nameLower < b.nameLower ? -1 : 1)).map((g) => g.name),
      attachedPolicies: attached(row.attachedPolicies),
      permissionsBoundaryArn: row.boundary?.arn ?? null,
      tags: row.tags,
    },
  }));
}

export async function readGroupDetails(tx: Tx, accountId: string, { after, take }: RowWindow): Promise<Keyed<GroupDetail>[]> {
  const rows = await tx.group.findMany({
    where: { accountId, ...nameAfter(after) },
    orderBy: { nameLower: "asc" },
    take,
    select: { id: true, name: true, nameLower: true, path: true, arn: true, createdAt: true, inlinePolicies: inlineSelect, attachedPolicies: attachedSelect },
  });
  return rows.map((row) => ({
    key: row.nameLower,
    detail: {
      path: row.path,
      groupName: row.name,
      groupId: row.id,
      arn: row.arn,
      createdAt: iso(row.createdAt),
      inlinePolicies: inline(row.inlinePolicies),
      attachedPolicies: attached(row.attachedPolicies),
    },
  }));
}

/** The latest time each role was assumed, from STS's temporary credentials and console role sessions. */
export async function roleLastAssumed(tx: Tx, roleIds: string[]): Promise<Map<string, Date>> {
  const latest = new Map<string, Date>();
  if (roleIds.length === 0) return latest;
  const [issued, switched] = await Promise.all([
    tx.temporaryCredential.groupBy({ by: ["roleId"], where: { roleId: { in: roleIds } }, _max: { issuedAt: true } }),
    tx.session.groupBy({ by: ["roleId"], where: { roleId: { in: roleIds } }, _max: { roleIssuedAt: true } }),
  ]);
  const note = (roleId: string | null, at: Date | null) => {
    if (roleId === null || at === null) return;
    const known = latest.get(roleId);
    if (!known || known < at) latest.set(roleId, at);
  };
  for (const row of issued) note(row.roleId, row._max.issuedAt);
  for (const row of switched) note(row.roleId, row._max.roleIssuedAt);
  return latest;
}

export async function readRoleDetails(tx: Tx, accountId: string, { after, take }: RowWindow): Promise<Keyed<RoleDetail>[]> {
  const rows = await tx.role.findMany({
    where: { accountId, ...nameAfter(after) },
    orderBy: { nameLower: "asc" },
    take,
    select: {
      id: true, name: true, nameLower: true, path: true, arn: true, createdAt: true, description: true, maxSessionDuration: true, trustPolicy: true,
      boundary: { select: { arn: true } },
      tags: tagSelect,
      inlinePolicies: inlineSelect,
      attachedPolicies: attachedSelect,
      instanceProfiles: { select: { id: true, name: true, path: true, arn: true, createdAt: true }, orderBy: { nameLower: "asc" } },
    },
  });
  const used = await roleLastAssumed(tx, rows.map((row) => row.id));
  return rows.map((row) => ({
    key: row.nameLower,
    detail: {
      path: row.path,
      roleName: row.name,
      roleId: row.id,
      arn: row.arn,
      createdAt: iso(row.createdAt),
      description: row.description,
      maxSessionDuration: row.maxSessionDuration,
      assumeRolePolicyDocument: row.trustPolicy,
      instanceProfiles: row.instanceProfiles.map((p) => ({ path: p.path, instanceProfileName: p.name, instanceProfileId: p.id, arn: p.arn, createdAt: iso(p.createdAt) })),
      inlinePolicies: inline(row.inlinePolicies),
      attachedPolicies: attached(row.attachedPolicies),
      permissionsBoundaryArn: row.boundary?.arn ?? null,
      tags: row.tags,
      lastUsedAt: used.get(row.id)?.toISOString() ?? null,
    },
  }));
}

/**
 * A policy's key: its lower-cased name, a space (which no IAM name holds) and its id, since an AWS
 * managed policy and one of the account's may share a name. Short enough for any Marker.
 */
function policyCursor(after: string): { nameLower: string; id: string } {
  const space = after.lastIndexOf(" ");
  return { nameLower: after.slice(0, space), id: after.slice(space + 1) };
}

/**
 * Managed policies by name: the account's own (`local`) and the AWS managed ones in use in it
 * (`awsInUse`: attached to one of its users, groups or roles, or a boundary of one of its users or
 * roles), as IAM answers the AWSManagedPolicy filter.
 */
export async function readPolicyDetails(
  tx: Tx,
  accountId: string,
  kinds: { local: boolean; awsInUse: boolean },
  { after, take }: RowWindow,
): Promise<Keyed<ManagedPolicyDetail>[]> {
  const inAccount = { accountId };
  const which = [
    ...(kinds.local ? [{ accountId, awsManaged: false }] : []),
    ...(kinds.awsInUse
      ? [{
          awsManaged: true,
          OR: [
            { userAttachments: { some: { user: inAccount } } },
            { groupAttachments: { some: { group: inAccount } } },
            { roleAttachments: { some: { role: inAccount } } },
            { userBoundaries: { some: inAccount } },
            { roleBoundaries: { some: inAccount } },
          ],
        }]
      : []),
  ];
  if (which.length === 0) return [];
  const cursor = after === null ? null : policyCursor(after);
  const rows = await tx.policy.findMany({
    where: { OR: which, ...(cursor === null ? {} : { AND: [{ OR: [{ nameLower: { gt: cursor.nameLower } }, { nameLower: cursor.nameLower, id: { gt: cursor.id } }] }] }) },
    orderBy: [{ nameLower: "asc" }, { id: "asc" }],
    take,
    select: {
      id: true, name: true, nameLower: true, path: true, arn: true, awsManaged: true, description: true, defaultVersionId: true, attachmentCount: true, createdAt: true, updatedAt: true,
      versions: { select: { versionId: true, document: true, createdAt: true } },
    },
  });
  const ids = rows.map((row) => row.id);
  const awsIds = rows.filter((row) => row.awsManaged).map((row) => row.id);
  const [awsCounts, userBoundaries, roleBoundaries] = await Promise.all([
    awsIds.length > 0 ? awsManagedAttachmentCounts(tx, accountId, awsIds) : new Map<string, number>(),
    tx.user.groupBy({ by: ["boundaryPolicyId"], where: { accountId, boundaryPolicyId: { in: ids } }, _count: { _all: true } }),
    tx.role.groupBy({ by: ["boundaryPolicyId"], where: { accountId, boundaryPolicyId: { in: ids } }, _count: { _all: true } }),
  ]);
  const boundaryUses = new Map<string, number>();
  for (const row of [...userBoundaries, ...roleBoundaries]) {
    if (row.boundaryPolicyId) boundaryUses.set(row.boundaryPolicyId, (boundaryUses.get(row.boundaryPolicyId) ?? 0) + row._count._all);
  }
  return rows.map((row) => ({
    key: `${row.nameLower} ${row.id}`,
    detail: {
      policyName: row.name,
      policyId: row.id,
      arn: row.arn,
      path: row.path,
      awsManaged: row.awsManaged,
      defaultVersionId: row.defaultVersionId,
      attachmentCount: row.awsManaged ? (awsCounts.get(row.id) ?? 0) : row.attachmentCount,
      permissionsBoundaryUsageCount: boundaryUses.get(row.id) ?? 0,
      isAttachable: true,
      description: row.description,
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
      versions: [...row.versions]
        .sort((a, b) => versionNumber(b.versionId) - versionNumber(a.versionId))
        .map((v) => ({ versionId: v.versionId, document: v.document, isDefaultVersion: v.versionId === row.defaultVersionId, createdAt: iso(v.createdAt) })),
    },
  }));
}
