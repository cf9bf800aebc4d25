import "server-only";
import { db } from "@/lib/db";
import { accessKeySelect, toAccessKey } from "@/lib/data/credential-shape";
import { findUserOrThrow } from "@/lib/data/lookup";
import type { AccessKey } from "@/lib/schemas/credentials";

/** ListAccessKeys: ids, status and dates; secrets are never shown again after creation. */
export async function listAccessKeys(accountId: string, userName: string): Promise<AccessKey[]> {
  const user = await findUserOrThrow(db(), accountId, userName);
  const rows = await db().accessKey.findMany({
    where: { userId: user.id },
    select: accessKeySelect,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toAccessKey);
}
