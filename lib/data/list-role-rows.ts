import "server-only";
import { db } from "@/lib/db";
import { findAccountOrThrow } from "@/lib/data/lookup";

/** The stored fields IAM's ListRoles answers for each role (no tags, boundary or last use: ListRoles leaves them out). */
export interface RoleRow {
  id: string;
  name: string;
  nameLower: string;
  path: string;
  arn: string;
  createdAt: Date;
  description: string;
  maxSessionDuration: number;
  trustPolicy: string;
}

/**
 * ListRoles as the AWS API pages it: the account's roles under `pathPrefix`, ordered by
 * lower-cased name, after the key `after`, at most `take` (through the (accountId, nameLower) index).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListRoles.html
 */
export async function listRoleRows(accountId: string, query: { pathPrefix: string; after: string | null; take: number }): Promise<RoleRow[]> {
  await findAccountOrThrow(db(), accountId);
  return db().role.findMany({
    where: {
      accountId,
      ...(query.pathPrefix !== "/" ? { path: { startsWith: query.pathPrefix } } : {}),
      ...(query.after !== null ? { nameLower: { gt: query.after } } : {}),
    },
    select: { id: true, name: true, nameLower: true, path: true, arn: true, createdAt: true, description: true, maxSessionDuration: true, trustPolicy: true },
    orderBy: { nameLower: "asc" },
    take: query.take,
  });
}
