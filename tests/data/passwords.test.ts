import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashPassword, passwordPolicyProblem, verifyPassword } from "@/lib/passwords";

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
