import "server-only";
import { findAccessKeyOrThrow } from "@/lib/data/find-access-key";
import { write } from "@/lib/data/write";

export function deleteAccessKey(accountId: string, userName: string, accessKeyId: string): Promise<void> {
  return write(async (tx, log) => {
    const { user, key } = await findAccessKeyOrThrow(tx, accountId, userName, accessKeyId);
    await tx.accessKey.delete({ where: { id: key.id } });
    log({
      accountId,
      action: "DeleteAccessKey",
      targetArn: user.arn,
      summary: `Deleted access key ${key.id} of user ${user.name}.`,
    });
  });
}
