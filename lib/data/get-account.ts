import "server-only";
import { db } from "@/lib/db";
import { noSuchEntity } from "@/lib/errors";
import { accountSelect, toAccount } from "@/lib/data/account-shape";
import type { Account } from "@/lib/schemas/account";

export async function getAccount(accountId: string): Promise<Account> {
  const row = await db().account.findUnique({ where: { id: accountId }, select: accountSelect });
  if (!row) throw noSuchEntity(`Account ${accountId} does not exist.`, "accountId");
  return toAccount(row);
}
