import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/data/write";
import type { AttachedPolicy, InlinePolicy, Policy, PolicySummary, PolicyVersion } from "@/lib/schemas/policy";

// One select and one mapping for every answer with managed policies.

export const policySummarySelect = {
  id: true,
  name: true,
  path: true,
  arn: true,
  description: true,
  awsManaged: true,
  defaultVersionId: true,
  attachmentCount: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.PolicySelect;

type SummaryRow = Prisma.PolicyGetPayload<{ select: typeof policySummarySelect }>;

/**
 * An AWS managed policy is one row shared by every account, so its attachmentCount column counts
 * attachments in all of them; each account sees only its own, as in AWS. A customer managed
 * policy can only be attached inside its account, so its column is already that account's count.
 */
export async function awsManagedAttachmentCounts(
  tx: Tx,
  accountId: string,
  policyIds?: string[],
): Promise<Map<string, number>> {
  // Only policies attached somewhere can be attached here; that set is small, and by id the
  // attachment tables are read through their policyId index.
  const attached = await tx.policy.findMany({
    where: { awsManaged: true, attachmentCount: { gt: 0 }, ...(policyIds ? { id: { in: policyIds } } : {}) },
    select: { id: true },
  });
  const counts = new Map<string, number>();
  if (attached.length === 0) return counts;
  const policyId = { in: attached.map((p) => p.id) };
  const [users, groups, roles] = await Promise.all([
    tx.userPolicyAttachment.groupBy({ by: ["policyId"], where: { policyId, user: { accountId } }, _count: { _all: true } }),
    tx.groupPolicyAttachment.groupBy({ by: ["policyId"], where: { policyId, group: { accountId } }, _count: { _all: true } }),
    tx.rolePolicyAttachment.groupBy({ by: ["policyId"], where: { policyId, role: { accountId } }, _count: { _all: true } }),
  ]);
  for (const row of [...users, ...groups, ...roles]) {
    counts.set(row.policyId, (counts.get(row.policyId) ?? 0) + row._count._all);
  }
  return counts;
}

/** The attachment count `accountId` sees for a policy (see awsManagedAttachmentCounts). */
export const attachmentCountIn = (row: Pick<SummaryRow, "id" | "awsManaged" | "attachmentCount">, awsCounts: Map<string, number>) =>
  row.awsManaged ? (awsCounts.get(row.id) ?? 0) : row.attachmentCount;

export function toPolicySummary(row: SummaryRow, attachmentCount: number): PolicySummary {
  return {
    policyName: row.name,
    policyId: row.id,
    path: row.path,
    arn: row.arn,
    description: row.description,
    awsManaged: row.awsManaged,
    defaultVersionId: row.defaultVersionId,
    attachmentCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toPolicyVersion(
  row: { versionId: string; createdAt: Date; document: string },
  defaultVersionId: string,
): PolicyVersion {
  return {
    versionId: row.versionId,
    isDefault: row.versionId === defaultVersionId,
    createdAt: row.createdAt.toISOString(),
    document: row.document,
  };
}

/** "v10" after "v9": version ids compare by their number. */
export const versionNumber = (versionId: string): number => Number(versionId.slice(1));

/** The policy's detail as `accountId` sees it, read inside `tx`. */
export async function readPolicy(tx: Tx, policyId: string, accountId: string): Promise<Policy> {
  const row = await tx.policy.findUniqueOrThrow({
    where: { id: policyId },
    select: {
      ...policySummarySelect,
      tags: { select: { key: true, value: true }, orderBy: { keyLower: "asc" } },
      _count: { select: { versions: true } },
    },
  });
  const [defaultVersion, awsCounts] = await Promise.all([
    tx.policyVersion.findUniqueOrThrow({
      where: { policyId_versionId: { policyId, versionId: row.defaultVersionId } },
      select: { document: true },
    }),
    row.awsManaged ? awsManagedAttachmentCounts(tx, accountId, [policyId]) : Promise.resolve(new Map<string, number>()),
  ]);
  return {
    ...toPolicySummary(row, attachmentCountIn(row, awsCounts)),
    document: defaultVersion.document,
    versionCount: row._count.versions,
    tags: row.tags,
  };
}

export const toAttachedPolicy = (row: { name: string; arn: string; awsManaged: boolean }): AttachedPolicy => ({
  policyName: row.name,
  arn: row.arn,
  awsManaged: row.awsManaged,
});

export const toInlinePolicy = (row: { name: string; document: string; updatedAt: Date }): InlinePolicy => ({
  policyName: row.name,
  document: row.document,
  updatedAt: row.updatedAt.toISOString(),
});
