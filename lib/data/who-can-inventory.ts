import "server-only";
import { db } from "@/lib/db";
import { keptCache, readStamp, sameStamp, type Stamp } from "@/lib/data/compiled-policies";
import { agrees, changedPrincipals, patched } from "@/lib/data/who-can-inventory-patch";
import { readInventory, type Inventory } from "@/lib/data/who-can-inventory-read";

export type { Inventory, InventoryPrincipal, InventoryRole } from "@/lib/data/who-can-inventory-read";

/**
 * The who-can inventory kept between requests: every principal with its compiled policies
 * (who-can-inventory-read.ts), and the stamp it was read at (compiled-policies.ts).
 */
const whole = keptCache<"whole", { stamp: Stamp; inventory: Inventory }>("who-can inventory", 1);

/** The whole inventory read afresh, bypassing what is kept (for checks of the kept copy). */
export function readWholeInventory(): Promise<Inventory> {
  return db().$transaction((tx) => readInventory(tx, {}), { timeout: 60_000 });
}

/**
 * Reads the inventory in one read transaction, so every part sees the same moment. The whole
 * inventory is kept until the data changes: at 10,000 users reading it costs a few hundred
 * milliseconds, checking the stamp a millisecond. After changes the change log confines to some
 * users and roles (their tags and policies, a boundary, a trust policy, a group's policies or
 * members, a managed policy's default version) only those are read again
 * (who-can-inventory-patch.ts); the counts must then agree with the patched inventory, else
 * everything is read. (This relies on change events being numbered in commit order, as SQLite's
 * single writer does.)
 */
export function loadInventory(): Promise<Inventory> {
  return db().$transaction(
    async (tx) => {
      const stamp = await readStamp(tx);
      const kept = whole.get("whole");
      if (kept && sameStamp(kept.stamp, stamp)) return kept.inventory;
      let inventory: Inventory | null = null;
      if (kept && kept.stamp.eventId < stamp.eventId) {
        const changed = await changedPrincipals(tx, kept.stamp.eventId, kept.inventory);
        if (changed) {
          const fresh = await readInventory(tx, { userArns: [...changed.users], roleArns: [...changed.roles] });
          const candidate = patched(kept.inventory, fresh, changed);
          if (agrees(candidate, stamp, changed.versions || stamp.versions === kept.stamp.versions)) inventory = candidate;
        }
      }
      inventory ??= await readInventory(tx, {});
      whole.set("whole", { stamp, inventory });
      return inventory;
    },
    { timeout: 60_000 },
  );
}
