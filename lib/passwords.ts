import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { passwordProblems } from "@/lib/auth/password-policy";

// Console passwords are stored only as scrypt hashes, encoded "scrypt$N$r$p$salt$hash" (salt and
// hash in base64) so the cost parameters can be raised later without breaking stored hashes.

const COST = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST.N, COST.r, COST.p);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64"), key.toString("base64")].join("$");
}

/** Whether `password` matches `encoded`; a malformed encoding never matches. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parts = encoded.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0)) return false;
  const expected = Buffer.from(parts[5], "base64");
  if (expected.length !== KEY_LENGTH) return false;
  const key = await derive(password, Buffer.from(parts[4], "base64"), N, r, p);
  return timingSafeEqual(key, expected);
}

/**
 * What is wrong with `password` under AWS's default password policy, or null when it passes
 * (lib/auth/password-policy.ts holds the rules, for custom account policies too).
 */
export function passwordPolicyProblem(password: string, userName: string): string | null {
  return passwordProblems(password, null, { userName })[0] ?? null;
}
