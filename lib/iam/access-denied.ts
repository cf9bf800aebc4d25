/**
 * AWS's AccessDenied message for a refused request, made from the engine's structured result
 * ("Troubleshoot access denied error messages" in the IAM User Guide):
 *   User: PRINCIPAL is not authorized to perform: ACTION on resource: RESOURCE because no
 *   identity-based policy allows the ACTION action
 * An explicit deny names the kind of policy that holds the Deny statement ("with an explicit deny
 * in a service control policy"); an implicit deny names the gate that found no Allow.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
import type { EvaluationResult, Gate, PolicySource } from "./types";

const EXPLICIT_IN: Record<PolicySource, string> = {
  identity: "an identity-based policy",
  resource: "a resource-based policy",
  scp: "a service control policy",
  rcp: "a resource control policy",
  boundary: "a permissions boundary",
  session: "a session policy",
};

const NO_ALLOW: Partial<Record<Gate, string>> = {
  scp: "service control policy",
  rcp: "resource control policy",
  resourcePolicy: "resource-based policy",
  identityPolicy: "identity-based policy",
  permissionsBoundary: "permissions boundary",
  sessionPolicy: "session policy",
};

const ROOT_ASSUME_ROLE = "Roles may not be assumed by root accounts.";

export interface DeniedRequest {
  /** The caller's ARN as AWS prints it (a session's assumed-role ARN, not its role's). */
  principalArn: string;
  action: string;
  resource: string;
  result: Pick<EvaluationResult, "decision" | "gate" | "explanation">;
}

/**
 * The reason part alone, e.g. "because no permissions boundary allows the s3:GetObject action";
 * null for a request that was allowed or whose policies are invalid.
 */
export function accessDeniedReason({ action, result }: Pick<DeniedRequest, "action" | "result">): string | null {
  if (result.decision === "explicitDeny") {
    const deny = result.explanation.find((statement) => statement.effect === "Deny");
    return deny ? `with an explicit deny in ${EXPLICIT_IN[deny.source]}` : "with an explicit deny";
  }
  if (result.decision !== "implicitDeny") return null;
  // "You cannot use AWS account root user credentials to call AssumeRole" (AWS STS API reference).
  if (result.gate === "rootUser") return "because roles may not be assumed by root accounts";
  const policy = NO_ALLOW[result.gate] ?? "identity-based policy";
  return `because no ${policy} allows the ${action} action`;
}

/** The whole message, or null when the request was not refused. */
export function accessDeniedMessage(request: DeniedRequest): string | null {
  const reason = accessDeniedReason(request);
  if (reason === null) return null;
  // STS answers the root user's AssumeRole with this sentence alone.
  if (request.result.decision === "implicitDeny" && request.result.gate === "rootUser") return ROOT_ASSUME_ROLE;
  return `User: ${request.principalArn} is not authorized to perform: ${request.action} on resource: ${request.resource} ${reason}`;
}
