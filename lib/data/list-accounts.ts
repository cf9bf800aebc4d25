import "server-only";
import { db } from "@/lib/db";
import { accountSelect, toAccount } from "@/lib/data/account-shape";
import type { Account } from "@/lib/schemas/account";

export async function listAccounts(): Promise<Account[]> {
  const rows = await db().account.findMany({ select: accountSelect, orderBy: { alias: "asc" } });
  return rows.map(toAccount);
}
