/**
 * Who a request acts as, once authenticated (a console session or a SigV4-signed request), and
 * the global condition keys AWS puts in the request context for it ("AWS global condition
 * context keys" in the IAM User Guide). Pure: no database, no Next.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
import type { ContextValue } from "@/lib/iam/client";

/** CloudTrail's userIdentity.type for the three kinds of caller the console knows. */
export type IdentityType = "Root" | "IAMUser" | "AssumedRole";

/** The role a switched-role session acts as (sts:AssumeRole through the console). */
export interface AssumedRoleFacts {
  roleArn: string;
  roleName: string;
  /** The role's unique id (AROA…): aws:userid is ROLEID:SESSIONNAME. */
  roleId: string;
  /** The role's account (may differ from the signed-in user's). */
  accountId: string;
  sessionName: string;
  displayName: string;
  color: string;
  issuedAt: Date;
  expiresAt: Date;
}

export interface Identity {
  type: IdentityType;
  /** The account the caller acts in: the role's account for an assumed role. */
  accountId: string;
  /** The acting ARN as AWS prints it (arn:aws:sts::…:assumed-role/ROLE/SESSION for a role). */
  arn: string;
  /** aws:userid: the account id for root, AIDA… for a user, AROA…:SESSION for a role session. */
  userId: string;
  /** The signed-in principal: root or an IAM user. Switch role always starts from here. */
  signedIn: { type: "Root" | "IAMUser"; accountId: string; arn: string; userName: string | null; userId: string };
  role: AssumedRoleFacts | null;
  /** When MFA was used to sign in; null when it was not. */
  mfaAt: Date | null;
  /** aws:TokenIssueTime: the session's (or role session's) start. */
  tokenIssuedAt: Date;
  /** The access key of a SigV4-signed request; null for a console session. */
  accessKeyId: string | null;
  /** The console session's id hash (for sign-out); null for SigV4. */
  sessionIdHash: string | null;
  /**
   * STS temporary credentials (an ASIA… key): how they were issued. Absent for console sessions
   * and long-term access keys. GetSessionToken's act as the user (or root) that asked for them.
   */
  credentialKind?: "AssumeRole" | "GetSessionToken";
  /**
   * AssumeRole's session policies (the inline Policy and the PolicyArns' documents, merged into
   * one document, as JSON text): the session's permissions are the role's intersected with them.
   * Null or absent: none ("Session policies" in the IAM User Guide).
   */
  sessionPolicy?: string | null;
  /** AssumeRole's session tags (inherited transitive ones included): they override the role's tags of the same key. */
  sessionTags?: Readonly<Record<string, string>>;
  /** The session tags' keys that pass on to a role session this one assumes (role chaining). */
  transitiveTagKeys?: readonly string[];
  /** aws:SourceIdentity: set by AssumeRole, kept by every session a chain assumes from it. */
  sourceIdentity?: string | null;
}

/** What the request itself tells: where it came from and how. */
export interface RequestFacts {
  sourceIp: string;
  userAgent: string;
  secure: boolean;
}

/** The region every request is made in: the console, like IAM, is global, called at us-east-1. */
export const REGION = "us-east-1";

const principalType = (identity: Identity): string => (identity.type === "Root" ? "Account" : identity.type === "IAMUser" ? "User" : "AssumedRole");

/**
 * The global keys of a request by `identity` at `now`. aws:PrincipalArn, aws:PrincipalAccount,
 * aws:username and aws:PrincipalTag/* are derived by the engine from the principal.
 */
export function globalContext(identity: Identity, facts: RequestFacts, now: Date): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {
    "aws:PrincipalType": principalType(identity),
    "aws:userid": identity.userId,
    "aws:CurrentTime": now.toISOString().replace(/\.\d{3}Z$/, "Z"),
    "aws:EpochTime": String(Math.floor(now.getTime() / 1000)),
    "aws:TokenIssueTime": identity.tokenIssuedAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
    "aws:SourceIp": facts.sourceIp,
    "aws:SecureTransport": String(facts.secure),
    "aws:RequestedRegion": REGION,
  };
  // "aws:MultiFactorAuthPresent is not present when an API or CLI command is called with long-term
  // credentials": a signed request with an access key carries neither MFA key. A console session
  // and STS temporary credentials do ("present when temporary credentials are used"), with
  // aws:MultiFactorAuthAge when MFA was used.
  if (identity.accessKeyId === null || identity.credentialKind !== undefined) {
    context["aws:MultiFactorAuthPresent"] = String(identity.mfaAt !== null);
    if (identity.mfaAt !== null) context["aws:MultiFactorAuthAge"] = String(Math.max(0, Math.floor((now.getTime() - identity.mfaAt.getTime()) / 1000)));
  }
  if (identity.sourceIdentity) context["aws:SourceIdentity"] = identity.sourceIdentity;
  return context;
}

/**
 * The tags a role session's principal carries (aws:PrincipalTag/*): the role's, with each session
 * tag replacing a role tag of the same key whatever its case ("session tags override a role tag
 * with the same key"; tag keys are not case sensitive).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
 */
export function principalTags(roleTags: Readonly<Record<string, string>>, sessionTags: Readonly<Record<string, string>> | undefined): Record<string, string> {
  if (!sessionTags || Object.keys(sessionTags).length === 0) return { ...roleTags };
  const overridden = new Set(Object.keys(sessionTags).map((key) => key.toLowerCase()));
  const merged: Record<string, string> = {};
  for (const [key, value] of Object.entries(roleTags)) if (!overridden.has(key.toLowerCase())) merged[key] = value;
  return { ...merged, ...sessionTags };
}

/** The words the header and the audit trail use for who this is: "alice @ acme-prod". */
export function identityLabel(identity: Identity): string {
  if (identity.role) return `${identity.role.roleName}/${identity.role.sessionName}`;
  return identity.signedIn.userName ?? "root";
}
