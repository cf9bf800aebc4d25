import "server-only";
import { loadInventory } from "@/lib/data/who-can-inventory";
import { inventoryOf } from "@/lib/data/who-can-scope";
import { loadCatalogIndex } from "@/lib/catalog/load";
import { whoCan as answer, whoCanNearMisses } from "@/lib/iam";
import { pageOf } from "@/lib/schemas/common";
import type { AccountsRead } from "@/lib/schemas/reachable-accounts";
import type { WhoCanQuery, WhoCanResult } from "@/lib/schemas/who-can";

/**
 * Who can: every principal of the accounts the caller may read (`accounts`, from
 * lib/auth/reachable-accounts.ts) allowed one action on one resource, with its paths
 * (lib/iam/who-can/who-can.ts decides). The whole inventory is read in a few queries and kept
 * (lib/data/who-can-inventory.ts), then cut to those accounts. Every principal of them is judged
 * (the counts are whole); one page of the allowed ones is sent, in a total order (an ARN is unique).
 */
export async function whoCan(query: WhoCanQuery, accounts: AccountsRead): Promise<WhoCanResult> {
  const started = performance.now();
  const inventory = inventoryOf(await loadInventory(), new Set(accounts.read.map((account) => account.accountId)));
  const { resourceAccount, principals, explicitlyDenied } = answer(inventory, query);
  return {
    action: query.action,
    resource: query.resource,
    resourceAccount,
    ...pageOf(principals, query),
    evaluated: { accounts: inventory.accountIds.length, users: inventory.users.length, roles: inventory.roles.length },
    explicitlyDenied,
    // Only when no user or role is allowed (account roots may be: they hold every permission of
    // their own account): the answer explains what nearly matched.
    nearMisses: principals.every((principal) => principal.kind === "root") ? whoCanNearMisses(inventory, query, { catalog: loadCatalogIndex() }) : [],
    accounts,
    milliseconds: Math.round(performance.now() - started),
  };
}
