import "server-only";
import { accountRootArn } from "@/lib/arn";
import type { PasswordPolicy } from "@/lib/auth/password-policy";
import { parseStoredPolicy, passwordPolicyView } from "@/lib/data/get-password-policy";
import { findAccountOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";
import type { PasswordPolicyView } from "@/lib/schemas/password-policy";

/**
 * UpdateAccountPasswordPolicy: replaces the account's policy with exactly these settings (AWS
 * gives every setting left out its default, which password-policy-schema.ts has already filled
 * in). Settings as they already are change nothing: no write and no event. Length and character
 * rules apply from the next password written; expiry applies at once (sign-in checks it).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccountPasswordPolicy.html
 */
export function updatePasswordPolicy(accountId: string, policy: PasswordPolicy): Promise<PasswordPolicyView> {
  return write(async (tx, log) => {
    const account = await findAccountOrThrow(tx, accountId);
    const stored = JSON.stringify(policy);
    const before = parseStoredPolicy(account.passwordPolicy);
    if (before !== null && JSON.stringify(before) === stored) return passwordPolicyView(before);
    await tx.account.update({ where: { id: accountId }, data: { passwordPolicy: stored } });
    log({
      accountId,
      action: "UpdateAccountPasswordPolicy",
      targetArn: accountRootArn(accountId),
      summary: `${before === null ? "Set" : "Changed"} the account password policy: ${describePolicy(policy)}.`,
    });
    return passwordPolicyView(policy);
  });
}

/** The settings in a line for the change log. */
export function describePolicy(policy: PasswordPolicy): string {
  const kinds = [
    policy.RequireUppercaseCharacters && "upper-case",
    policy.RequireLowercaseCharacters && "lower-case",
    policy.RequireNumbers && "number",
    policy.RequireSymbols && "symbol",
  ].filter(Boolean);
  return [
    `at least ${policy.MinimumPasswordLength} characters`,
    kinds.length > 0 ? `requires ${kinds.join(", ")}` : "no character types required",
    policy.MaxPasswordAge ? `expires after ${policy.MaxPasswordAge} days${policy.HardExpiry ? " (administrator reset)" : ""}` : "never expires",
    policy.PasswordReusePrevention ? `remembers ${policy.PasswordReusePrevention} passwords` : "reuse allowed",
    policy.AllowUsersToChangePassword ? "users may change their own" : "users may not change their own",
  ].join("; ");
}
