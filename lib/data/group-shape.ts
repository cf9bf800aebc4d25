import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/data/write";
import type { GroupSummary } from "@/lib/schemas/group";

// As for users: counts come from grouped queries limited to the groups at hand, not from
// Prisma's _count, which aggregates the whole relation table.

export const groupRowSelect = {
  id: true,
  name: true,
  path: true,
  arn: true,
  createdAt: true,
} satisfies Prisma.GroupSelect;

type GroupRow = Prisma.GroupGetPayload<{ select: typeof groupRowSelect }>;

const tally = (rows: { groupId: string; _count: { _all: number } }[]) =>
  new Map(rows.map((r) => [r.groupId, r._count._all]));

/** The summaries of `rows`, in their order, with two queries whatever their number. */
export async function summarizeGroups(tx: Tx, rows: GroupRow[]): Promise<GroupSummary[]> {
  const where = { groupId: { in: rows.map((r) => r.id) } };
  const [members, policies] = await Promise.all([
    tx.groupMembership.groupBy({ by: ["groupId"], where, _count: { _all: true } }),
    tx.groupPolicyAttachment.groupBy({ by: ["groupId"], where, _count: { _all: true } }),
  ]).then((counts) => counts.map(tally));
  return rows.map((row) => ({
    groupName: row.name,
    groupId: row.id,
    path: row.path,
    arn: row.arn,
    createdAt: row.createdAt.toISOString(),
    memberCount: members.get(row.id) ?? 0,
    attachedPolicyCount: policies.get(row.id) ?? 0,
  }));
}

export async function readGroup(tx: Tx, groupId: string): Promise<GroupSummary> {
  const row = await tx.group.findUniqueOrThrow({ where: { id: groupId }, select: groupRowSelect });
  const [summary] = await summarizeGroups(tx, [row]);
  return summary;
}
