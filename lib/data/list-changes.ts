import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findAccountOrThrow } from "@/lib/data/lookup";
import type { ChangeEvent, ListChangesInput } from "@/lib/schemas/account";
import type { Page } from "@/lib/schemas/common";

/** The account's change log, newest first (id breaks ties within a millisecond), optionally for one ARN, with who made each change. */
export async function listChanges(accountId: string, query: ListChangesInput): Promise<Page<ChangeEvent>> {
  await findAccountOrThrow(db(), accountId);
  const where: Prisma.ChangeEventWhereInput = { accountId };
  if (query.targetArn) where.targetArn = query.targetArn;
  const [total, rows] = await Promise.all([
    db().changeEvent.count({ where }),
    db().changeEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  return {
    items: rows.map((e) => ({
      id: String(e.id),
      at: e.at.toISOString(),
      accountId: e.accountId,
      action: e.action,
      targetArn: e.targetArn,
      summary: e.summary,
      actor: e.actorArn ? { arn: e.actorArn, accessKeyId: e.accessKeyId, sourceIp: e.sourceIp, userAgent: e.userAgent, mfa: e.mfa ?? false } : null,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
