import "server-only";
import { createHash } from "node:crypto";
import { limitExceeded } from "@/lib/errors";
import { newAccessKeyId, newSecretAccessKey } from "@/lib/ids";
import { accessKeySelect, toAccessKey } from "@/lib/data/credential-shape";
import { findUserOrThrow } from "@/lib/data/lookup";
import { write, type Tx } from "@/lib/data/write";
import { masterKey } from "@/lib/auth/master-key";
import { seal } from "@/lib/auth/sealed";
import type { NewAccessKey } from "@/lib/schemas/credentials";

/** "IAM and AWS STS quotas": at most two access keys per user, and two for the root user. */
export const MAX_ACCESS_KEYS = 2;

/**
 * The stored form of a secret access key. A plain SHA-256 is enough here: the secret is 30 random
 * bytes, so unlike a password it cannot be guessed, and a slow hash would add nothing.
 */
export const hashSecretAccessKey = (secret: string): string =>
  createHash("sha256").update(secret).digest("hex");

/**
 * The secret sealed under the master key with the key id as context: SigV4 verification re-signs
 * with it (lib/auth/sigv4.ts), so it cannot be only hashed.
 */
export const sealAccessKeySecret = (accessKeyId: string, secret: string): string =>
  seal(secret, masterKey(), `access-key:${accessKeyId}`);

/** A new key's answer: the only one that ever carries the secret, with its owner's name (null: root). */
export interface CreatedAccessKey extends NewAccessKey {
  userName: string | null;
}

/**
 * Writes a new Active key for the user `userId` (null: the account's root user), its secret
 * hashed and sealed, after checking AWS's limit of two keys per user and two for root
 * ("IAM and AWS STS quotas"). `owner` words the refusal.
 */
export async function insertAccessKey(tx: Tx, accountId: string, userId: string | null, owner: string): Promise<NewAccessKey> {
  const count = await tx.accessKey.count({ where: userId === null ? { accountId, userId: null } : { userId } });
  if (count >= MAX_ACCESS_KEYS) {
    throw limitExceeded(`${owner} already has ${count} access keys, the most AWS allows. Delete one first.`, "accessKeyId");
  }
  const secretAccessKey = newSecretAccessKey();
  const id = newAccessKeyId();
  const row = await tx.accessKey.create({
    data: { id, accountId, userId, secretHash: hashSecretAccessKey(secretAccessKey), sealedSecret: sealAccessKeySecret(id, secretAccessKey) },
    select: accessKeySelect,
  });
  return { ...toAccessKey(row), secretAccessKey };
}

/** CreateAccessKey for an IAM user: the only answer that ever carries the secret. */
export function createAccessKey(accountId: string, userName: string): Promise<CreatedAccessKey> {
  return write(async (tx, log) => {
    const user = await findUserOrThrow(tx, accountId, userName);
    const key = await insertAccessKey(tx, accountId, user.id, `User ${user.name}`);
    log({
      accountId,
      action: "CreateAccessKey",
      targetArn: user.arn,
      summary: `Created access key ${key.accessKeyId} for user ${user.name}.`,
    });
    return { ...key, userName: user.name };
  });
}
