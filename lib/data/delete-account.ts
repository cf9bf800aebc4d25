import "server-only";
import { accountRootArn } from "@/lib/arn";
import { deleteConflict, noSuchEntity } from "@/lib/errors";
import { accountSelect } from "@/lib/data/account-shape";
import { describeCounts } from "@/lib/data/describe-counts";
import { write } from "@/lib/data/write";

/** CloseAccount: only an empty account (no users, groups, roles or customer policies) can go. */
export function deleteAccount(accountId: string): Promise<void> {
  return write(async (tx, log) => {
    const account = await tx.account.findUnique({ where: { id: accountId }, select: accountSelect });
    if (!account) throw noSuchEntity(`Account ${accountId} does not exist.`, "accountId");
    const { users, groups, roles, policies } = account._count;
    const remaining = describeCounts([
      [users, "user"],
      [groups, "group"],
      [roles, "role"],
      [policies, "customer managed policy", "customer managed policies"],
    ]);
    if (remaining) {
      throw deleteConflict(
        `Account ${accountId} cannot be deleted: it still has ${remaining}. Delete them first.`,
        "accountId",
      );
    }
    await tx.account.delete({ where: { id: accountId } });
    // The account's own events go with it, so this one is kept outside any account.
    log({
      accountId: null,
      action: "CloseAccount",
      targetArn: accountRootArn(accountId),
      summary: `Deleted account ${accountId} (${account.alias}).`,
    });
  });
}
