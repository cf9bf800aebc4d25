import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findAccountOrThrow } from "@/lib/data/lookup";
import { nameSearchWhere } from "@/lib/data/name-search";
import {
  attachmentCountIn,
  awsManagedAttachmentCounts,
  policySummarySelect,
  toPolicySummary,
} from "@/lib/data/policy-shape";
import type { Page } from "@/lib/schemas/common";
import type { ListPoliciesQuery, PolicySummary } from "@/lib/schemas/policy";

function scopeWhere(accountId: string, query: ListPoliciesQuery, awsCounts: Map<string, number>): Prisma.PolicyWhereInput {
  const local: Prisma.PolicyWhereInput = query.onlyAttached ? { accountId, attachmentCount: { gt: 0 } } : { accountId };
  const aws: Prisma.PolicyWhereInput = query.onlyAttached
    ? { awsManaged: true, id: { in: [...awsCounts.keys()] } }
    : { awsManaged: true };
  return query.scope === "Local" ? local : query.scope === "AWS" ? aws : { OR: [local, aws] };
}

const ORDER: Record<Exclude<ListPoliciesQuery["sort"], "attachments">, (o: Prisma.SortOrder) => Prisma.PolicyOrderByWithRelationInput[]> = {
  name: (o) => [{ nameLower: o }, { arn: o }],
  created: (o) => [{ createdAt: o }, { nameLower: "asc" }],
  updated: (o) => [{ updatedAt: o }, { nameLower: "asc" }],
};

/**
 * The page's policy ids when sorting by attachment count, which for AWS managed policies is
 * per account and so not a column: rank the (few thousand) light candidate rows in memory.
 */
async function idsByAttachments(where: Prisma.PolicyWhereInput, query: ListPoliciesQuery, awsCounts: Map<string, number>) {
  const candidates = await db().policy.findMany({
    where,
    select: { id: true, nameLower: true, awsManaged: true, attachmentCount: true },
  });
  const sign = query.order === "asc" ? 1 : -1;
  return candidates
    .map((c) => ({ id: c.id, name: c.nameLower, count: attachmentCountIn(c, awsCounts) }))
    .sort((a, b) => sign * (a.count - b.count) || a.name.localeCompare(b.name))
    .slice((query.page - 1) * query.pageSize, query.page * query.pageSize)
    .map((c) => c.id);
}

/** ListPolicies: scope All | AWS | Local, only attached ones, search by name (or one exact name), sorted, one page. */
export async function listPolicies(accountId: string, query: ListPoliciesQuery): Promise<Page<PolicySummary>> {
  await findAccountOrThrow(db(), accountId);
  // Every AWS managed count is needed to filter or sort by it; otherwise only the page's.
  const allCounts = query.scope !== "Local" && (query.onlyAttached || query.sort === "attachments");
  let awsCounts = allCounts ? await awsManagedAttachmentCounts(db(), accountId) : new Map<string, number>();
  const scope = scopeWhere(accountId, query, awsCounts);
  const search = await nameSearchWhere(query.search, (like) =>
    db().policy.findMany({ where: { AND: [scope, like] }, select: { id: true, nameLower: true } }),
  );
  const exact: Prisma.PolicyWhereInput = query.name ? { nameLower: query.name.toLowerCase() } : {};
  const where: Prisma.PolicyWhereInput = { AND: [scope, search, exact] };
  const total = await db().policy.count({ where });
  let rows;
  if (query.sort === "attachments") {
    const ids = await idsByAttachments(where, query, awsCounts);
    const byId = new Map((await db().policy.findMany({ where: { id: { in: ids } }, select: policySummarySelect })).map((r) => [r.id, r]));
    rows = ids.flatMap((id) => byId.get(id) ?? []);
  } else {
    rows = await db().policy.findMany({
      where,
      orderBy: ORDER[query.sort](query.order),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: policySummarySelect,
    });
  }
  const awsOnPage = rows.filter((r) => r.awsManaged).map((r) => r.id);
  if (!allCounts && awsOnPage.length > 0) awsCounts = await awsManagedAttachmentCounts(db(), accountId, awsOnPage);
  return {
    items: rows.map((r) => toPolicySummary(r, attachmentCountIn(r, awsCounts))),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
