import "server-only";
import { findTaggedResourceOrThrow, TAGGABLE, type TaggableKind } from "@/lib/data/resource-tags";
import { write } from "@/lib/data/write";

/**
 * UntagUser, UntagRole and UntagPolicy: removes the tags with these keys (case-insensitively);
 * keys the resource does not have are ignored, as in AWS, and removing none logs nothing.
 */
export function untagResource(kind: TaggableKind, accountId: string, name: string, keys: string[]): Promise<void> {
  const { noun, title } = TAGGABLE[kind];
  return write(async (tx, log) => {
    const resource = await findTaggedResourceOrThrow(tx, kind, accountId, name, "write");
    const asked = new Set(keys.map((k) => k.toLowerCase()));
    const removed = (await resource.tags()).filter((t) => asked.has(t.keyLower));
    if (removed.length === 0) return;
    await resource.remove(removed.map((t) => t.keyLower));
    log({
      accountId,
      action: `Untag${title}`,
      targetArn: resource.arn,
      summary: `Removed tags from ${noun} ${resource.name}: ${removed.map((t) => t.key).join(", ")}.`,
    });
  });
}
