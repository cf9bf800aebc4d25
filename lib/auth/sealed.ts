import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Secrets at rest (access-key secrets, virtual MFA seeds) are sealed with AES-256-GCM under the
 * master key: "v1." + base64url(iv ‖ tag ‖ ciphertext). `context` (e.g. the access key id) is
 * authenticated with the ciphertext, so a sealed value copied onto another record does not open.
 */
const VERSION = "v1.";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SealedSecretError extends Error {}

export function seal(plaintext: string, key: Buffer, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

export function open(sealed: string, key: Buffer, context: string): string {
  if (!sealed.startsWith(VERSION)) throw new SealedSecretError("not a sealed secret (it may predate encryption)");
  const raw = Buffer.from(sealed.slice(VERSION.length), "base64url");
  if (raw.length < IV_BYTES + TAG_BYTES) throw new SealedSecretError("sealed secret is truncated");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new SealedSecretError("sealed secret does not open with this key and context");
  }
}

export const isSealed = (value: string): boolean => value.startsWith(VERSION);
