import type { Inventory } from "@/lib/data/who-can-inventory";

/**
 * The kept inventory cut to the accounts a caller may read (lib/auth/reachable-accounts.ts): the
 * principals a multi-account tool would see through its roles, nothing of the other accounts (not
 * even a role there that a readable principal could assume). The whole inventory stays kept as
 * it is; each cut is made once per kept inventory and set of accounts.
 */
const cuts = new WeakMap<Inventory, Map<string, Inventory>>();

export function inventoryOf(inventory: Inventory, accountIds: ReadonlySet<string>): Inventory {
  if (inventory.accountIds.every((id) => accountIds.has(id))) return inventory;
  const key = [...accountIds].sort().join(",");
  let byKey = cuts.get(inventory);
  if (!byKey) cuts.set(inventory, (byKey = new Map()));
  const found = byKey.get(key);
  if (found) return found;
  const cut: Inventory = {
    accountIds: inventory.accountIds.filter((id) => accountIds.has(id)),
    users: inventory.users.filter((user) => accountIds.has(user.accountId)),
    roles: inventory.roles.filter((role) => accountIds.has(role.accountId)),
  };
  // A handful of callers' sets per kept inventory; a new inventory starts a new map.
  if (byKey.size >= 64) byKey.clear();
  byKey.set(key, cut);
  return cut;
}
