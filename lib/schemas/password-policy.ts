import type { PasswordPolicy } from "@/lib/auth/password-policy";

/**
 * GET /api/v1/accounts/{id}/password-policy: the account's custom policy (GetAccountPasswordPolicy,
 * with AWS's derived ExpirePasswords), or null with `usesAwsDefault` when AWS's default policy
 * applies; `rules` words whichever applies. The body of PUT is lib/auth/password-policy-schema.ts.
 */
export interface PasswordPolicyView {
  passwordPolicy: (PasswordPolicy & { ExpirePasswords: boolean }) | null;
  usesAwsDefault: boolean;
  rules: string[];
}
