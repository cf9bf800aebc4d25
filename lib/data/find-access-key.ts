import "server-only";
import { noSuchEntity } from "@/lib/errors";
import { findUserOrThrow } from "@/lib/data/lookup";
import type { Tx } from "@/lib/data/write";

/** The user and one of its access keys; a key of another user is reported as missing. */
export async function findAccessKeyOrThrow(tx: Tx, accountId: string, userName: string, accessKeyId: string) {
  const user = await findUserOrThrow(tx, accountId, userName);
  const key = await tx.accessKey.findFirst({ where: { id: accessKeyId, userId: user.id } });
  if (!key) {
    throw noSuchEntity(`User ${user.name} has no access key ${accessKeyId}.`, "accessKeyId");
  }
  return { user, key };
}
