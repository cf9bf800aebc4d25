import "server-only";
import { recordAudit } from "@/lib/auth/audit";
import type { Identity, RequestFacts } from "@/lib/auth/identity";
import type { IamError } from "@/lib/errors";

/**
 * STS's own records in the audit trail (eventSource sts.amazonaws.com), as CloudTrail writes
 * AssumeRole and GetSessionToken: who called, with which parameters (never the token code), and
 * what was issued (never the secret or the session token), or the error. AssumeRole's record is
 * in the role's account, whether it was allowed or refused.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html
 */

export const STS_EVENT_SOURCE = "sts.amazonaws.com";

/** One STS call: the caller, the account the record belongs to, and the parameters it was given. */
export interface StsAttempt {
  eventName: "AssumeRole" | "GetSessionToken";
  caller: Identity;
  facts: RequestFacts;
  /** CloudTrail's recipientAccountId: the role's account for AssumeRole, the caller's for GetSessionToken. */
  accountId: string;
  requestParameters: Record<string, unknown>;
  /** The role (AssumeRole). */
  resourceArn?: string;
  at: Date;
}

/** What a successful call issued, as CloudTrail's responseElements has it. */
export interface StsIssued {
  accessKeyId?: string;
  expiration: Date;
  /** AssumeRole's session: ROLEID:SESSION and arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION. */
  assumedRoleUser?: { assumedRoleId: string; arn: string };
  packedPolicySize?: number;
  sourceIdentity?: string;
}

/** Records `attempt` with its outcome; writing it never fails the call (lib/auth/audit.ts). */
export async function auditStsCall(attempt: StsAttempt, outcome: StsIssued | { error: IamError }): Promise<void> {
  const failed = "error" in outcome;
  await recordAudit({
    accountId: attempt.accountId,
    eventSource: STS_EVENT_SOURCE,
    eventName: attempt.eventName,
    identity: attempt.caller,
    facts: attempt.facts,
    requestParameters: attempt.requestParameters,
    responseElements: failed
      ? null
      : {
          credentials: { ...(outcome.accessKeyId ? { accessKeyId: outcome.accessKeyId } : {}), expiration: outcome.expiration.toISOString() },
          ...(outcome.assumedRoleUser ? { assumedRoleUser: outcome.assumedRoleUser } : {}),
          ...(outcome.packedPolicySize !== undefined ? { packedPolicySize: outcome.packedPolicySize } : {}),
          ...(outcome.sourceIdentity ? { sourceIdentity: outcome.sourceIdentity } : {}),
        },
    resourceArn: attempt.resourceArn ?? null,
    at: attempt.at,
    ...(failed ? { errorCode: outcome.error.code, errorMessage: outcome.error.message } : {}),
  });
}
