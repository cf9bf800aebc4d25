import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findAccountOrThrow } from "@/lib/data/lookup";
import { attachmentCountIn, awsManagedAttachmentCounts, policySummarySelect } from "@/lib/data/policy-shape";
import type { PolicyScope, PolicyUsage } from "@/lib/schemas/policy";

/**
 * ListPolicies as the AWS API pages it: every filter is a condition of one query, ordered by
 * (lower-cased name, customer before AWS managed) and read after a key, at most `take` rows, so the ~1,400 AWS managed
 * policies are never read whole. Counts are those the account sees, for the page's rows only.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListPolicies.html
 */

export interface PolicyRowsQuery {
  scope: PolicyScope;
  /** Only policies attached (as permissions policies) to a user, group or role of the account. */
  onlyAttached: boolean;
  /**
   * PermissionsPolicy: only policies in use as a permissions policy in the account (attached);
   * PermissionsBoundary: only policies in use as a permissions boundary there. Both filters and
   * OnlyAttached narrow the list together.
   */
  usage: PolicyUsage | undefined;
  pathPrefix: string;
  /** The key of the last row of the previous page (policyRowKey), or null. */
  after: string | null;
  take: number;
}

export interface PolicyRow {
  id: string;
  name: string;
  nameLower: string;
  path: string;
  arn: string;
  description: string;
  awsManaged: boolean;
  defaultVersionId: string;
  createdAt: Date;
  updatedAt: Date;
  /** Attachments in the account (AttachmentCount). */
  attachmentCount: number;
  /** Users and roles of the account with it as their boundary (PermissionsBoundaryUsageCount). */
  boundaryUsageCount: number;
}

/**
 * The paging key: lower-cased name, then customer (0) before AWS managed (1). A customer policy may
 * share an AWS managed policy's name, but names are unique among each (the Marker stays short).
 */
export const policyRowKey = (row: { nameLower: string; awsManaged: boolean }): string => `${row.nameLower}\n${row.awsManaged ? 1 : 0}`;

function afterKey(key: string): Prisma.PolicyWhereInput {
  const cut = key.lastIndexOf("\n");
  const nameLower = cut < 0 ? key : key.slice(0, cut);
  const afterCustomer: Prisma.PolicyWhereInput[] = cut >= 0 && key.slice(cut + 1) === "0" ? [{ nameLower, awsManaged: true }] : [];
  return { OR: [{ nameLower: { gt: nameLower } }, ...afterCustomer] };
}

/** Attached to a user, group or role of the account (the global count first: a cheap index filter). */
const attachedIn = (accountId: string): Prisma.PolicyWhereInput => ({
  attachmentCount: { gt: 0 },
  OR: [
    { userAttachments: { some: { user: { accountId } } } },
    { groupAttachments: { some: { group: { accountId } } } },
    { roleAttachments: { some: { role: { accountId } } } },
  ],
});

const boundaryIn = (accountId: string): Prisma.PolicyWhereInput => ({
  OR: [{ userBoundaries: { some: { accountId } } }, { roleBoundaries: { some: { accountId } } }],
});

function policyWhere(accountId: string, query: PolicyRowsQuery): Prisma.PolicyWhereInput {
  const local: Prisma.PolicyWhereInput = { accountId };
  const aws: Prisma.PolicyWhereInput = { awsManaged: true };
  const conditions: Prisma.PolicyWhereInput[] = [query.scope === "Local" ? local : query.scope === "AWS" ? aws : { OR: [local, aws] }];
  if (query.onlyAttached || query.usage === "PermissionsPolicy") conditions.push(attachedIn(accountId));
  if (query.usage === "PermissionsBoundary") conditions.push(boundaryIn(accountId));
  if (query.pathPrefix !== "/") conditions.push({ path: { startsWith: query.pathPrefix } });
  if (query.after !== null) conditions.push(afterKey(query.after));
  return { AND: conditions };
}

/** How many users and roles of the account use each policy as their permissions boundary. */
export async function boundaryUsageCounts(accountId: string, policyIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (policyIds.length === 0) return counts;
  const where = { accountId, boundaryPolicyId: { in: policyIds } };
  const [users, roles] = await Promise.all([
    db().user.groupBy({ by: ["boundaryPolicyId"], where, _count: { _all: true } }),
    db().role.groupBy({ by: ["boundaryPolicyId"], where, _count: { _all: true } }),
  ]);
  for (const row of [...users, ...roles]) {
    if (row.boundaryPolicyId) counts.set(row.boundaryPolicyId, (counts.get(row.boundaryPolicyId) ?? 0) + row._count._all);
  }
  return counts;
}

export async function listPolicyRows(accountId: string, query: PolicyRowsQuery): Promise<PolicyRow[]> {
  await findAccountOrThrow(db(), accountId);
  const rows = await db().policy.findMany({
    where: policyWhere(accountId, query),
    select: { ...policySummarySelect, nameLower: true },
    orderBy: [{ nameLower: "asc" }, { awsManaged: "asc" }],
    take: query.take,
  });
  const awsIds = rows.filter((row) => row.awsManaged).map((row) => row.id);
  const [awsCounts, boundaries] = await Promise.all([
    awsIds.length > 0 ? awsManagedAttachmentCounts(db(), accountId, awsIds) : Promise.resolve(new Map<string, number>()),
    boundaryUsageCounts(accountId, rows.map((row) => row.id)),
  ]);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    nameLower: row.nameLower,
    path: row.path,
    arn: row.arn,
    description: row.description,
    awsManaged: row.awsManaged,
    defaultVersionId: row.defaultVersionId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    attachmentCount: attachmentCountIn(row, awsCounts),
    boundaryUsageCount: boundaries.get(row.id) ?? 0,
  }));
}
