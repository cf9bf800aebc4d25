import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findAccountOrThrow } from "@/lib/data/lookup";
import { nameSearchWhere } from "@/lib/data/name-search";
import { summarizeUsers, userRowSelect } from "@/lib/data/user-shape";
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
 * One page of the users matching `where` and the query's search, sorted: the page is read
 * through the (accountId, nameLower) or (accountId, createdAt) index, then its counts in a fixed
 * number of queries (none per user).
 */
export async function findUserPage(
  where: Prisma.UserWhereInput,
  query: ListUsersInput,
): Promise<Page<UserSummary>> {
  const search = await nameSearchWhere(query.search, (like) =>
    db().user.findMany({ where: { ...where, ...like }, select: { id: true, nameLower: true } }),
  );
  const filtered: Prisma.UserWhereInput = { ...where, ...search };
  const [total, rows] = await Promise.all([
    db().user.count({ where: filtered }),
    db().user.findMany({
      where: filtered,
      select: userRowSelect,
      orderBy: ORDER_BY[query.sort](query.order),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  const items = await summarizeUsers(db(), rows);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** ListUsers: one page of the account's users. */
export async function listUsers(accountId: string, query: ListUsersInput): Promise<Page<UserSummary>> {
  await findAccountOrThrow(db(), accountId);
  return findUserPage({ accountId }, query);
}
