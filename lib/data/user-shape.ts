import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/data/write";
import type { User, UserSummary } from "@/lib/schemas/user";

// One select and one mapping for every answer with users. The counts are read with one grouped
// query per relation, limited to the users at hand: Prisma's _count would aggregate the whole
// relation table (every account's rows) on each page.

export const userRowSelect = {
  id: true,
  name: true,
  path: true,
  arn: true,
  createdAt: true,
  passwordHash: true,
  boundary: { select: { arn: true, name: true } },
} satisfies Prisma.UserSelect;

type UserRow = Prisma.UserGetPayload<{ select: typeof userRowSelect }>;

const tally = (rows: { userId: string | null; _count: { _all: number } }[]) =>
  new Map(rows.map((r) => [r.userId, r._count._all]));

/** The summaries of `rows`, in their order, with four queries whatever their number. */
export async function summarizeUsers(tx: Tx, rows: UserRow[]): Promise<UserSummary[]> {
  const where = { userId: { in: rows.map((r) => r.id) } };
  const [groups, policies, keys] = await Promise.all([
    tx.groupMembership.groupBy({ by: ["userId"], where, _count: { _all: true } }),
    tx.userPolicyAttachment.groupBy({ by: ["userId"], where, _count: { _all: true } }),
    tx.accessKey.groupBy({ by: ["userId"], where, _count: { _all: true } }),
  ]).then((counts) => counts.map(tally));
  return rows.map((row) => ({
    userName: row.name,
    userId: row.id,
    path: row.path,
    arn: row.arn,
    createdAt: row.createdAt.toISOString(),
    groupCount: groups.get(row.id) ?? 0,
    attachedPolicyCount: policies.get(row.id) ?? 0,
    hasPassword: row.passwordHash !== null,
    accessKeyCount: keys.get(row.id) ?? 0,
    permissionsBoundaryArn: row.boundary?.arn ?? null,
  }));
}

/** The user's detail as the API answers it (never the password hash), read inside `tx`. */
export async function readUser(tx: Tx, userId: string): Promise<User> {
  const row = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      ...userRowSelect,
      passwordSetAt: true,
      passwordResetRequired: true,
      passwordLastUsedAt: true,
      tags: { select: { key: true, value: true }, orderBy: { keyLower: "asc" } },
    },
  });
  const [summary] = await summarizeUsers(tx, [row]);
  return {
    ...summary,
    tags: row.tags,
    permissionsBoundary: row.boundary,
    passwordSetAt: row.passwordSetAt?.toISOString() ?? null,
    passwordResetRequired: row.passwordResetRequired,
    passwordLastUsedAt: row.passwordLastUsedAt?.toISOString() ?? null,
  };
}
