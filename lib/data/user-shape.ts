import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/data/write";
import type { User, UserSummary } from "@/lib/schemas/user";

// One select and one mapping for every place that answers with users, so the list stays one
// query: the counts come from Prisma's _count (sub-selects on indexed foreign keys), no N+1.

export const userSummarySelect = {
  id: true,
  name: true,
  path: true,
  arn: true,
  createdAt: true,
  passwordHash: true,
  boundary: { select: { arn: true, name: true } },
  _count: { select: { groups: true, attachedPolicies: true, accessKeys: true } },
} satisfies Prisma.UserSelect;

export const userDetailSelect = {
  ...userSummarySelect,
  passwordSetAt: true,
  passwordResetRequired: true,
  tags: { select: { key: true, value: true }, orderBy: { keyLower: "asc" } },
} satisfies Prisma.UserSelect;

type SummaryRow = Prisma.UserGetPayload<{ select: typeof userSummarySelect }>;
type DetailRow = Prisma.UserGetPayload<{ select: typeof userDetailSelect }>;

export function toUserSummary(row: SummaryRow): UserSummary {
  return {
    userName: row.name,
    userId: row.id,
    path: row.path,
    arn: row.arn,
    createdAt: row.createdAt.toISOString(),
    groupCount: row._count.groups,
    attachedPolicyCount: row._count.attachedPolicies,
    hasPassword: row.passwordHash !== null,
    accessKeyCount: row._count.accessKeys,
    permissionsBoundaryArn: row.boundary?.arn ?? null,
  };
}

export function toUser(row: DetailRow): User {
  return {
    ...toUserSummary(row),
    tags: row.tags,
    permissionsBoundary: row.boundary,
    passwordSetAt: row.passwordSetAt?.toISOString() ?? null,
    passwordResetRequired: row.passwordResetRequired,
  };
}

/** The user's detail as the API answers it, read inside `tx`. */
export async function readUser(tx: Tx, userId: string): Promise<User> {
  return toUser(await tx.user.findUniqueOrThrow({ where: { id: userId }, select: userDetailSelect }));
}
