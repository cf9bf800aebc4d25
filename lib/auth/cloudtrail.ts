/**
 * The audit trail's records as CloudTrail writes them ("CloudTrail record contents" and "CloudTrail
 * userIdentity element" in the CloudTrail User Guide), for the export (`{"Records": [...]}`, as in
 * CloudTrail's log files). Pure: the stored row in, the record out.
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html
 */
import { REGION } from "@/lib/auth/identity";

/** What the audit trail stores of one event (prisma/schema.prisma's AuditEvent). */
export interface AuditRecord {
  eventId: string;
  at: Date;
  accountId: string | null;
  eventSource: string;
  eventName: string;
  eventType: string;
  readOnly: boolean;
  identityType: string | null;
  principalArn: string | null;
  principalAccountId: string | null;
  principalId: string | null;
  userName: string | null;
  accessKeyId: string | null;
  sessionIssuerArn: string | null;
  sessionCreatedAt: Date | null;
  mfa: boolean;
  sourceIp: string;
  userAgent: string;
  requestParameters: string | null;
  responseElements: string | null;
  additionalEventData: string | null;
  errorCode: string | null;
  errorMessage: string | null;
}

export interface SessionIssuer {
  type: "Role";
  principalId: string;
  arn: string;
  accountId: string;
  userName: string;
}

export interface UserIdentity {
  type: string;
  principalId?: string;
  arn?: string;
  accountId?: string;
  accessKeyId: string;
  userName?: string;
  sessionContext?: {
    sessionIssuer?: SessionIssuer;
    attributes: { creationDate: string; mfaAuthenticated: "true" | "false" };
  };
}

export interface CloudTrailRecord {
  eventVersion: string;
  userIdentity: UserIdentity;
  eventTime: string;
  eventSource: string;
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent: string;
  errorCode?: string;
  errorMessage?: string;
  requestParameters: unknown;
  responseElements: unknown;
  additionalEventData?: unknown;
  eventID: string;
  readOnly: boolean;
  eventType: string;
  managementEvent: boolean;
  recipientAccountId?: string;
  eventCategory: "Management";
}

/**
 * 1.08 is the version whose fields these records carry (eventCategory came with 1.07); a reader
 * compares the major version for equality and the minor one for at least.
 */
export const EVENT_VERSION = "1.08";

/** CloudTrail writes times in UTC to the second: 2026-12-03T09:15:02Z. */
export const cloudTrailTime = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, "Z");

function parsed(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The last segment of an ARN's resource: a role's or user's name. */
const nameOf = (arn: string): string => arn.slice(arn.lastIndexOf("/") + 1);
const accountOf = (arn: string): string => arn.split(":")[4] ?? "";

/** Who is known of a caller that was never identified (a failed sign-in): the ARN tells the kind. */
const typeOf = (record: AuditRecord): string => record.identityType ?? (record.principalArn?.endsWith(":root") ? "Root" : "IAMUser");

function sessionContext(record: AuditRecord, type: string): UserIdentity["sessionContext"] {
  if (!record.sessionCreatedAt) return undefined;
  const attributes = { creationDate: cloudTrailTime(record.sessionCreatedAt), mfaAuthenticated: record.mfa ? ("true" as const) : ("false" as const) };
  if (type !== "AssumedRole" || !record.sessionIssuerArn) return { attributes };
  // An assumed-role session's principalId is ROLEID:SESSIONNAME; the role's own id comes first.
  const roleId = record.principalId?.split(":")[0] ?? "";
  return {
    sessionIssuer: { type: "Role", principalId: roleId, arn: record.sessionIssuerArn, accountId: accountOf(record.sessionIssuerArn), userName: nameOf(record.sessionIssuerArn) },
    attributes,
  };
}

/**
 * userIdentity: `userName` is the user's name for an IAM user, the account's alias for the root
 * user, and absent for an assumed role (its role is the session issuer's userName). A failed
 * console sign-in as an IAM user carries no ARN, as CloudTrail records it.
 */
export function userIdentity(record: AuditRecord, aliasOf: (accountId: string) => string | undefined): UserIdentity {
  const type = typeOf(record);
  const identity: UserIdentity = { type, accessKeyId: record.accessKeyId ?? "" };
  if (record.principalId) identity.principalId = record.principalId;
  const failedSignIn = record.identityType === null && type === "IAMUser";
  if (record.principalArn && !failedSignIn) identity.arn = record.principalArn;
  if (record.principalAccountId) identity.accountId = record.principalAccountId;
  const userName = type === "IAMUser" ? record.userName : type === "Root" && record.principalAccountId ? aliasOf(record.principalAccountId) : undefined;
  if (userName) identity.userName = userName;
  const context = sessionContext(record, type);
  if (context) identity.sessionContext = context;
  return identity;
}

/** One audit event as CloudTrail's record; errorCode, errorMessage and additionalEventData only when there are. */
export function cloudTrailRecord(record: AuditRecord, aliasOf: (accountId: string) => string | undefined = () => undefined): CloudTrailRecord {
  const out: CloudTrailRecord = {
    eventVersion: EVENT_VERSION,
    userIdentity: userIdentity(record, aliasOf),
    eventTime: cloudTrailTime(record.at),
    eventSource: record.eventSource,
    eventName: record.eventName,
    awsRegion: REGION,
    sourceIPAddress: record.sourceIp,
    userAgent: record.userAgent,
    requestParameters: parsed(record.requestParameters),
    responseElements: parsed(record.responseElements),
    eventID: record.eventId,
    readOnly: record.readOnly,
    eventType: record.eventType,
    managementEvent: true,
    eventCategory: "Management",
  };
  if (record.errorCode) out.errorCode = record.errorCode;
  if (record.errorMessage) out.errorMessage = record.errorMessage;
  const additional = parsed(record.additionalEventData);
  if (additional !== null) out.additionalEventData = additional;
  if (record.accountId) out.recipientAccountId = record.accountId;
  return out;
}

/** CloudTrail's log file shape. */
export const cloudTrailFile = (records: readonly CloudTrailRecord[]): { Records: readonly CloudTrailRecord[] } => ({ Records: records });
