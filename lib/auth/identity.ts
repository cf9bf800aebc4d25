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
  // credentials": a signed request with an access key carries neither MFA key.
  if (identity.accessKeyId === null) {
    context["aws:MultiFactorAuthPresent"] = String(identity.mfaAt !== null);
    if (identity.mfaAt !== null) context["aws:MultiFactorAuthAge"] = String(Math.max(0, Math.floor((now.getTime() - identity.mfaAt.getTime()) / 1000)));
  }
  return context;
}

/** The words the header and the audit trail use for who this is: "alice @ acme-prod". */
export function identityLabel(identity: Identity): string {
  if (identity.role) return `${identity.role.roleName}/${identity.role.sessionName}`;
  return identity.signedIn.userName ?? "root";
}
