import "server-only";
import { db } from "@/lib/db";
import { readGroup } from "@/lib/data/group-shape";
import { findGroupOrThrow } from "@/lib/data/lookup";
import type { GroupSummary } from "@/lib/schemas/group";

export async function getGroup(accountId: string, groupName: string): Promise<GroupSummary> {
  const group = await findGroupOrThrow(db(), accountId, groupName);
  return readGroup(db(), group.id);
}
