import { shownAlias } from "@/components/accounts/account-alias";
import type { Account, UpdateAccountInput } from "@/lib/schemas/account";

/**
 * What Account settings' "Alias and display name" form sends: only the values changed, each its
 * own operation (CreateAccountAlias, PutAccountName, StartPrimaryEmailUpdate, as the PATCH route
 * authorizes them). An account without an alias (after DeleteAccountAlias its ID stands in,
 * lib/data/account-alias.ts) shows an empty alias field, and an empty alias is never sent: no
 * value names "no alias" (a 12-digit alias is refused), and an alias is removed with
 * DeleteAccountAlias. Pure, for the client component and its tests.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccountAlias.html
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteAccountAlias.html
 */

export interface AccountSettingsForm {
  alias: string;
  displayName: string;
  rootEmail: string;
}

/** The form's saved values: the alias field is empty for an account without an alias. */
export const savedAccountSettings = (account: Account): AccountSettingsForm => ({
  alias: shownAlias(account) ?? "",
  displayName: account.displayName,
  rootEmail: account.rootEmail,
});

/** The PATCH body: the fields that differ from the saved ones (never an empty alias); null when nothing changed. */
export function accountSettingsChanges(saved: AccountSettingsForm, form: AccountSettingsForm): UpdateAccountInput | null {
  const changes: UpdateAccountInput = {};
  if (form.alias !== saved.alias && form.alias.trim() !== "") changes.alias = form.alias;
  if (form.displayName !== saved.displayName) changes.displayName = form.displayName;
  if (form.rootEmail !== saved.rootEmail) changes.rootEmail = form.rootEmail;
  return Object.keys(changes).length > 0 ? changes : null;
}
