import "server-only";
import { db } from "@/lib/db";
import { findRoleOrThrow, findUserOrThrow } from "@/lib/data/lookup";
import { loadInventory } from "@/lib/data/who-can-inventory";
import { inventoryOf } from "@/lib/data/who-can-scope";
import { assumableRoles, roleAssumers, type ConditionalAssumption, type ContextValue } from "@/lib/iam";
import { pageOf } from "@/lib/schemas/common";
import type { AccountsRead } from "@/lib/schemas/reachable-accounts";
import type { AssumableRolesResult, AssumeQuery, RoleAssumersResult } from "@/lib/schemas/who-can";

/**
 * The two sides of sts:AssumeRole: the roles (in any account) a user may assume, and the
 * principals (users and roles, in any account) that may assume a role, each with those allowed
 * only with more context (lib/iam/who-can/assume.ts decides). Only the accounts the caller may
 * read are looked at (`accounts`, lib/auth/reachable-accounts.ts). Every principal of them is
 * judged, as before paging (the counts stay whole); only one page of each list is sent.
 */

type Paging = Pick<AssumeQuery, "page" | "pageSize" | "conditionalPage">;

/** The accounts read, and the path's own (its route's door has let the caller read it). */
const readIds = (accounts: AccountsRead, pathAccount: string): ReadonlySet<string> => new Set([pathAccount, ...accounts.read.map((account) => account.accountId)]);

const conditionalPage = (sorted: ConditionalAssumption[], paging: Paging) => pageOf(sorted, { page: paging.conditionalPage, pageSize: paging.pageSize });

export async function listAssumableRoles(
  accountId: string,
  userName: string,
  context: Readonly<Record<string, ContextValue>>,
  paging: Paging,
  accounts: AccountsRead,
): Promise<AssumableRolesResult> {
  const { id } = await findUserOrThrow(db(), accountId, userName);
  // The kept inventory of every principal (lib/data/who-can-inventory.ts), fresh after any change.
  const inventory = inventoryOf(await loadInventory(), readIds(accounts, accountId));
  const user = inventory.users.find((principal) => principal.id === id);
  if (!user) throw new Error(`User ${id} is not in the inventory read after it was found`);
  const { roles, conditional } = assumableRoles(inventory, user, context);
  return { ...pageOf(roles, paging), conditional: conditionalPage(conditional, paging), accounts };
}

export async function listRoleAssumers(
  accountId: string,
  roleName: string,
  context: Readonly<Record<string, ContextValue>>,
  paging: Paging,
  accounts: AccountsRead,
): Promise<RoleAssumersResult> {
  const { arn } = await findRoleOrThrow(db(), accountId, roleName);
  const inventory = inventoryOf(await loadInventory(), readIds(accounts, accountId));
  const role = inventory.roles.find((r) => r.arn === arn);
  if (!role) throw new Error(`Role ${arn} is not in the inventory read after it was found`);
  const { assumers, conditional } = roleAssumers(inventory, role, context);
  return {
    ...pageOf(assumers, paging),
    conditional: conditionalPage(conditional, paging),
    evaluated: { users: inventory.users.length, roles: inventory.roles.length },
    accounts,
  };
}
