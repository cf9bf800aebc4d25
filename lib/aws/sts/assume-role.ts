import "server-only";
import { parseIamArn } from "@/lib/arn";
import { assumeRoleDenied, decideAssumeRole, rootCannotAssume, SET_SOURCE_IDENTITY, TAG_SESSION } from "@/lib/auth/assume-role-decision";
import { callerEntry, currentStamp } from "@/lib/auth/authorize";
import { globalContext, principalTags, type Identity, type RequestFacts } from "@/lib/auth/identity";
import { auditStsCall, type StsAttempt } from "@/lib/auth/sts-audit";
import { verifyStsMfa } from "@/lib/auth/sts-mfa";
import { awsOperation } from "@/lib/aws/operation";
import { assumeRoleInput, type AssumeRoleInput } from "@/lib/aws/sts/inputs";
import { assertPackedSize, mergeSessionPolicies, packedPolicySize } from "@/lib/aws/sts/session-policy";
import { sessionTagsOf, type SessionTags } from "@/lib/aws/sts/session-tags";
import { assertValidPolicyDocument } from "@/lib/data/policy-documents";
import { findManagedPolicyByArnOrThrow, nameKey } from "@/lib/data/lookup";
import { managedDocuments, parseStoredDocument } from "@/lib/data/principal-policy-documents";
import { issueTemporaryCredentials } from "@/lib/data/temporary-credentials";
import { db } from "@/lib/db";
import { httpError, toIamError, validationError } from "@/lib/errors";
import type { ContextValue } from "@/lib/iam";

/**
 * AssumeRole: temporary credentials of a role session, decided by the engine exactly as the
 * console's Switch Role decides it (lib/auth/assume-role-decision.ts): the role's trust policy is
 * the resource-based policy, the caller's identity policies and boundary (and, for a role session
 * assuming another role, its session policy) the identity side, with the request's own keys
 * (sts:ExternalId, sts:RoleSessionName, sts:SourceIdentity, aws:RequestTag/*, aws:TagKeys,
 * sts:TransitiveTagKeys; aws:MultiFactorAuthPresent once the MFA code is verified). Session tags
 * need sts:TagSession and a source identity sts:SetSourceIdentity, allowed the same way. The
 * operation audits itself: one AssumeRole record in the role's account, allowed or refused.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html
 */

/** "The default is one hour"; role chaining "limits your AWS CLI or AWS API role session to a maximum of one hour". */
export const DEFAULT_ROLE_SESSION_SECONDS = 3600;
export const CHAINED_MAX_SECONDS = 3600;
export const CHAINING_LIMIT = "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.";
export const MAX_SESSION_DURATION = "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.";

/** The role the ARN names (its path included); null when there is none, refused then as any refusal. */
async function findRole(arn: string) {
  const target = parseIamArn(arn);
  if (!target) return null;
  const role = await db().role.findUnique({
    where: { accountId_nameLower: { accountId: target.accountId, nameLower: nameKey(target.name) } },
    select: { id: true, arn: true, name: true, path: true, accountId: true, trustPolicy: true, maxSessionDuration: true },
  });
  return role && role.path === target.path ? role : null;
}

/** The request's own keys, added to the caller's global ones. */
function requestContext(identity: Identity, facts: RequestFacts, input: AssumeRoleInput, tags: SessionTags, sourceIdentity: string | null, mfa: boolean, now: Date) {
  const context: Record<string, ContextValue> = { ...globalContext(identity, facts, now), "sts:RoleSessionName": input.RoleSessionName };
  // A verified code makes this request MFA-authenticated ("aws:MultiFactorAuthAge" counts from it).
  if (mfa) Object.assign(context, { "aws:MultiFactorAuthPresent": "true", "aws:MultiFactorAuthAge": "0" });
  if (input.ExternalId !== undefined) context["sts:ExternalId"] = input.ExternalId;
  if (sourceIdentity !== null) context["sts:SourceIdentity"] = sourceIdentity;
  const requested = Object.keys(tags.requested);
  if (requested.length > 0) {
    for (const [key, value] of Object.entries(tags.requested)) context[`aws:RequestTag/${key}`] = value;
    context["aws:TagKeys"] = requested;
  }
  if (tags.requestedTransitive.length > 0) context["sts:TransitiveTagKeys"] = tags.requestedTransitive;
  return context;
}

/** The source identity of the new session: set once, then kept by every role a chain assumes. */
function sourceIdentityOf(identity: Identity, requested: string | undefined): string | null {
  const inherited = identity.sourceIdentity ?? null;
  if (inherited !== null && requested !== undefined && requested !== inherited) {
    throw httpError("InvalidParameterValue", `The calling session's source identity is ${inherited}; a role chain keeps it and cannot set another.`);
  }
  return inherited ?? requested ?? null;
}

/** The managed session policies' documents, in the role's account (AWS managed, or customer managed there). */
async function managedSessionPolicies(roleAccount: string, arns: readonly string[]) {
  if (arns.length === 0) return [];
  const policies = [];
  for (const arn of arns) policies.push(await findManagedPolicyByArnOrThrow(db(), roleAccount, arn, "PolicyArns"));
  const documentOf = await managedDocuments(db(), policies);
  return policies.map(documentOf);
}

async function assume(input: AssumeRoleInput, identity: Identity, facts: RequestFacts, now: Date) {
  // "You cannot use AWS account root user credentials to call AssumeRole", whichever role it names.
  if (identity.type === "Root") throw httpError("AccessDenied", rootCannotAssume(identity.arn, input.RoleArn));
  const chained = identity.role !== null;
  if (chained && input.DurationSeconds !== undefined && input.DurationSeconds > CHAINED_MAX_SECONDS) throw validationError("DurationSeconds", CHAINING_LIMIT);
  const tags = sessionTagsOf(identity, input.Tags ?? [], input.TransitiveTagKeys ?? []);
  const sourceIdentity = sourceIdentityOf(identity, input.SourceIdentity);
  if (input.Policy !== undefined) assertValidPolicyDocument(input.Policy, "session", "Policy");
  const policyArns = (input.PolicyArns ?? []).map((item) => item.arn);
  const packed = input.Policy !== undefined || policyArns.length > 0 || Object.keys(tags.all).length > 0 ? packedPolicySize(input.Policy, policyArns, tags.all) : undefined;
  if (packed !== undefined) assertPackedSize(packed);
  if ((input.SerialNumber === undefined) !== (input.TokenCode === undefined)) {
    throw validationError(input.SerialNumber === undefined ? "SerialNumber" : "TokenCode", "SerialNumber and TokenCode must be given together.");
  }
  if (input.SerialNumber !== undefined && input.TokenCode !== undefined) await verifyStsMfa(identity, input.SerialNumber, input.TokenCode, now);
  const mfa = input.SerialNumber !== undefined;

  const role = await findRole(input.RoleArn);
  if (!role) throw httpError("AccessDenied", assumeRoleDenied(identity.arn, input.RoleArn));
  // The caller's side, as the door reads it for every request (its role's, for a role session).
  const entry = await callerEntry(identity, await currentStamp());
  const verdict = decideAssumeRole({
    principal: { arn: identity.arn, accountId: identity.accountId, tags: principalTags(entry.tags, identity.sessionTags) },
    identityPolicies: entry.identityPolicies,
    permissionsBoundary: entry.boundary,
    role: { arn: role.arn, accountId: role.accountId, trustPolicy: parseStoredDocument(role.trustPolicy) },
    context: requestContext(identity, facts, input, tags, sourceIdentity, mfa, now),
    sessionPolicy: identity.sessionPolicy ?? null,
    alsoActions: [...(Object.keys(tags.all).length > 0 ? [TAG_SESSION] : []), ...(sourceIdentity !== null ? [SET_SOURCE_IDENTITY] : [])],
  });
  if (!verdict.allowed) throw httpError("AccessDenied", verdict.message);

  const durationSeconds = input.DurationSeconds ?? DEFAULT_ROLE_SESSION_SECONDS;
  if (durationSeconds > role.maxSessionDuration) throw validationError("DurationSeconds", MAX_SESSION_DURATION);
  const managed = await managedSessionPolicies(role.accountId, policyArns);
  const sessionPolicy = mergeSessionPolicies([...(input.Policy !== undefined ? [input.Policy] : []), ...managed]);
  const expiresAt = new Date(now.getTime() + durationSeconds * 1000);
  const { signedIn } = identity;
  const credentials = await issueTemporaryCredentials({
    kind: "AssumeRole",
    accountId: role.accountId,
    source: { arn: signedIn.arn, userId: signedIn.type === "IAMUser" ? signedIn.userId : null, accountId: signedIn.accountId },
    role: { arn: role.arn, id: role.id, sessionName: input.RoleSessionName },
    sessionPolicy,
    sessionTags: tags.all,
    transitiveTagKeys: tags.transitive,
    sourceIdentity,
    chained,
    // MFA carries over from the caller's credentials (GetSessionToken's with MFA, or a role session's).
    mfaAt: mfa ? now : identity.mfaAt,
    issuedAt: now,
    expiresAt,
  });
  const assumedRoleUser = { assumedRoleId: `${role.id}:${input.RoleSessionName}`, arn: `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/${input.RoleSessionName}` };
  return { credentials, assumedRoleUser, packed, sourceIdentity };
}

/** CloudTrail's requestParameters: what was asked, never the token code. */
function auditParameters(input: AssumeRoleInput): Record<string, unknown> {
  return {
    roleArn: input.RoleArn,
    roleSessionName: input.RoleSessionName,
    durationSeconds: input.DurationSeconds ?? DEFAULT_ROLE_SESSION_SECONDS,
    ...(input.ExternalId !== undefined ? { externalId: input.ExternalId } : {}),
    ...(input.SerialNumber !== undefined ? { serialNumber: input.SerialNumber } : {}),
    ...(input.SourceIdentity !== undefined ? { sourceIdentity: input.SourceIdentity } : {}),
    ...(input.PolicyArns?.length ? { policyArns: input.PolicyArns } : {}),
    ...(input.Policy !== undefined ? { policy: input.Policy } : {}),
    ...(input.Tags?.length ? { tags: input.Tags } : {}),
    ...(input.TransitiveTagKeys?.length ? { transitiveTagKeys: input.TransitiveTagKeys } : {}),
  };
}

export const assumeRole = awsOperation({
  service: "sts",
  action: "AssumeRole",
  input: assumeRoleInput,
  // Decided by the operation itself: the trust policy is the resource-based policy.
  authorize: () => [],
  auditsItself: true,
  run: async (input, caller) => {
    const now = new Date();
    const attempt: StsAttempt = {
      eventName: "AssumeRole",
      caller: caller.identity,
      facts: caller.facts,
      accountId: parseIamArn(input.RoleArn)?.accountId ?? caller.identity.accountId,
      requestParameters: auditParameters(input),
      resourceArn: input.RoleArn,
      at: now,
    };
    try {
      const { credentials, assumedRoleUser, packed, sourceIdentity } = await assume(input, caller.identity, caller.facts, now);
      await auditStsCall(attempt, { accessKeyId: credentials.accessKeyId, expiration: credentials.expiration, assumedRoleUser, packedPolicySize: packed, sourceIdentity: sourceIdentity ?? undefined });
      return {
        Credentials: { AccessKeyId: credentials.accessKeyId, SecretAccessKey: credentials.secretAccessKey, SessionToken: credentials.sessionToken, Expiration: credentials.expiration },
        AssumedRoleUser: { AssumedRoleId: assumedRoleUser.assumedRoleId, Arn: assumedRoleUser.arn },
        PackedPolicySize: packed,
        SourceIdentity: sourceIdentity ?? undefined,
      };
    } catch (err) {
      await auditStsCall(attempt, { error: toIamError(err) });
      throw err;
    }
  },
});
