import "server-only";
import { randomInt } from "node:crypto";
import { accountRootArn } from "@/lib/arn";
import { alreadyExists } from "@/lib/errors";
import { accountSelect, toAccount } from "@/lib/data/account-shape";
import { write, type Tx } from "@/lib/data/write";
import type { Account, CreateAccountInput } from "@/lib/schemas/account";

async function unusedAccountId(tx: Tx): Promise<string> {
  for (;;) {
    const id = String(randomInt(0, 1_000_000_000_000)).padStart(12, "0");
    if (!(await tx.account.findUnique({ where: { id }, select: { id: true } }))) return id;
  }
}

/** CreateAccount: the 12-digit id is generated when not given; id and alias are unique. */
export function createAccount(input: CreateAccountInput): Promise<Account> {
  return write(async (tx, log) => {
    if (input.accountId && (await tx.account.findUnique({ where: { id: input.accountId } }))) {
      throw alreadyExists(`Account ${input.accountId} already exists.`, "accountId");
    }
    const taken = await tx.account.findUnique({ where: { alias: input.alias } });
    if (taken) {
      throw alreadyExists(`The alias "${input.alias}" is already used by account ${taken.id}.`, "alias");
    }
    const id = input.accountId ?? (await unusedAccountId(tx));
    const row = await tx.account.create({
      data: { id, alias: input.alias, displayName: input.displayName, rootEmail: input.rootEmail },
      select: accountSelect,
    });
    log({
      accountId: id,
      action: "CreateAccount",
      targetArn: accountRootArn(id),
      summary: `Created account ${id} "${input.displayName}" with alias ${input.alias}.`,
    });
    return toAccount(row);
  });
}
