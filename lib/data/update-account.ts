import "server-only";
import { isRealAlias } from "@/lib/data/account-alias";
import { accountRootArn } from "@/lib/arn";
import { alreadyExists } from "@/lib/errors";
import { accountSelect, toAccount } from "@/lib/data/account-shape";
import { findAccountOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";
import type { Account, UpdateAccountInput } from "@/lib/schemas/account";

/**
 * Changes the alias (IAM CreateAccountAlias replaces the old one), the account name (Account
 * Management PutAccountName) or the root email (StartPrimaryEmailUpdate); one event per change.
 */
export function updateAccount(accountId: string, input: UpdateAccountInput): Promise<Account> {
  return write(async (tx, log) => {
    const account = await findAccountOrThrow(tx, accountId);
    const targetArn = accountRootArn(accountId);
    const changes = {
      alias: input.alias !== account.alias ? input.alias : undefined,
      displayName: input.displayName !== account.displayName ? input.displayName : undefined,
      rootEmail: input.rootEmail !== account.rootEmail ? input.rootEmail : undefined,
    };
    // Values as they already are change nothing: no write and no event.
    if (Object.values(changes).every((value) => value === undefined)) {
      return toAccount(await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: accountSelect }));
    }
    if (changes.alias !== undefined) {
      const taken = await tx.account.findUnique({ where: { alias: input.alias } });
      if (taken) {
        throw alreadyExists(`The alias "${input.alias}" is already used by account ${taken.id}.`, "alias");
      }
      // After DeleteAccountAlias the column holds the account's id (lib/data/account-alias.ts).
      const summary = isRealAlias(account) ? `Changed the alias from ${account.alias} to ${input.alias}.` : `Created the alias ${input.alias}.`;
      log({ accountId, action: "CreateAccountAlias", targetArn, summary });
    }
    if (changes.displayName !== undefined) {
      const summary = `Renamed the account from "${account.displayName}" to "${input.displayName}".`;
      log({ accountId, action: "PutAccountName", targetArn, summary });
    }
    if (changes.rootEmail !== undefined) {
      const summary = `Changed the root email to ${input.rootEmail}.`;
      log({ accountId, action: "StartPrimaryEmailUpdate", targetArn, summary });
    }
    const row = await tx.account.update({
      where: { id: accountId },
      data: changes,
      select: accountSelect,
    });
    return toAccount(row);
  });
}
