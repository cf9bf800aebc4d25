import "server-only";
import { db } from "@/lib/db";
import { findAccountOrThrow } from "@/lib/data/lookup";

/** The stored fields IAM's ListUsers answers for each user. */
export interface UserRow {
  id: string;
  name: string;
  nameLower: string;
  path: string;
  arn: string;
  createdAt: Date;
  passwordLastUsedAt: Date | null;
}

/**
 * ListUsers as the AWS API pages it: the account's users under `pathPrefix`, ordered by lower-cased
 * name, after the key `after`, at most `take` (through the (accountId, nameLower) index).
 */
export async function listUserRows(accountId: string, query: { pathPrefix: string; after: string | null; take: number }): Promise<UserRow[]> {
  await findAccountOrThrow(db(), accountId);
  return db().user.findMany({
    where: {
      accountId,
      ...(query.pathPrefix !== "/" ? { path: { startsWith: query.pathPrefix } } : {}),
      ...(query.after !== null ? { nameLower: { gt: query.after } } : {}),
    },
    select: { id: true, name: true, nameLower: true, path: true, arn: true, createdAt: true, passwordLastUsedAt: true },
    orderBy: { nameLower: "asc" },
    take: query.take,
  });
}
