import "server-only";
import { limitExceeded } from "@/lib/errors";
import { findTaggedResourceOrThrow, shownTags, TAGGABLE, type TaggableKind } from "@/lib/data/resource-tags";
import { write } from "@/lib/data/write";
import { MAX_TAGS, type Tag } from "@/lib/schemas/common";

/**
 * TagUser, TagRole and TagPolicy: adds the tags, overwriting the value (and the key's spelling)
 * of keys the resource already has; keys match case-insensitively. LimitExceeded when the
 * resource would end up with more than 50 ("IAM and AWS STS quotas"). Answers its tags as they
 * now are. The tags themselves follow lib/schemas/common.ts (tagResourceBody).
 */
export function tagResource(kind: TaggableKind, accountId: string, name: string, tags: Tag[]): Promise<Tag[]> {
  const { noun, title } = TAGGABLE[kind];
  return write(async (tx, log) => {
    const resource = await findTaggedResourceOrThrow(tx, kind, accountId, name, "write");
    const existing = await resource.tags();
    const keys = new Set(existing.map((t) => t.keyLower));
    for (const t of tags) keys.add(t.key.toLowerCase());
    if (keys.size > MAX_TAGS) {
      throw limitExceeded(
        `${title} ${resource.name} would have ${keys.size} tags; at most ${MAX_TAGS} are allowed. Remove some first.`,
        "tags",
      );
    }
    // A tag the resource already has, spelled and valued the same, changes nothing and is not logged.
    const changed = tags.filter((t) => !existing.some((old) => old.key === t.key && old.value === t.value));
    for (const t of changed) await resource.put(t);
    if (changed.length === 0) return shownTags(existing);
    log({
      accountId,
      action: `Tag${title}`,
      targetArn: resource.arn,
      summary: `Tagged ${noun} ${resource.name} with ${changed.map((t) => t.key).join(", ")}.`,
    });
    return shownTags(await resource.tags());
  });
}
