import "server-only";
import { accessKeySelect, toAccessKey } from "@/lib/data/credential-shape";
import { findAccessKeyOrThrow } from "@/lib/data/find-access-key";
import { write } from "@/lib/data/write";
import type { AccessKey, AccessKeyStatus } from "@/lib/schemas/credentials";

/** UpdateAccessKey: make a key Active or Inactive. */
export function updateAccessKey(
  accountId: string,
  userName: string,
  accessKeyId: string,
  status: AccessKeyStatus,
): Promise<AccessKey> {
  return write(async (tx, log) => {
    const { user, key } = await findAccessKeyOrThrow(tx, accountId, userName, accessKeyId);
    // Already in that status: nothing to write and nothing to log.
    if (key.status === status) {
      return toAccessKey(await tx.accessKey.findUniqueOrThrow({ where: { id: key.id }, select: accessKeySelect }));
    }
    const row = await tx.accessKey.update({ where: { id: key.id }, data: { status }, select: accessKeySelect });
    log({
      accountId,
      action: "UpdateAccessKey",
      targetArn: user.arn,
      summary: `Made access key ${key.id} of user ${user.name} ${status}.`,
    });
    return toAccessKey(row);
  });
}
