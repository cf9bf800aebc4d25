import "server-only";
import { db } from "@/lib/db";
import { passwordChecklist, type PasswordOwner, type PasswordPolicy } from "@/lib/auth/password-policy";
import { passwordPolicySchema } from "@/lib/auth/password-policy-schema";
import { findAccountOrThrow } from "@/lib/data/lookup";
import type { Tx } from "@/lib/data/write";
import type { PasswordPolicyView } from "@/lib/schemas/password-policy";

/** The account's custom policy as stored (null: AWS's default applies). A stored value that no longer parses counts as none. */
export function parseStoredPolicy(stored: string | null): PasswordPolicy | null {
  if (stored === null) return null;
  try {
    const parsed = passwordPolicySchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The policy a user's new password must meet, with who it would belong to (for the default policy's name checks). */
export async function passwordRulesOf(tx: Tx, accountId: string): Promise<{ policy: PasswordPolicy | null; owner: PasswordOwner }> {
  const account = await findAccountOrThrow(tx, accountId);
  return { policy: parseStoredPolicy(account.passwordPolicy), owner: { accountName: account.alias, email: account.rootEmail } };
}

export function passwordPolicyView(policy: PasswordPolicy | null): PasswordPolicyView {
  return {
    passwordPolicy: policy === null ? null : { ...policy, ExpirePasswords: policy.MaxPasswordAge !== undefined },
    usesAwsDefault: policy === null,
    rules: passwordChecklist("", policy).map((rule) => rule.text),
  };
}

/**
 * GetAccountPasswordPolicy, as the console shows it. AWS answers NoSuchEntity when the account has
 * no custom policy; the console answers `passwordPolicy: null` with `usesAwsDefault: true`
 * instead, so a reader learns which rules apply without a second request ("Set an account password
 * policy for IAM users": without a custom policy, passwords must meet AWS's default policy).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountPasswordPolicy.html
 */
export async function getPasswordPolicy(accountId: string): Promise<PasswordPolicyView> {
  const { policy } = await passwordRulesOf(db(), accountId);
  return passwordPolicyView(policy);
}
