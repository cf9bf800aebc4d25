import "server-only";
import { db } from "@/lib/db";
import { accountRootArn } from "@/lib/arn";
import { noSuchEntity } from "@/lib/errors";
import { accessKeySelect, toAccessKey } from "@/lib/data/credential-shape";
import { findAccountOrThrow } from "@/lib/data/lookup";
import { write, type Tx } from "@/lib/data/write";
import type { AccessKey, AccessKeyStatus } from "@/lib/schemas/credentials";

/**
 * The root user's own access keys (rows without a user), as ListAccessKeys, UpdateAccessKey and
 * DeleteAccessKey treat them when called with root credentials and no UserName: "If you do not
 * specify a user name, IAM determines the user name implicitly based on the Amazon Web Services
 * access key ID signing the request" — for root credentials, the root user's keys. Created by
 * create-root-access-key.ts.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccessKey.html
 */

export async function listRootAccessKeys(accountId: string): Promise<AccessKey[]> {
  await findAccountOrThrow(db(), accountId);
  const rows = await db().accessKey.findMany({ where: { accountId, userId: null }, select: accessKeySelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toAccessKey);
}

async function rootKeyOrThrow(tx: Tx, accountId: string, accessKeyId: string) {
  const key = await tx.accessKey.findFirst({ where: { id: accessKeyId, accountId, userId: null } });
  if (!key) throw noSuchEntity(`The root user of account ${accountId} has no access key ${accessKeyId}.`, "accessKeyId");
  return key;
}

export function updateRootAccessKey(accountId: string, accessKeyId: string, status: AccessKeyStatus): Promise<AccessKey> {
  return write(async (tx, log) => {
    const key = await rootKeyOrThrow(tx, accountId, accessKeyId);
    // Already in that status: nothing to write and nothing to log (as update-access-key.ts).
    if (key.status === status) return toAccessKey(await tx.accessKey.findUniqueOrThrow({ where: { id: key.id }, select: accessKeySelect }));
    const row = await tx.accessKey.update({ where: { id: key.id }, data: { status }, select: accessKeySelect });
    log({ accountId, action: "UpdateAccessKey", targetArn: accountRootArn(accountId), summary: `Made access key ${key.id} of the root user ${status}.` });
    return toAccessKey(row);
  });
}

export function deleteRootAccessKey(accountId: string, accessKeyId: string): Promise<void> {
  return write(async (tx, log) => {
    const key = await rootKeyOrThrow(tx, accountId, accessKeyId);
    await tx.accessKey.delete({ where: { id: key.id } });
    log({ accountId, action: "DeleteAccessKey", targetArn: accountRootArn(accountId), summary: `Deleted access key ${key.id} of the root user.` });
  });
}
