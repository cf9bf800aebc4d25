import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findAccountOrThrow } from "@/lib/data/lookup";
import { toUserSummary, userSummarySelect } from "@/lib/data/user-shape";
import type { Page } from "@/lib/schemas/common";
import type { ListUsersInput, UserSortKey, UserSummary } from "@/lib/schemas/user";

type Order = ListUsersInput["order"];

// Every sort ends on nameLower (unique per account), so pages never overlap or skip rows.
const ORDER_BY: Record<UserSortKey, (o: Order) => Prisma.UserOrderByWithRelationInput[]> = {
  name: (o) => [{ nameLower: o }],
  created: (o) => [{ createdAt: o }, { nameLower: o }],
  path: (o) => [{ path: o }, { nameLower: o }],
};

/**
 * One page of the users matching `where` and the query's search, sorted, with their counts in
 * the same query (Prisma _count sub-selects on indexed foreign keys; no query per user).
 */
export async function findUserPage(
  where: Prisma.UserWhereInput,
  query: ListUsersInput,
): Promise<Page<UserSummary>> {
  const filtered: Prisma.UserWhereInput = query.search
    ? { ...where, nameLower: { contains: query.search.toLowerCase() } }
    : where;
  const [total, rows] = await Promise.all([
    db().user.count({ where: filtered }),
    db().user.findMany({
      where: filtered,
      select: userSummarySelect,
      orderBy: ORDER_BY[query.sort](query.order),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  return { items: rows.map(toUserSummary), total, page: query.page, pageSize: query.pageSize };
}

/** ListUsers: one page of the account's users. */
export async function listUsers(accountId: string, query: ListUsersInput): Promise<Page<UserSummary>> {
  await findAccountOrThrow(db(), accountId);
  return findUserPage({ accountId }, query);
}
