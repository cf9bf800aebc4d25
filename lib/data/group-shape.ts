import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/data/write";
import type { GroupSummary } from "@/lib/schemas/group";

export const groupSummarySelect = {
  id: true,
  name: true,
  path: true,
  arn: true,
  createdAt: true,
  _count: { select: { members: true, attachedPolicies: true } },
} satisfies Prisma.GroupSelect;

type SummaryRow = Prisma.GroupGetPayload<{ select: typeof groupSummarySelect }>;

export function toGroupSummary(row: SummaryRow): GroupSummary {
  return {
    groupName: row.name,
    groupId: row.id,
    path: row.path,
    arn: row.arn,
    createdAt: row.createdAt.toISOString(),
    memberCount: row._count.members,
    attachedPolicyCount: row._count.attachedPolicies,
  };
}

export async function readGroup(tx: Tx, groupId: string): Promise<GroupSummary> {
  return toGroupSummary(
    await tx.group.findUniqueOrThrow({ where: { id: groupId }, select: groupSummarySelect }),
  );
}
