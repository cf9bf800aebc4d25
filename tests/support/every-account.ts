import { db } from "@/lib/db";
import type { AccountsRead } from "@/lib/schemas/reachable-accounts";

/**
 * Every account as read, for data-layer tests of the whole estate (who-can, the catalog's policy
 * lists): what lib/auth/reachable-accounts.ts answers a caller who may read them all. The
 * per-caller answers are tested in tests/auth/reachable-accounts.test.ts.
 */
export async function everyAccount(): Promise<AccountsRead> {
  const accounts = await db().account.findMany({ select: { id: true, alias: true }, orderBy: { id: "asc" } });
  return { read: accounts.map((account) => ({ accountId: account.id, alias: account.alias, via: "own" as const })), unread: [] };
}
