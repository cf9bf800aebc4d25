import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findAccountOrThrow } from "@/lib/data/lookup";
import { nameSearchWhere } from "@/lib/data/name-search";
import { roleSummarySelect, toRoleSummary } from "@/lib/data/role-shape";
import type { Page } from "@/lib/schemas/common";
import type { ListRolesQuery, RoleSortKey, RoleSummary } from "@/lib/schemas/role";

const orderBy = (sort: RoleSortKey, order: Prisma.SortOrder): Prisma.RoleOrderByWithRelationInput[] =>
  sort === "created" ? [{ createdAt: order }, { nameLower: order }] : [{ nameLower: order }];

/** ListRoles: one page, searched by name anywhere in it, case-insensitively. */
export async function listRoles(accountId: string, query: ListRolesQuery): Promise<Page<RoleSummary>> {
  await findAccountOrThrow(db(), accountId);
  const search = await nameSearchWhere(query.search, (like) =>
    db().role.findMany({ where: { accountId, ...like }, select: { id: true, nameLower: true } }),
  );
  const where: Prisma.RoleWhereInput = { accountId, ...search };
  const [rows, total] = await Promise.all([
    db().role.findMany({
      where,
      orderBy: orderBy(query.sort, query.order),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: roleSummarySelect,
    }),
    db().role.count({ where }),
  ]);
  return { items: rows.map(toRoleSummary), total, page: query.page, pageSize: query.pageSize };
}
