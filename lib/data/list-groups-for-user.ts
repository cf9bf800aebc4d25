import "server-only";
import { db } from "@/lib/db";
import { groupRowSelect, summarizeGroups } from "@/lib/data/group-shape";
import { findUserOrThrow } from "@/lib/data/lookup";
import type { GroupSummary } from "@/lib/schemas/group";

/** ListGroupsForUser: at most 10 groups, so no paging. */
export async function listGroupsForUser(accountId: string, userName: string): Promise<GroupSummary[]> {
  const user = await findUserOrThrow(db(), accountId, userName);
  const rows = await db().group.findMany({
    where: { members: { some: { userId: user.id } } },
    select: groupRowSelect,
    orderBy: { nameLower: "asc" },
  });
  return summarizeGroups(db(), rows);
}
