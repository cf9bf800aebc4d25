import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Identity, RequestFacts } from "@/lib/auth/identity";

/**
 * The audit trail: who tried what, allowed or refused (every write attempt, every refused read,
 * every sign-in, sign-out and switch role). Kept apart from the change log, which records only
 * successful writes. Each record is shaped after CloudTrail's (lib/auth/cloudtrail.ts exports
 * them as CloudTrail's JSON). Writing it never fails the request it records: a busy database
 * loses the record and says so on the server's console.
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
export interface AuditEntry {
  /** recipientAccountId: the account the request was made to. */
  accountId: string | null;
  eventSource: string;
  eventName: string;
  eventType?: "AwsApiCall" | "AwsConsoleSignIn";
  readOnly?: boolean;
  /** Null when the caller could not be identified (a failed sign-in names whom it tried in userName). */
  identity: Identity | null;
  /** For a failed sign-in: the principal it tried to sign in as. */
  attemptedArn?: string | null;
  userName?: string | null;
  facts: RequestFacts;
  requestParameters?: unknown;
  responseElements?: unknown;
  additionalEventData?: unknown;
  errorCode?: string | null;
  errorMessage?: string | null;
  resourceArn?: string | null;
  at?: Date;
}

const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

/** The row of an entry (exported for tests). */
export function auditRow(entry: AuditEntry) {
  const identity = entry.identity;
  return {
    eventId: randomUUID(),
    at: entry.at ?? new Date(),
    accountId: entry.accountId,
    eventSource: entry.eventSource,
    eventName: entry.eventName,
    eventType: entry.eventType ?? "AwsApiCall",
    readOnly: entry.readOnly ?? false,
    identityType: identity?.type ?? null,
    principalArn: identity?.arn ?? entry.attemptedArn ?? null,
    principalAccountId: identity?.accountId ?? (entry.attemptedArn ? (entry.attemptedArn.split(":")[4] ?? null) : null),
    userName: identity ? identity.signedIn.userName : (entry.userName ?? null),
    principalId: identity?.userId ?? null,
    accessKeyId: identity?.accessKeyId ?? null,
    sessionIssuerArn: identity?.role?.roleArn ?? null,
    // A console session, a role session and GetSessionToken's temporary credentials have a start
    // (CloudTrail's sessionContext.attributes.creationDate); a request signed with a long-term key has none.
    sessionCreatedAt: identity && (identity.role || identity.accessKeyId === null || identity.credentialKind !== undefined) ? identity.tokenIssuedAt : null,
    mfa: identity?.mfaAt != null,
    sourceIp: entry.facts.sourceIp,
    userAgent: entry.facts.userAgent.slice(0, 512),
    requestParameters: json(entry.requestParameters),
    responseElements: json(entry.responseElements),
    additionalEventData: json(entry.additionalEventData),
    errorCode: entry.errorCode ?? null,
    errorMessage: entry.errorMessage ?? null,
    resourceArn: entry.resourceArn ?? null,
  };
}

export async function recordAudit(entry: AuditEntry): Promise<void> {
  try {
    await db().auditEvent.create({ data: auditRow(entry) });
  } catch (err) {
    console.error(`Audit record lost (${entry.eventSource} ${entry.eventName}):`, err instanceof Error ? err.message : err);
  }
}
