/**
 * The console's rule for showing an account's alias: after IAM's DeleteAccountAlias the account
 * keeps its own 12-digit ID where the alias was (lib/data/account-alias.ts, aliasOrNull on the
 * server), and an ID is never shown as an alias. Pure, for client components.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteAccountAlias.html
 */

export interface AliasedAccount {
  accountId: string;
  alias: string;
}

/** The account's alias, or null when it has none (its ID stands in for it). */
export const shownAlias = (account: AliasedAccount): string | null => (account.alias === account.accountId ? null : account.alias);

/** "acme-prod (123456789012)", or the ID alone for an account without an alias. */
export function accountLabel(account: AliasedAccount): string {
  const alias = shownAlias(account);
  return alias ? `${alias} (${account.accountId})` : account.accountId;
}
