import "server-only";
import { limitExceeded } from "@/lib/errors";
import { findRoleOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";
import type { Tag } from "@/lib/schemas/common";

const MAX_TAGS = 50;

/** TagRole: adds tags or overwrites the values of existing keys (keys match case-insensitively). */
export function tagRole(accountId: string, roleName: string, tags: Tag[]): Promise<Tag[]> {
  return write(async (tx, log) => {
    const role = await findRoleOrThrow(tx, accountId, roleName);
    const existing = await tx.roleTag.findMany({ where: { roleId: role.id }, select: { key: true, keyLower: true, value: true } });
    const keys = new Set([...existing.map((t) => t.keyLower), ...tags.map((t) => t.key.toLowerCase())]);
    if (keys.size > MAX_TAGS) {
      throw limitExceeded(`Role ${role.name} would have ${keys.size} tags; the limit is ${MAX_TAGS}.`, "tags");
    }
    // A tag the role already has, spelled and valued the same, changes nothing and is not logged.
    const changed = tags.filter((t) => !existing.some((old) => old.key === t.key && old.value === t.value));
    for (const t of changed) {
      const keyLower = t.key.toLowerCase();
      await tx.roleTag.upsert({
        where: { roleId_keyLower: { roleId: role.id, keyLower } },
        create: { roleId: role.id, key: t.key, keyLower, value: t.value },
        update: { key: t.key, value: t.value },
      });
    }
    if (changed.length > 0) {
      log({ accountId, action: "TagRole", targetArn: role.arn, summary: `Tagged role ${role.name}: ${changed.map((t) => t.key).join(", ")}.` });
    }
    return tx.roleTag.findMany({ where: { roleId: role.id }, select: { key: true, value: true }, orderBy: { keyLower: "asc" } });
  });
}
