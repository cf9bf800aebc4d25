import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The key that encrypts stored secrets (access-key secrets, MFA seeds): 32 bytes from
 * IAM_MASTER_KEY (base64 or hex), or else from data/master.key, generated with mode 0600 on
 * first use. Replicas of the console must share it; losing it makes every stored secret
 * unreadable, so the README says to back it up.
 */
export const MASTER_KEY_BYTES = 32;

export class MasterKeyError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads a key written as 64 hex digits or as base64 of 32 bytes. */
export function decodeMasterKey(text: string, from: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== MASTER_KEY_BYTES || (!/^[0-9a-fA-F]{64}$/.test(trimmed) && key.toString("base64") !== trimmed)) {
    throw new MasterKeyError(`${from}: expected 32 bytes as 64 hex digits or base64 (openssl rand -base64 32)`);
  }
  return key;
}

/** data/master.key beside the working directory, unless IAM_MASTER_KEY_FILE says otherwise. */
export const masterKeyFile = (env: Env = process.env) => path.resolve(env.IAM_MASTER_KEY_FILE ?? path.join("data", "master.key"));

/**
 * The master key: from the environment, else the key file, else a new key written to the key
 * file (created exclusively, so two processes starting at once agree on one key).
 */
export function loadMasterKey(env: Env = process.env): Buffer {
  if (env.IAM_MASTER_KEY) return decodeMasterKey(env.IAM_MASTER_KEY, "IAM_MASTER_KEY");
  const file = masterKeyFile(env);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, `${randomBytes(MASTER_KEY_BYTES).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  const mode = fs.statSync(file).mode & 0o077;
  if (mode !== 0) throw new MasterKeyError(`${file}: readable by others (mode ${(fs.statSync(file).mode & 0o777).toString(8)}); run chmod 600 on it`);
  return decodeMasterKey(fs.readFileSync(file, "utf8"), file);
}

let cached: Buffer | null = null;

/** The process's master key, read once. */
export function masterKey(): Buffer {
  return (cached ??= loadMasterKey());
}
