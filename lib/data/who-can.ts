import "server-only";
import { loadInventory } from "@/lib/data/who-can-inventory";
import { loadCatalogIndex } from "@/lib/catalog/load";
import { whoCan as answer, whoCanNearMisses } from "@/lib/iam";
import { pageOf } from "@/lib/schemas/common";
import type { WhoCanQuery, WhoCanResult } from "@/lib/schemas/who-can";

/**
 * Who can: every principal of every account allowed one action on one resource, with its paths
 * (lib/iam/who-can/who-can.ts decides). The inventory is read in a few queries and each distinct
 * document compiled once (lib/data/who-can-inventory.ts). Every principal is judged (the counts
 * are whole); one page of the allowed ones is sent, in a total order (an ARN is unique).
 */
export async function whoCan(query: WhoCanQuery): Promise<WhoCanResult> {
  const started = performance.now();
  const inventory = await loadInventory();
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
    milliseconds: Math.round(performance.now() - started),
  };
}
