import "server-only";
import { db } from "@/lib/db";
import { findUserOrThrow } from "@/lib/data/lookup";
import type { Tag } from "@/lib/schemas/common";

export async function listUserTags(accountId: string, userName: string): Promise<Tag[]> {
  const user = await findUserOrThrow(db(), accountId, userName);
  return db().userTag.findMany({
    where: { userId: user.id },
    select: { key: true, value: true },
    orderBy: { keyLower: "asc" },
  });
}
