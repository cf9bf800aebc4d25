import "server-only";
import { noSuchEntity } from "@/lib/errors";
import type { Tx } from "@/lib/data/write";

// Finders shared by every lib/data operation. Entities are always found by (account, lower-case
// name) — never by an id the client sent — and a miss is AWS's NoSuchEntity naming what is missing.

export async function findAccountOrThrow(tx: Tx, accountId: string) {
  const account = await tx.account.findUnique({ where: { id: accountId } });
  if (!account) throw noSuchEntity(`Account ${accountId} does not exist.`, "accountId");
  return account;
}

/** A miss on an entity inside an account says which of the two is missing. */
async function missingIn(tx: Tx, accountId: string, what: string, field: string): Promise<never> {
  await findAccountOrThrow(tx, accountId);
  throw noSuchEntity(`${what} does not exist in account ${accountId}.`, field);
}

export async function findUserOrThrow(tx: Tx, accountId: string, userName: string, field = "userName") {
  const user = await tx.user.findUnique({
    where: { accountId_nameLower: { accountId, nameLower: userName.toLowerCase() } },
  });
  return user ?? missingIn(tx, accountId, `User "${userName}"`, field);
}

export async function findGroupOrThrow(tx: Tx, accountId: string, groupName: string, field = "groupName") {
  const group = await tx.group.findUnique({
    where: { accountId_nameLower: { accountId, nameLower: groupName.toLowerCase() } },
  });
  return group ?? missingIn(tx, accountId, `Group "${groupName}"`, field);
}

/**
 * A managed policy that `accountId` may use: AWS managed, or customer managed in that account.
 * A customer policy of another account is reported as missing, as AWS does.
 */
export async function findManagedPolicyByArnOrThrow(
  tx: Tx,
  accountId: string,
  arn: string,
  field = "policyArn",
) {
  const policy = await tx.policy.findUnique({ where: { arn } });
  if (!policy || (!policy.awsManaged && policy.accountId !== accountId)) {
    return missingIn(tx, accountId, `Policy ${arn}`, field);
  }
  return policy;
}
