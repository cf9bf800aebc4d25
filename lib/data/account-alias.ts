import "server-only";
import { accountRootArn } from "@/lib/arn";
import { db } from "@/lib/db";
import { noSuchEntity } from "@/lib/errors";
import { findAccountOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";

/**
 * The account alias as IAM has it: at most one per account (CreateAccountAlias replaces it,
 * through updateAccount as the console's Account settings do), removable with DeleteAccountAlias.
 *
 * Representation without an alias: the Account row's `alias` is required and unique (the console
 * names accounts by it), so an account without an alias keeps its own 12-digit ID in that column.
 * That value can never be anyone's alias (an alias cannot be a 12-digit number, lib/schemas/
 * common.ts accountAlias) nor another account's (IDs are unique), sign-in by ID is unchanged, and
 * sign-in by the deleted alias fails, as in AWS. ListAccountAliases then answers an empty list.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteAccountAlias.html
 */

/** Whether the stored alias is a real one (not the account ID standing in for none). */
export const isRealAlias = (account: { id: string; alias: string }): boolean => account.alias !== account.id;

/** The alias to show, or null when the account has none. */
export const aliasOrNull = (account: { id: string; alias: string }): string | null => (isRealAlias(account) ? account.alias : null);

/** ListAccountAliases: the account's alias, or none. */
export async function listAccountAliases(accountId: string): Promise<string[]> {
  const account = await findAccountOrThrow(db(), accountId);
  return isRealAlias(account) ? [account.alias] : [];
}

/**
 * DeleteAccountAlias: the alias named must be the account's (NoSuchEntity otherwise, as AWS); the
 * account's ID takes its place (see above). One CreateAccountAlias later sets a new one.
 */
export function deleteAccountAlias(accountId: string, alias: string): Promise<void> {
  return write(async (tx, log) => {
    const account = await findAccountOrThrow(tx, accountId);
    if (!isRealAlias(account) || account.alias !== alias) throw noSuchEntity(`The account alias ${alias} cannot be found.`, "accountAlias");
    await tx.account.update({ where: { id: accountId }, data: { alias: accountId } });
    log({ accountId, action: "DeleteAccountAlias", targetArn: accountRootArn(accountId), summary: `Deleted the account alias ${alias}; the account is known by its ID.` });
  });
}
