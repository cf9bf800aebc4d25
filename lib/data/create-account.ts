import "server-only";
import { randomInt } from "node:crypto";
import { accountRootArn } from "@/lib/arn";
import { alreadyExists, httpError, noSuchEntity } from "@/lib/errors";
import { accountSelect, toAccount } from "@/lib/data/account-shape";
import { createRole } from "@/lib/data/create-role";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { write, type Tx } from "@/lib/data/write";
import type { Account, CreateAccountInput } from "@/lib/schemas/account";

export interface CreateAccountOptions {
  /**
   * AWS Organizations' CreateAccount: the management account whose organization the new account
   * joins. Without it the account is standalone (the seed's and the tests' own accounts).
   */
  managementAccountId?: string;
}

/**
 * The role AWS Organizations puts in every account it creates: it trusts the management account
 * (so its administrators may switch to it) and holds an inline policy named AdministratorAccess
 * allowing everything ("Accessing member accounts in your organization", AWS Organizations User Guide).
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_access.html
 */
export const ORGANIZATION_ACCESS_ROLE = "OrganizationAccountAccessRole";
export const ORGANIZATION_ACCESS_POLICY = "AdministratorAccess";
const ADMINISTRATOR_ACCESS = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] });
const trustingManagement = (managementAccountId: string) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: accountRootArn(managementAccountId) }, Action: "sts:AssumeRole" }] });

async function unusedAccountId(tx: Tx): Promise<string> {
  for (;;) {
    const id = String(randomInt(0, 1_000_000_000_000)).padStart(12, "0");
    if (!(await tx.account.findUnique({ where: { id }, select: { id: true } }))) return id;
  }
}

/**
 * Only a management account, or a standalone one (which thereby starts its organization), creates
 * accounts: "This operation can be called only from the organization's management account"
 * (CreateAccount, AWS Organizations API Reference).
 * https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreateAccount.html
 */
async function assertCanCreateAccounts(tx: Tx, managementAccountId: string): Promise<void> {
  const management = await tx.account.findUnique({ where: { id: managementAccountId }, select: { managementAccountId: true } });
  if (!management) throw noSuchEntity(`Account ${managementAccountId} does not exist.`, "managementAccountId");
  if (management.managementAccountId !== null) {
    throw httpError(
      "AccessDenied",
      `Account ${managementAccountId} cannot create accounts because it is a member of an organization; only its management account ${management.managementAccountId} can create accounts.`,
    );
  }
}

/**
 * CreateAccount: the 12-digit id is generated when not given; id and alias are unique. With a
 * management account (AWS Organizations), the account joins its organization and gets
 * OrganizationAccountAccessRole; the management account's log records the creation too.
 */
export function createAccount(input: CreateAccountInput, options: CreateAccountOptions = {}): Promise<Account> {
  const { managementAccountId } = options;
  return write(async (tx, log) => {
    if (managementAccountId) await assertCanCreateAccounts(tx, managementAccountId);
    if (input.accountId && (await tx.account.findUnique({ where: { id: input.accountId } }))) {
      throw alreadyExists(`Account ${input.accountId} already exists.`, "accountId");
    }
    const taken = await tx.account.findUnique({ where: { alias: input.alias } });
    if (taken) {
      throw alreadyExists(`The alias "${input.alias}" is already used by account ${taken.id}.`, "alias");
    }
    const id = input.accountId ?? (await unusedAccountId(tx));
    await tx.account.create({
      data: { id, alias: input.alias, displayName: input.displayName, rootEmail: input.rootEmail, managementAccountId: managementAccountId ?? null },
    });
    const targetArn = accountRootArn(id);
    log({ accountId: id, action: "CreateAccount", targetArn, summary: `Created account ${id} "${input.displayName}" with alias ${input.alias}.` });
    if (managementAccountId) {
      log({ accountId: managementAccountId, action: "CreateAccount", targetArn, summary: `Created member account ${id} (${input.alias}) in the organization.` });
      // Both join this transaction (write() inside write()): the account never exists without its role.
      await createRole(id, { roleName: ORGANIZATION_ACCESS_ROLE, path: "/", description: "", trustPolicy: trustingManagement(managementAccountId), maxSessionDuration: 3600, tags: [] });
      await putInlinePolicy("role", id, ORGANIZATION_ACCESS_ROLE, ORGANIZATION_ACCESS_POLICY, ADMINISTRATOR_ACCESS);
    }
    return toAccount(await tx.account.findUniqueOrThrow({ where: { id }, select: accountSelect }));
  });
}
