/**
 * An account's password policy, with UpdateAccountPasswordPolicy's settings ("Set an account
 * password policy for IAM users" in the IAM User Guide; IAM API reference,
 * UpdateAccountPasswordPolicy; their bounds are checked by password-policy-schema.ts). `null`
 * stands for "no custom policy": AWS's default policy then applies — at least 8 characters, at
 * least three of upper case, lower case, numbers and symbols, and not the account's name or email
 * address (this console also refuses the user's own name, as it did before custom policies).
 * Free of zod and of the server, so the browser's forms check with the same rules.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
 */
export interface PasswordPolicy {
  MinimumPasswordLength: number;
  RequireSymbols: boolean;
  RequireNumbers: boolean;
  RequireUppercaseCharacters: boolean;
  RequireLowercaseCharacters: boolean;
  AllowUsersToChangePassword: boolean;
  /** Days, 1–1095; absent: passwords never expire. */
  MaxPasswordAge?: number;
  /** How many previous passwords may not be used again, 1–24. */
  PasswordReusePrevention?: number;
  /** Expired passwords can only be reset by an administrator. */
  HardExpiry: boolean;
}

/** The symbols AWS counts: ! @ # $ % ^ & * ( ) _ + - = [ ] { } | ' */
const SYMBOL = /[!@#$%^&*()_+\-=[\]{}|']/;
const CLASSES = { upper: /[A-Z]/, lower: /[a-z]/, number: /[0-9]/, symbol: SYMBOL } as const;

export interface PasswordOwner {
  userName?: string;
  /** The account's alias (its "name") and root email, which the default policy refuses. */
  accountName?: string;
  email?: string;
}

const MAX_LENGTH = 128;

/** Every way `password` breaks the policy (`null`: AWS's default), in words for the form; [] when it passes. */
export function passwordProblems(password: string, policy: PasswordPolicy | null, owner: PasswordOwner = {}): string[] {
  const problems: string[] = [];
  if (password.length > MAX_LENGTH) problems.push(`Password must be at most ${MAX_LENGTH} characters long.`);
  if (policy === null) {
    if (password.length < 8) problems.push("Password must be at least 8 characters long.");
    const kinds = Object.values(CLASSES).filter((pattern) => pattern.test(password)).length;
    if (kinds < 3) problems.push("Password must contain at least three of: upper-case letters, lower-case letters, numbers and symbols.");
    const lower = password.toLowerCase();
    if (owner.accountName && lower === owner.accountName.toLowerCase()) problems.push("Password must not be the same as the account name.");
    if (owner.email && lower === owner.email.toLowerCase()) problems.push("Password must not be the same as the account's email address.");
    if (owner.userName && lower === owner.userName.toLowerCase()) problems.push("Password must not be the same as the user name.");
    return problems;
  }
  if (password.length < policy.MinimumPasswordLength) problems.push(`Password must be at least ${policy.MinimumPasswordLength} characters long.`);
  if (policy.RequireUppercaseCharacters && !CLASSES.upper.test(password)) problems.push("Password must contain at least one upper-case letter (A–Z).");
  if (policy.RequireLowercaseCharacters && !CLASSES.lower.test(password)) problems.push("Password must contain at least one lower-case letter (a–z).");
  if (policy.RequireNumbers && !CLASSES.number.test(password)) problems.push("Password must contain at least one number (0–9).");
  if (policy.RequireSymbols && !CLASSES.symbol.test(password)) problems.push("Password must contain at least one symbol: ! @ # $ % ^ & * ( ) _ + - = [ ] { } | '");
  return problems;
}

/**
 * The policy's rules as a checklist for a form, each marked met or not as the password is typed
 * (the same rules `passwordProblems` enforces; the server checks again).
 */
export function passwordChecklist(password: string, policy: PasswordPolicy | null, owner: PasswordOwner = {}): { text: string; met: boolean }[] {
  if (policy === null) {
    const kinds = Object.values(CLASSES).filter((pattern) => pattern.test(password)).length;
    const lower = password.toLowerCase();
    const rules = [
      { text: "At least 8 characters", met: password.length >= 8 && password.length <= MAX_LENGTH },
      { text: "At least three of: upper-case letters, lower-case letters, numbers, symbols", met: kinds >= 3 },
    ];
    if (owner.userName) rules.push({ text: "Not the same as the user name", met: password.length > 0 && lower !== owner.userName.toLowerCase() });
    return rules;
  }
  const rules = [{ text: `At least ${policy.MinimumPasswordLength} characters`, met: password.length >= policy.MinimumPasswordLength && password.length <= MAX_LENGTH }];
  if (policy.RequireUppercaseCharacters) rules.push({ text: "An upper-case letter", met: CLASSES.upper.test(password) });
  if (policy.RequireLowercaseCharacters) rules.push({ text: "A lower-case letter", met: CLASSES.lower.test(password) });
  if (policy.RequireNumbers) rules.push({ text: "A number", met: CLASSES.number.test(password) });
  if (policy.RequireSymbols) rules.push({ text: "A symbol (! @ # $ % ^ & * ( ) _ + - = [ ] { } | ')", met: CLASSES.symbol.test(password) });
  return rules;
}

/** Whether a password set at `changedAt` has expired at `now` under the policy (never, without MaxPasswordAge). */
export function passwordExpired(changedAt: Date, policy: PasswordPolicy | null, now: Date): boolean {
  if (!policy?.MaxPasswordAge) return false;
  return now.getTime() - changedAt.getTime() >= policy.MaxPasswordAge * 86_400_000;
}

/** How many of a user's previous password hashes a new password is checked against (0: none). */
export const reuseDepth = (policy: PasswordPolicy | null): number => policy?.PasswordReusePrevention ?? 0;
