import "server-only";
import { createHash } from "node:crypto";
import { limitExceeded } from "@/lib/errors";
import { newAccessKeyId, newSecretAccessKey } from "@/lib/ids";
import { accessKeySelect, toAccessKey } from "@/lib/data/credential-shape";
import { findUserOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";
import type { NewAccessKey } from "@/lib/schemas/credentials";

/** "IAM and AWS STS quotas": at most two access keys per user. */
export const MAX_ACCESS_KEYS = 2;

/**
 * The stored form of a secret access key. A plain SHA-256 is enough here: the secret is 30 random
 * bytes, so unlike a password it cannot be guessed, and a slow hash would add nothing.
 */
export const hashSecretAccessKey = (secret: string): string =>
  createHash("sha256").update(secret).digest("hex");

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
    const row = await tx.accessKey.create({
      data: { id: newAccessKeyId(), userId: user.id, secretHash: hashSecretAccessKey(secretAccessKey) },
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
