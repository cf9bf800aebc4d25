import "server-only";
import { createHash } from "node:crypto";
import { limitExceeded } from "@/lib/errors";
import { newAccessKeyId, newSecretAccessKey } from "@/lib/ids";
import { accessKeySelect, toAccessKey } from "@/lib/data/credential-shape";
import { findUserOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";
import { masterKey } from "@/lib/auth/master-key";
import { seal } from "@/lib/auth/sealed";
import type { NewAccessKey } from "@/lib/schemas/credentials";

/** "IAM and AWS STS quotas": at most two access keys per user. */
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

/** CreateAccessKey: the only answer that ever carries the secret. */
export function createAccessKey(accountId: string, userName: string): Promise<NewAccessKey> {
  return write(async (tx, log) => {
    const user = await findUserOrThrow(tx, accountId, userName);
    const count = await tx.accessKey.count({ where: { userId: user.id } });
    if (count >= MAX_ACCESS_KEYS) {
      throw limitExceeded(
        `User ${user.name} already has ${count} access keys, the most AWS allows. Delete one first.`,
        "accessKeyId",
      );
    }
    const secretAccessKey = newSecretAccessKey();
    const id = newAccessKeyId();
    const row = await tx.accessKey.create({
      data: { id, accountId, userId: user.id, secretHash: hashSecretAccessKey(secretAccessKey), sealedSecret: sealAccessKeySecret(id, secretAccessKey) },
      select: accessKeySelect,
    });
    log({
      accountId,
      action: "CreateAccessKey",
      targetArn: user.arn,
      summary: `Created access key ${row.id} for user ${user.name}.`,
    });
    return { ...toAccessKey(row), secretAccessKey };
  });
}
