import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Account } from "@/lib/schemas/account";

/** Counts of what the account holds; `policies` counts its customer managed policies only. */
export const accountSelect = {
  id: true,
  alias: true,
  displayName: true,
  rootEmail: true,
  createdAt: true,
  managementAccountId: true,
  _count: { select: { users: true, groups: true, roles: true, policies: true } },
} satisfies Prisma.AccountSelect;

type AccountRow = Prisma.AccountGetPayload<{ select: typeof accountSelect }>;

export function toAccount(row: AccountRow): Account {
  return {
    accountId: row.id,
    alias: row.alias,
    displayName: row.displayName,
    rootEmail: row.rootEmail,
    createdAt: row.createdAt.toISOString(),
    managementAccountId: row.managementAccountId,
    counts: row._count,
  };
}
