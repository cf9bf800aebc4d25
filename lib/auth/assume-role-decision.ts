/**
 * sts:AssumeRole as the engine decides it for the console's Switch Role: the role's trust policy
 * is the request's resource-based policy, and the signed-in user's identity policies and
 * permissions boundary are its identity side. Within one account a trust policy naming the user
 * allows on its own (capped by the boundary), one naming the account delegates to the identity
 * policies; across accounts both sides must allow; the root user can assume no role. The engine
 * (lib/iam/evaluate/decide.ts) implements those rules; this file only builds its request. Pure.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 */
import { accessDeniedMessage, createEvaluator, prepareRequest, type ContextValue, type EvaluationResult, type PolicyDocument } from "@/lib/iam";

export const ASSUME_ROLE = "sts:AssumeRole";

export interface AssumeRoleRequest {
  /** The signed-in principal: an IAM user's ARN, or the root user's. */
  principal: { arn: string; accountId: string; tags: Record<string, string> };
  identityPolicies: readonly PolicyDocument[];
  permissionsBoundary: PolicyDocument | null;
  role: { arn: string; accountId: string; trustPolicy: PolicyDocument };
  /** The request's keys: the global ones of the signed-in session (aws:MultiFactorAuthPresent …). */
  context: Readonly<Record<string, ContextValue>>;
}

export type AssumeRoleVerdict = { allowed: true; result: EvaluationResult } | { allowed: false; result: EvaluationResult | null; message: string };

/**
 * STS's refusal names the caller and the role and nothing more, whichever side refused and
 * whether or not the role exists: a caller learns nothing about another account's policies.
 */
export const assumeRoleDenied = (principalArn: string, roleArn: string): string =>
  `User: ${principalArn} is not authorized to perform: ${ASSUME_ROLE} on resource: ${roleArn}`;

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
    sessionPolicy: null,
    action: ASSUME_ROLE,
    resource: request.role.arn,
    context,
  };
}

export function decideAssumeRole(request: AssumeRoleRequest): AssumeRoleVerdict {
  const prepared = prepareRequest(assumeRoleRequest(request, request.context));
  if (!prepared.ok) return { allowed: false, result: null, message: assumeRoleDenied(request.principal.arn, request.role.arn) };
  const result = createEvaluator(prepared).evaluate(ASSUME_ROLE, request.role.arn, request.context);
  if (result.decision === "allowed") return { allowed: true, result };
  const message = result.gate === "rootUser" ? rootCannotAssume(request.principal.arn, request.role.arn) : assumeRoleDenied(request.principal.arn, request.role.arn);
  return { allowed: false, result, message };
}
