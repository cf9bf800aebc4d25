import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/lib/data/create-user";
import { putLoginProfile } from "@/lib/data/put-login-profile";
import { setRootPassword } from "@/lib/data/set-root-password";
import { updatePasswordPolicy } from "@/lib/data/update-password-policy";
import { passwordPolicySchema } from "@/lib/auth/password-policy-schema";
import { hashPassword, passwordPolicyProblem, verifyPassword } from "@/lib/passwords";
import { freshAccount } from "@/tests/support/identity";

describe("password hashing", () => {
  it("stores an scrypt encoding that is never the password and verifies only the right one", async () => {
    const hash = await hashPassword("Corr3ct-Horse");
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain("Corr3ct-Horse");
    expect(await verifyPassword("Corr3ct-Horse", hash)).toBe(true);
    expect(await verifyPassword("corr3ct-horse", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("Same-Passw0rd")).not.toBe(await hashPassword("Same-Passw0rd"));
  });

  it("never matches a malformed encoding", async () => {
    for (const encoded of ["", "plain", "scrypt$1$2$3", "bcrypt$16384$8$1$c2FsdA==$aGFzaA==", "scrypt$x$8$1$c2FsdA==$aGFzaA=="]) {
      expect(await verifyPassword("anything", encoded)).toBe(false);
    }
  });
});

describe("AWS default password policy", () => {
  it("wants 8 characters, three character types, and not the user name", () => {
    expect(passwordPolicyProblem("Ab1!", "u")).toMatch(/at least 8 characters/);
    expect(passwordPolicyProblem("abcdefgh1", "u")).toMatch(/three of/);
    expect(passwordPolicyProblem("ABCDEFGH!", "u")).toMatch(/three of/);
    expect(passwordPolicyProblem("Alice-2026", "alice-2026")).toMatch(/user name/);
    expect(passwordPolicyProblem("abcdefg1!", "u")).toBeNull();
    expect(passwordPolicyProblem("Abcdefgh1", "u")).toBeNull();
    expect(passwordPolicyProblem("ABCDEFG1!", "u")).toBeNull();
  });

  it("accepts any long password with all four character types", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4 }), (rest) => {
        const password = `Aa1!${rest}`;
        return passwordPolicyProblem(password, "someone-else-entirely") === null;
      }),
    );
  });
});

// "Set an account password policy for IAM users": reuse prevention keeps users from reusing their
// last N passwords (1–24); most rules apply from the next password written; the IAM password
// policy does not apply to the root user's password.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
describe("password writes under the account's policy", () => {
  let accountId: string;
  beforeEach(async () => {
    accountId = await freshAccount();
    await createUser(accountId, { userName: "dev", path: "/", tags: [] });
  });

  const setPassword = (password: string) => putLoginProfile(accountId, "dev", { password });
  const history = async () => {
    const user = await db().user.findFirstOrThrow({ where: { accountId, nameLower: "dev" }, select: { id: true } });
    return db().passwordHistory.count({ where: { userId: user.id } });
  };
  const policy = (settings: object) => updatePasswordPolicy(accountId, passwordPolicySchema.parse(settings));

  it("keeps no history without reuse prevention, and the current password counts once it is on", async () => {
    await setPassword("Before-Policy-1");
    expect(await history()).toBe(0);
    await policy({ MinimumPasswordLength: 8, PasswordReusePrevention: 2 });
    // Set before the policy, so not in the history, yet it is the most recent password.
    await expect(setPassword("Before-Policy-1")).rejects.toMatchObject({ code: "PasswordPolicyViolation", field: "password" });
    await setPassword("Second-Pass-2");
    await setPassword("Third-Pass-3");
    expect(await history()).toBe(2);
    await expect(setPassword("Second-Pass-2")).rejects.toMatchObject({ code: "PasswordPolicyViolation", message: expect.stringMatching(/last 2 passwords/) });
    // Three passwords ago is beyond the last two: allowed again.
    await expect(setPassword("Before-Policy-1")).resolves.toMatchObject({ userName: "dev" });
  });

  it("keeps only as many hashes as the policy remembers, and forgets them when reuse prevention goes", async () => {
    await policy({ PasswordReusePrevention: 3 });
    for (const password of ["One-Passw0rd", "Two-Passw0rd", "Three-Passw0rd", "Four-Passw0rd"]) await setPassword(password);
    expect(await history()).toBe(3);
    await policy({ PasswordReusePrevention: 1 });
    await setPassword("Five-Passw0rd");
    expect(await history()).toBe(1);
    await expect(setPassword("Five-Passw0rd")).rejects.toMatchObject({ code: "PasswordPolicyViolation", message: expect.stringMatching(/last password of user dev/) });
    await policy({});
    await setPassword("Five-Passw0rd");
    expect(await history()).toBe(0);
  });

  it("holds the root user to AWS's root rules, whatever the account's policy", async () => {
    await policy({ MinimumPasswordLength: 20 });
    await expect(setRootPassword(accountId, "alllowercase")).rejects.toMatchObject({ code: "PasswordPolicyViolation", message: expect.stringMatching(/three of/) });
    const account = await db().account.findUniqueOrThrow({ where: { id: accountId } });
    await expect(setRootPassword(accountId, account.alias.toUpperCase())).rejects.toMatchObject({ code: "PasswordPolicyViolation" });
    await setRootPassword(accountId, "Root-Passw0rd");
    const after = await db().account.findUniqueOrThrow({ where: { id: accountId } });
    expect(await verifyPassword("Root-Passw0rd", after.rootPasswordHash ?? "")).toBe(true);
  });
});
