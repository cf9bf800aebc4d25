import "server-only";
import { db } from "@/lib/db";

/**
 * The management account of the organization `accountId` belongs to: the account that created it
 * (CreateAccount), else the account itself (a management or standalone account, or one that does
 * not exist). Organizations' requests about an account are made to this account.
 */
export async function managementAccountOf(accountId: string): Promise<string> {
  const account = await db().account.findUnique({ where: { id: accountId }, select: { managementAccountId: true } });
  return account?.managementAccountId ?? accountId;
}
