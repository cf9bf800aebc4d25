import "server-only";
import { db } from "@/lib/db";
import { noSuchEntity } from "@/lib/errors";
import { accessKeySelect, toAccessKey } from "@/lib/data/credential-shape";
import type { AccessKey } from "@/lib/schemas/credentials";

/** An access key of the account found by its id alone, with its owner (null: the root user). */
export interface OwnedAccessKey {
  key: AccessKey;
  owner: { userName: string; arn: string } | null;
}

/**
 * GetAccessKeyLastUsed names only the key: its owner is found from it. A key of another account
 * is reported as missing, as any entity of another account is.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccessKeyLastUsed.html
 */
export async function findOwnedAccessKey(accountId: string, accessKeyId: string): Promise<OwnedAccessKey | null> {
  const row = await db().accessKey.findFirst({
    where: { id: accessKeyId, accountId },
    select: { ...accessKeySelect, user: { select: { name: true, arn: true } } },
  });
  if (!row) return null;
  return { key: toAccessKey(row), owner: row.user ? { userName: row.user.name, arn: row.user.arn } : null };
}

export async function getAccessKeyLastUsed(accountId: string, accessKeyId: string): Promise<OwnedAccessKey> {
  const found = await findOwnedAccessKey(accountId, accessKeyId);
  if (!found) throw noSuchEntity(`The Access Key with id ${accessKeyId} cannot be found.`, "accessKeyId");
  return found;
}
