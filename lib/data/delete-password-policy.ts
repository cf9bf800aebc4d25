import "server-only";
import { accountRootArn } from "@/lib/arn";
import { noSuchEntity } from "@/lib/errors";
import { findAccountOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";

/**
 * DeleteAccountPasswordPolicy: AWS's default policy applies again. Like AWS, an account without a
 * custom policy answers NoSuchEntity ("The account password policy with account ID … cannot be found").
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteAccountPasswordPolicy.html
 */
export function deletePasswordPolicy(accountId: string): Promise<void> {
  return write(async (tx, log) => {
    const account = await findAccountOrThrow(tx, accountId);
    if (account.passwordPolicy === null) {
      throw noSuchEntity(`The account password policy with account ID ${accountId} cannot be found: AWS's default policy already applies.`);
    }
    await tx.account.update({ where: { id: accountId }, data: { passwordPolicy: null } });
    log({
      accountId,
      action: "DeleteAccountPasswordPolicy",
      targetArn: accountRootArn(accountId),
      summary: "Deleted the account password policy: AWS's default policy applies.",
    });
  });
}
