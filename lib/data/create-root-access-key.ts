import "server-only";
import { accountRootArn } from "@/lib/arn";
import { insertAccessKey, type CreatedAccessKey } from "@/lib/data/create-access-key";
import { findAccountOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";

/**
 * CreateAccessKey without a user name, as the root user calls it: a key of the account's root
 * user (its row has no user), at most two of them ("Creating access keys for the root user").
 * Requests it signs act as arn:aws:iam::ACCOUNT:root. The answer names no user.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_add-key.html
 */
export function createRootAccessKey(accountId: string): Promise<CreatedAccessKey> {
  return write(async (tx, log) => {
    await findAccountOrThrow(tx, accountId);
    const key = await insertAccessKey(tx, accountId, null, `The root user of account ${accountId}`);
    log({
      accountId,
      action: "CreateAccessKey",
      targetArn: accountRootArn(accountId),
      summary: `Created access key ${key.accessKeyId} for the root user.`,
    });
    return { ...key, userName: null };
  });
}
