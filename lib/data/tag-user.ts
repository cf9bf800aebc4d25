import "server-only";
import { limitExceeded } from "@/lib/errors";
import { findUserOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";
import type { Tag } from "@/lib/schemas/common";

/** "IAM and AWS STS quotas": at most 50 tags per IAM resource. */
export const MAX_TAGS = 50;

/**
 * TagUser: adds the tags, overwriting the value (and the key's spelling) of keys the user already
 * has; keys match case-insensitively. LimitExceeded when the user would end up with more than 50.
 * Answers the user's tags as they now are.
 */
export function tagUser(accountId: string, userName: string, tags: Tag[]): Promise<Tag[]> {
  return write(async (tx, log) => {
    const user = await findUserOrThrow(tx, accountId, userName);
    const existing = await tx.userTag.findMany({ where: { userId: user.id }, select: { key: true, keyLower: true, value: true } });
    const keys = new Set(existing.map((t) => t.keyLower));
    for (const t of tags) keys.add(t.key.toLowerCase());
    if (keys.size > MAX_TAGS) {
      throw limitExceeded(
        `User ${user.name} would have ${keys.size} tags; at most ${MAX_TAGS} are allowed. Remove some first.`,
        "tags",
      );
    }
    // A tag the user already has, spelled and valued the same, changes nothing and is not logged.
    const changed = tags.filter((t) => !existing.some((old) => old.key === t.key && old.value === t.value));
    for (const t of changed) {
      const keyLower = t.key.toLowerCase();
      await tx.userTag.upsert({
        where: { userId_keyLower: { userId: user.id, keyLower } },
        create: { userId: user.id, key: t.key, keyLower, value: t.value },
        update: { key: t.key, value: t.value },
      });
    }
    if (changed.length > 0) {
      log({
        accountId,
        action: "TagUser",
        targetArn: user.arn,
        summary: `Tagged user ${user.name} with ${changed.map((t) => t.key).join(", ")}.`,
      });
    }
    return tx.userTag.findMany({
      where: { userId: user.id },
      select: { key: true, value: true },
      orderBy: { keyLower: "asc" },
    });
  });
}
