import "server-only";
import { db } from "@/lib/db";
import { findTaggedResourceOrThrow, shownTags, type TaggableKind } from "@/lib/data/resource-tags";
import type { Tag } from "@/lib/schemas/common";

/** ListUserTags, ListRoleTags and ListPolicyTags: every tag (at most 50), by lower-case key. */
export async function listResourceTags(kind: TaggableKind, accountId: string, name: string): Promise<Tag[]> {
  const resource = await findTaggedResourceOrThrow(db(), kind, accountId, name, "read");
  return shownTags(await resource.tags());
}
