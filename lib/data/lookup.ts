import "server-only";
import { noSuchEntity, validationError } from "@/lib/errors";
import type { Tx } from "@/lib/data/write";

// Finders shared by every lib/data operation. Entities are always found by (account, lower-case
// name) — never by an id the client sent — and a miss is AWS's NoSuchEntity naming what is missing.

/**
 * The case-insensitive key of an IAM name. Only A–Z fold: IAM names are ASCII, and Unicode
 * folding would let "\u212Aelvin" (KELVIN SIGN) find the user "kelvin".
 */
export function nameKey(name: string): string {
  let key = "";
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    key += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : name[i];
  }
  return key;
}

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
    where: { accountId_nameLower: { accountId, nameLower: nameKey(userName) } },
  });
  return user ?? missingIn(tx, accountId, `User "${userName}"`, field);
}

export async function findGroupOrThrow(tx: Tx, accountId: string, groupName: string, field = "groupName") {
  const group = await tx.group.findUnique({
    where: { accountId_nameLower: { accountId, nameLower: nameKey(groupName) } },
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

export async function findRoleOrThrow(tx: Tx, accountId: string, roleName: string, field = "roleName") {
  const role = await tx.role.findUnique({
    where: { accountId_nameLower: { accountId, nameLower: nameKey(roleName) } },
  });
  return role ?? missingIn(tx, accountId, `Role "${roleName}"`, field);
}

/**
 * A managed policy by name as seen from an account: its customer managed policy of that name,
 * else the AWS managed policy of that name (AWS managed names are unique).
 */
export async function findPolicyByNameOrThrow(tx: Tx, accountId: string, policyName: string, field = "policyName") {
  const nameLower = nameKey(policyName);
  const policy =
    (await tx.policy.findUnique({ where: { accountId_nameLower: { accountId, nameLower } } })) ??
    (await tx.policy.findFirst({ where: { awsManaged: true, nameLower } }));
  return policy ?? missingIn(tx, accountId, `Policy "${policyName}"`, field);
}

/** AWS managed policies are read-only: AWS refuses every write to one. */
export function assertCustomerManaged(policy: { arn: string; awsManaged: boolean }, field = "policyName"): void {
  if (policy.awsManaged) {
    throw validationError(
      field,
      `${policy.arn} is an AWS managed policy and cannot be modified; create a customer managed policy instead.`,
    );
  }
}
