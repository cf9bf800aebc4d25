/**
 * sts:AssumeRole as the engine decides it for the console's Switch Role and STS's AssumeRole
 * (lib/aws/sts/assume-role.ts): the role's trust policy is the request's resource-based policy,
 * and the caller's identity policies and permissions boundary are its identity side (for a role
 * session assuming another role, the role's policies and the session's own session policy).
 * Within one account a trust policy naming the user allows on its own (capped by the boundary),
 * one naming the account delegates to the identity policies; across accounts both sides must
 * allow; the root user can assume no role. The engine (lib/iam/evaluate/decide.ts) implements
 * those rules; this file only builds its request. Pure.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 */
import { accessDeniedMessage, createEvaluator, prepareRequest, type ContextValue, type EvaluationResult, type PolicyDocument } from "@/lib/iam";

export const ASSUME_ROLE = "sts:AssumeRole";
/** Needed besides sts:AssumeRole when the new session carries session tags ("Pass session tags in AWS STS"). */
export const TAG_SESSION = "sts:TagSession";
/** Needed besides sts:AssumeRole when the new session carries a source identity. */
export const SET_SOURCE_IDENTITY = "sts:SetSourceIdentity";

export interface AssumeRoleRequest {
  /**
   * The caller: an IAM user's ARN, or the root user's; for STS's AssumeRole called with a role
   * session's credentials (role chaining), the session's ARN with the role's tags and its own
   * session tags.
   */
  principal: { arn: string; accountId: string; tags: Record<string, string> };
  identityPolicies: readonly PolicyDocument[];
  permissionsBoundary: PolicyDocument | null;
  role: { arn: string; accountId: string; trustPolicy: PolicyDocument };
  /**
   * The request's keys: the global ones of the caller (aws:MultiFactorAuthPresent …) and, for
   * STS's AssumeRole, its own (sts:ExternalId, sts:RoleSessionName, aws:RequestTag/*, …).
   */
  context: Readonly<Record<string, ContextValue>>;
  /** The calling role session's session policy (role chaining); null or absent: none. */
  sessionPolicy?: PolicyDocument | null;
  /** The STS actions the request also takes on the role, each decided like sts:AssumeRole: sts:TagSession, sts:SetSourceIdentity. */
  alsoActions?: readonly string[];
}

export type AssumeRoleVerdict = { allowed: true; result: EvaluationResult } | { allowed: false; result: EvaluationResult | null; message: string };

/**
 * STS's refusal names the caller and the role and nothing more, whichever side refused and
 * whether or not the role exists: a caller learns nothing about another account's policies.
 */
export const assumeRoleDenied = (principalArn: string, roleArn: string, action: string = ASSUME_ROLE): string =>
  `User: ${principalArn} is not authorized to perform: ${action} on resource: ${roleArn}`;

/** "You cannot use AWS account root user credentials to call AssumeRole": STS's own sentence. */
export const rootCannotAssume = (principalArn: string, roleArn: string): string =>
  accessDeniedMessage({ principalArn, action: ASSUME_ROLE, resource: roleArn, result: { decision: "implicitDeny", gate: "rootUser", explanation: [] } }) ?? assumeRoleDenied(principalArn, roleArn);

/**
 * The engine's request for sts:AssumeRole of `request.role` by `request.principal` (Switch Role
 * decides it once; multi-account views compile it once per caller and role and evaluate it again).
 */
export function assumeRoleRequest(request: Omit<AssumeRoleRequest, "context">, context: Readonly<Record<string, ContextValue>> = {}) {
  return {
    principal: { arn: request.principal.arn, tags: request.principal.tags },
    identityPolicies: request.identityPolicies,
    permissionsBoundary: request.permissionsBoundary,
    scps: null,
    rcps: null,
    resourcePolicy: request.role.trustPolicy,
    resourceAccount: request.role.accountId === request.principal.accountId ? null : request.role.accountId,
    sessionPolicy: request.sessionPolicy ?? null,
    action: ASSUME_ROLE,
    resource: request.role.arn,
    context,
  };
}

/**
 * sts:AssumeRole, then each of `alsoActions`, by the same policies and keys: the first refused
 * is the answer, named in STS's words (the action it was refused).
 */
export function decideAssumeRole(request: AssumeRoleRequest): AssumeRoleVerdict {
  const prepared = prepareRequest(assumeRoleRequest(request, request.context));
  if (!prepared.ok) return { allowed: false, result: null, message: assumeRoleDenied(request.principal.arn, request.role.arn) };
  const evaluator = createEvaluator(prepared);
  let assumed: EvaluationResult | null = null;
  for (const action of [ASSUME_ROLE, ...(request.alsoActions ?? [])]) {
    const result = evaluator.evaluate(action, request.role.arn, request.context);
    if (result.decision !== "allowed") {
      const message = result.gate === "rootUser" ? rootCannotAssume(request.principal.arn, request.role.arn) : assumeRoleDenied(request.principal.arn, request.role.arn, action);
      return { allowed: false, result, message };
    }
    assumed ??= result;
  }
  return { allowed: true, result: assumed as EvaluationResult };
}
