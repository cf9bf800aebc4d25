import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { groupRowSelect, summarizeGroups } from "@/lib/data/group-shape";
import { findAccountOrThrow } from "@/lib/data/lookup";
import { nameSearchWhere } from "@/lib/data/name-search";
import type { Page } from "@/lib/schemas/common";
import type { GroupSummary, ListGroupsInput } from "@/lib/schemas/group";

type Order = ListGroupsInput["order"];

// Every sort ends on nameLower (unique per account), so pages never overlap or skip rows.
const ORDER_BY: Record<ListGroupsInput["sort"], (o: Order) => Prisma.GroupOrderByWithRelationInput[]> = {
  name: (o) => [{ nameLower: o }],
  created: (o) => [{ createdAt: o }, { nameLower: o }],
  path: (o) => [{ path: o }, { nameLower: o }],
};

/** ListGroups: one page, searched on the lower-case name, with member and policy counts. */
export async function listGroups(accountId: string, query: ListGroupsInput): Promise<Page<GroupSummary>> {
  await findAccountOrThrow(db(), accountId);
  const search = await nameSearchWhere(query.search, (like) =>
    db().group.findMany({ where: { accountId, ...like }, select: { id: true, nameLower: true } }),
  );
  const where: Prisma.GroupWhereInput = { accountId, ...search };
  const [total, rows] = await Promise.all([
    db().group.count({ where }),
    db().group.findMany({
      where,
      select: groupRowSelect,
      orderBy: ORDER_BY[query.sort](query.order),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  const items = await summarizeGroups(db(), rows);
  return { items, total, page: query.page, pageSize: query.pageSize };
}
