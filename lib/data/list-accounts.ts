import "server-only";
import { db } from "@/lib/db";
import { accountSelect, toAccount } from "@/lib/data/account-shape";
import type { Account, AccountList } from "@/lib/schemas/account";

/** Every account in the console (server pages that pick a default account). */
export async function listAccounts(): Promise<Account[]> {
  const rows = await db().account.findMany({ select: accountSelect, orderBy: { alias: "asc" } });
  return rows.map(toAccount);
}

/**
 * ListAccounts as a caller acting in `accountId` sees it. Only an organization's management
 * account lists its organization ("This operation can be called only from the organization's
 * management account", ListAccounts, AWS Organizations API Reference), and only when the caller
 * may call organizations:ListAccounts (`mayList`, decided by the route); a standalone account is
 * an organization of one. Anyone else sees just the account they act in.
 * https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html
 */
export async function listAccountsOf(accountId: string, mayList: boolean): Promise<AccountList> {
  const own = await db().account.findUnique({ where: { id: accountId }, select: { managementAccountId: true } });
  const organization = mayList && own !== null && own.managementAccountId === null;
  const where = organization ? { OR: [{ id: accountId }, { managementAccountId: accountId }] } : { id: accountId };
  const rows = await db().account.findMany({ where, select: accountSelect, orderBy: { alias: "asc" } });
  return { items: rows.map(toAccount), scope: organization ? "organization" : "own-account" };
}
