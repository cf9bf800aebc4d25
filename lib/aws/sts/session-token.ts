import "server-only";
import { auditStsCall, type StsAttempt } from "@/lib/auth/sts-audit";
import { verifyStsMfa } from "@/lib/auth/sts-mfa";
import type { Identity } from "@/lib/auth/identity";
import { awsOperation } from "@/lib/aws/operation";
import { getAccessKeyInfoInput, getSessionTokenInput } from "@/lib/aws/sts/inputs";
import { accountOfAccessKey, issueTemporaryCredentials } from "@/lib/data/temporary-credentials";
import { httpError, toIamError, validationError } from "@/lib/errors";

/**
 * GetSessionToken and GetAccessKeyInfo.
 *
 * GetSessionToken: temporary credentials of the calling IAM user (or root user), with the MFA
 * context when SerialNumber and TokenCode are given. "No permissions are required for a user to
 * get a session token"; only long-term credentials may call it. Its credentials act as the same
 * user, "cannot call any IAM API operations unless MFA authentication information is included in
 * the request" (lib/auth/authenticate.ts refuses them there) and "cannot call any AWS STS API
 * except AssumeRole or GetCallerIdentity".
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_getsessiontoken.html
 */

/** "Acceptable durations for IAM user sessions range from 900 seconds (15 minutes) to 129,600 seconds (36 hours), with 43,200 seconds (12 hours) as the default." */
export const DEFAULT_SESSION_TOKEN_SECONDS = 43_200;
/** "Sessions for AWS account owners are restricted to a maximum of 3,600 seconds (one hour)." */
export const ROOT_SESSION_TOKEN_SECONDS = 3_600;

/** STS's refusal of an operation called with credentials that may not call it. */
const withSessionCredentials = (action: string) => httpError("AccessDenied", `Cannot call ${action} with session credentials`);

/** Whether the caller signed with GetSessionToken's credentials, which may call only AssumeRole and GetCallerIdentity of STS. */
export const isSessionTokenCaller = (identity: Identity): boolean => identity.credentialKind === "GetSessionToken";

const getSessionToken = awsOperation({
  service: "sts",
  action: "GetSessionToken",
  input: getSessionTokenInput,
  // "You cannot use policies to control authentication operations."
  authorize: () => [],
  auditsItself: true,
  run: async (input, caller) => {
    const { identity, facts } = caller;
    const now = new Date();
    const attempt: StsAttempt = {
      eventName: "GetSessionToken",
      caller: identity,
      facts,
      accountId: identity.accountId,
      requestParameters: { durationSeconds: input.DurationSeconds ?? DEFAULT_SESSION_TOKEN_SECONDS, ...(input.SerialNumber ? { serialNumber: input.SerialNumber } : {}) },
      at: now,
    };
    try {
      if (identity.credentialKind !== undefined || identity.accessKeyId === null) throw withSessionCredentials("GetSessionToken");
      if ((input.SerialNumber === undefined) !== (input.TokenCode === undefined)) {
        throw validationError(input.SerialNumber === undefined ? "SerialNumber" : "TokenCode", "SerialNumber and TokenCode must be given together.");
      }
      if (input.SerialNumber !== undefined && input.TokenCode !== undefined) await verifyStsMfa(identity, input.SerialNumber, input.TokenCode, now);
      // "If the duration is longer than one hour, the session for AWS account owners defaults to one hour."
      const requested = input.DurationSeconds ?? DEFAULT_SESSION_TOKEN_SECONDS;
      const seconds = identity.type === "Root" ? Math.min(requested, ROOT_SESSION_TOKEN_SECONDS) : requested;
      const { signedIn } = identity;
      const credentials = await issueTemporaryCredentials({
        kind: "GetSessionToken",
        accountId: identity.accountId,
        source: { arn: signedIn.arn, userId: signedIn.type === "IAMUser" ? signedIn.userId : null, accountId: signedIn.accountId },
        mfaAt: input.SerialNumber !== undefined ? now : null,
        issuedAt: now,
        expiresAt: new Date(now.getTime() + seconds * 1000),
      });
      await auditStsCall(attempt, { accessKeyId: credentials.accessKeyId, expiration: credentials.expiration });
      return {
        Credentials: { AccessKeyId: credentials.accessKeyId, SecretAccessKey: credentials.secretAccessKey, SessionToken: credentials.sessionToken, Expiration: credentials.expiration },
      };
    } catch (err) {
      await auditStsCall(attempt, { error: toIamError(err) });
      throw err;
    }
  },
});

/**
 * GetAccessKeyInfo: the account an access key belongs to, for a long-term key (AKIA…) or
 * temporary credentials (ASIA…) this console issued. AWS reads the account out of the key id
 * itself; this console's key ids are random, so a key it never issued has no account to answer:
 * InvalidParameterValue. Needs sts:GetAccessKeyInfo.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetAccessKeyInfo.html
 */
const getAccessKeyInfo = awsOperation({
  service: "sts",
  action: "GetAccessKeyInfo",
  readOnly: true,
  input: getAccessKeyInfoInput,
  authorize: (_input, caller) => {
    if (isSessionTokenCaller(caller.identity)) throw withSessionCredentials("GetAccessKeyInfo");
    return [{ account: caller.identity.accountId, action: "sts:GetAccessKeyInfo", resource: "*" }];
  },
  run: async (input) => {
    const account = await accountOfAccessKey(input.AccessKeyId);
    if (account === null) throw httpError("InvalidParameterValue", `The access key ID ${input.AccessKeyId} was not issued by this console, so it names no account here.`, undefined, "AccessKeyId");
    return { Account: account };
  },
});

export const sessionTokenOperations = [getSessionToken, getAccessKeyInfo];
