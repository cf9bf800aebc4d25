import "server-only";
import { aliasOrNull } from "@/lib/data/account-alias";
import { db } from "@/lib/db";
import { cloudTrailFile, cloudTrailRecord, type CloudTrailRecord } from "@/lib/auth/cloudtrail";
import { findAccountOrThrow } from "@/lib/data/lookup";
import type { AuditEvent, Prisma } from "@/lib/generated/prisma/client";
import type { AuditEventView, AuditFilters, AuditPage, ListAuditQuery } from "@/lib/schemas/audit";

/**
 * The account's audit trail (CloudTrail's LookupEvents, for the console's History): the events
 * recorded with the account as recipient, newest first (id breaks ties within a millisecond),
 * filtered by principal, outcome, event name and time.
 * https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
 */

/** The most records one export holds: CloudTrail's own log files are a few thousand events each. */
export const EXPORT_LIMIT = 10_000;

/**
 * Only events since the account was made: a closed account's id may be used again (CloseAccount),
 * and its earlier owner's trail is not the new owner's to read.
 */
async function since(accountId: string): Promise<Date> {
  await findAccountOrThrow(db(), accountId);
  const { createdAt } = await db().account.findUniqueOrThrow({ where: { id: accountId }, select: { createdAt: true } });
  return createdAt;
}

function whereOf(accountId: string, filters: AuditFilters, from: Date): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [{ accountId }, { at: { gte: from } }];
  // A role's ARN stands for every session of that role.
  if (filters.principal) and.push({ OR: [{ principalArn: filters.principal }, { sessionIssuerArn: filters.principal }] });
  if (filters.eventName) and.push({ eventName: filters.eventName });
  if (filters.from) and.push({ at: { gte: filters.from } });
  if (filters.to) and.push({ at: { lte: filters.to } });
  if (filters.outcome === "allowed") and.push({ errorCode: null, errorMessage: null });
  if (filters.outcome === "denied") and.push({ OR: [{ errorCode: { not: null } }, { errorMessage: { not: null } }] });
  return { AND: and };
}

const ORDER = [{ at: "desc" as const }, { id: "desc" as const }];

function toView(row: AuditEvent): AuditEventView {
  return {
    eventId: row.eventId,
    at: row.at.toISOString(),
    accountId: row.accountId,
    eventSource: row.eventSource,
    eventName: row.eventName,
    eventType: row.eventType,
    readOnly: row.readOnly,
    outcome: row.errorCode || row.errorMessage ? "denied" : "allowed",
    principal: { type: row.identityType, arn: row.principalArn, accountId: row.principalAccountId, userName: row.userName, roleArn: row.sessionIssuerArn },
    accessKeyId: row.accessKeyId,
    sourceIp: row.sourceIp,
    userAgent: row.userAgent,
    mfa: row.mfa,
    resourceArn: row.resourceArn,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
  };
}

export async function listAuditEvents(accountId: string, query: ListAuditQuery): Promise<AuditPage> {
  const from = await since(accountId);
  const where = whereOf(accountId, query, from);
  const [total, rows, principals] = await Promise.all([
    db().auditEvent.count({ where }),
    db().auditEvent.findMany({ where, orderBy: ORDER, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
    db().auditEvent.groupBy({ by: ["principalArn"], where: { accountId, at: { gte: from }, principalArn: { not: null } }, _max: { at: true }, orderBy: { _max: { at: "desc" } }, take: 100 }),
  ]);
  return {
    items: rows.map(toView),
    total,
    page: query.page,
    pageSize: query.pageSize,
    principals: principals.map((row) => row.principalArn).filter((arn): arn is string => arn !== null),
  };
}

/** The filtered trail as CloudTrail's log file (`{"Records": [...]}`), oldest first as CloudTrail writes them. */
export async function exportAuditEvents(accountId: string, filters: AuditFilters): Promise<{ Records: readonly CloudTrailRecord[] }> {
  const from = await since(accountId);
  const rows = await db().auditEvent.findMany({ where: whereOf(accountId, filters, from), orderBy: ORDER, take: EXPORT_LIMIT });
  const accountIds = [...new Set(rows.map((row) => row.principalAccountId).filter((id): id is string => id !== null))];
  const aliases = new Map((await db().account.findMany({ where: { id: { in: accountIds } }, select: { id: true, alias: true } })).map((a) => [a.id, aliasOrNull(a) ?? undefined]));
  return cloudTrailFile(rows.reverse().map((row) => cloudTrailRecord(row, (id) => aliases.get(id))));
}
