/**
 * Account password policies as UpdateAccountPasswordPolicy defines them, and AWS's default policy
 * ("Set an account password policy for IAM users":
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html).
 */
import { describe, expect, it } from "vitest";
import { passwordChecklist, passwordExpired, passwordProblems, reuseDepth } from "@/lib/auth/password-policy";
import { passwordPolicySchema } from "@/lib/auth/password-policy-schema";

describe("AWS's default password policy", () => {
  it("wants 8 characters and three of the four kinds", () => {
    expect(passwordProblems("Ab1!", null)).toEqual(["Password must be at least 8 characters long."]);
    expect(passwordProblems("abcdefgh1", null)).toEqual([expect.stringMatching(/three of/)]);
    expect(passwordProblems("abcdefg1!", null)).toEqual([]);
    expect(passwordProblems("A".repeat(129), null)).toContain("Password must be at most 128 characters long.");
  });

  it("refuses the account's name, its email address and the user's name", () => {
    expect(passwordProblems("Acme-Prod1", null, { accountName: "acme-prod1" })).toEqual(["Password must not be the same as the account name."]);
    expect(passwordProblems("Ops@Acme.example1", null, { email: "ops@acme.example1" })).toEqual(["Password must not be the same as the account's email address."]);
    expect(passwordProblems("Alice-2026", null, { userName: "alice-2026" })).toEqual(["Password must not be the same as the user name."]);
  });
});

describe("a custom password policy", () => {
  const strict = passwordPolicySchema.parse({
    MinimumPasswordLength: 14,
    RequireSymbols: true,
    RequireNumbers: true,
    RequireUppercaseCharacters: true,
    RequireLowercaseCharacters: true,
    MaxPasswordAge: 90,
    PasswordReusePrevention: 5,
  });

  it("takes UpdateAccountPasswordPolicy's settings with AWS's bounds and defaults, naming the field that is wrong", () => {
    expect(passwordPolicySchema.parse({})).toMatchObject({ MinimumPasswordLength: 6, RequireSymbols: false, AllowUsersToChangePassword: false, HardExpiry: false });
    for (const [field, value] of [["MinimumPasswordLength", 5], ["MinimumPasswordLength", 129], ["MaxPasswordAge", 1096], ["PasswordReusePrevention", 25]] as const) {
      const parsed = passwordPolicySchema.safeParse({ [field]: value });
      expect(parsed.success, `${field}=${value}`).toBe(false);
      expect(parsed.error?.issues[0].path).toEqual([field]);
    }
    expect(passwordPolicySchema.safeParse({ MinimumLength: 8 }).success).toBe(false);
  });

  it("lists every rule a password breaks, and only those", () => {
    expect(passwordProblems("short", strict)).toEqual([
      "Password must be at least 14 characters long.",
      "Password must contain at least one upper-case letter (A–Z).",
      "Password must contain at least one number (0–9).",
      expect.stringMatching(/^Password must contain at least one symbol/),
    ]);
    expect(passwordProblems("Correct-Horse-42", strict)).toEqual([]);
    // Under a custom policy only its own rules apply: two kinds are enough when nothing more is required.
    expect(passwordProblems("abcdefgh", passwordPolicySchema.parse({ MinimumPasswordLength: 8 }))).toEqual([]);
    // "~" is not one of AWS's symbols.
    expect(passwordProblems("Correct~Horse~42", strict)).toEqual([expect.stringMatching(/symbol/)]);
  });

  it("expires passwords after MaxPasswordAge days, and says how many old ones may not be reused", () => {
    const changed = new Date("2026-01-01T00:00:00Z");
    expect(passwordExpired(changed, strict, new Date("2026-03-31T23:59:59Z"))).toBe(false);
    expect(passwordExpired(changed, strict, new Date("2026-04-01T00:00:00Z"))).toBe(true);
    expect(passwordExpired(changed, null, new Date("2036-01-01T00:00:00Z"))).toBe(false);
    expect([reuseDepth(strict), reuseDepth(null)]).toEqual([5, 0]);
  });
});

describe("the form's checklist", () => {
  it("marks each rule of the policy as the password meets it, agreeing with what the server enforces", () => {
    const policy = passwordPolicySchema.parse({ MinimumPasswordLength: 10, RequireNumbers: true, RequireSymbols: true });
    expect(passwordChecklist("abcdefghij1", policy).map((rule) => rule.met)).toEqual([true, true, false]);
    for (const password of ["", "abc", "abcdefghij1", "abcdefghij1!", "Abc-1", "ABCDEFGHIJ"]) {
      const allMet = passwordChecklist(password, policy).every((rule) => rule.met);
      expect(allMet, password).toBe(passwordProblems(password, policy).length === 0);
      const defaultMet = passwordChecklist(password, null, { userName: "abcdefghij1" }).every((rule) => rule.met);
      expect(defaultMet, password).toBe(passwordProblems(password, null, { userName: "abcdefghij1" }).length === 0);
    }
  });
});
