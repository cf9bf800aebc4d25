/**
 * The decision from what each kind of policy said, following "How AWS enforcement code logic
 * evaluates requests to allow or deny access": explicit deny, then SCPs, RCPs, the
 * resource-based policy, identity-based policies, the permissions boundary and the session
 * policy. Shared by single evaluations and the catalog sweep.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 */
import type { ActionName } from "../match/action";
import type { PrincipalGrant } from "../match/principal";
import type { CallerIdentity } from "../principal";
import type { Decision, Gate } from "../types";

/** What the request's policies said about one action. */
export interface Outcome {
  denied: boolean;
  identityAllow: boolean;
  boundaryAllow: boolean;
  sessionAllow: boolean;
  /** First SCP / RCP level with no Allow for the action, or -1. */
  scpBlockedLevel: number;
  rcpBlockedLevel: number;
  /** The strongest way an Allow statement of the resource-based policy names the caller. */
  resourceGrant: PrincipalGrant | null;
}

/** Facts about the request that do not depend on the action. */
export interface RequestShape {
  caller: CallerIdentity;
  crossAccount: boolean;
  hasBoundary: boolean;
  /** A session policy applies (assumed-role or federated-user session with one). */
  hasSessionPolicy: boolean;
  hasResourcePolicy: boolean;
  /** The resource is an IAM role, whose resource-based policy is its trust policy. */
  resourceIsRole: boolean;
}

export interface Verdict {
  decision: Exclude<Decision, "invalidPolicy">;
  gate: Gate;
  level?: number;
}

const ALWAYS_ALLOWED = "sts:getcalleridentity";

const GRANT_RANK: Record<PrincipalGrant, number> = { account: 1, role: 2, direct: 3, everyone: 3 };

export function strongerGrant(a: PrincipalGrant | null, b: PrincipalGrant): PrincipalGrant {
  return a !== null && GRANT_RANK[a] >= GRANT_RANK[b] ? a : b;
}

export function emptyOutcome(): Outcome {
  return {
    denied: false,
    identityAllow: false,
    boundaryAllow: false,
    sessionAllow: false,
    scpBlockedLevel: -1,
    rcpBlockedLevel: -1,
    resourceGrant: null,
  };
}

/** Why the principal's own side (identity ∧ boundary ∧ session) does not allow, or null. */
function identitySideGap(shape: RequestShape, outcome: Outcome): Gate | null {
  if (shape.caller.kind === "root") return null;
  if (!outcome.identityAllow) return "identityPolicy";
  if (shape.hasBoundary && !outcome.boundaryAllow) return "permissionsBoundary";
  // A federated user session without a session policy has no identity permissions: "Permissions
  // for GetFederationToken" (only a resource-based policy naming the session can grant).
  if (shape.caller.kind === "federatedUser" && !shape.hasSessionPolicy) return "sessionPolicy";
  if (shape.hasSessionPolicy && !outcome.sessionAllow) return "sessionPolicy";
  return null;
}

/** Whether the boundary and session policy (the caps on a role-ARN grant) allow. */
function capsGap(shape: RequestShape, outcome: Outcome): Gate | null {
  if (shape.hasBoundary && !outcome.boundaryAllow) return "permissionsBoundary";
  if (shape.hasSessionPolicy && !outcome.sessionAllow) return "sessionPolicy";
  return null;
}

/**
 * Which rule the resource-based policy follows for an action. "For most resources, you only
 * need an explicit allow for the principal in either an identity-based policy or a
 * resource-based policy. IAM role trust policies and KMS key policies are exceptions to this
 * logic, because they must explicitly allow access for principals" ("Policy evaluation for
 * requests within a single account").
 */
export type ResourcePolicyRule = "either" | "trustPolicy" | "keyPolicy";

/**
 * A role's trust policy decides every STS action taken on the role, not only sts:AssumeRole*:
 * sts:TagSession, sts:SetSourceIdentity and sts:SetContext must be allowed by it too ("Passing
 * session tags in AWS STS", "Monitor and control actions taken with assumed roles").
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_monitor.html
 */
export function trustPolicyGoverns(action: ActionName, resourceIsRole: boolean): boolean {
  return action.service === "sts" && resourceIsRole;
}

export function resourcePolicyRule(shape: RequestShape, action: ActionName): ResourcePolicyRule {
  if (trustPolicyGoverns(action, shape.resourceIsRole)) return "trustPolicy";
  if (action.service === "kms" && shape.hasResourcePolicy) return "keyPolicy";
  return "either";
}

const allowed = (gate: Gate): Verdict => ({ decision: "allowed", gate });
const implicitDeny = (gate: Gate): Verdict => ({ decision: "implicitDeny", gate });

/** Same account, a role trust policy: it must name the caller ("Update a role trust policy"). */
function decideTrust(shape: RequestShape, outcome: Outcome, gap: Gate | null): Verdict {
  const grant = outcome.resourceGrant;
  if (grant === null) return implicitDeny("resourcePolicy");
  if (grant === "account") return gap === null ? allowed("identityPolicy") : implicitDeny(gap);
  // Named directly, the caller needs no identity policy, but "if a permissions boundary is set
  // for the user, then it must allow the sts:AssumeRole action".
  const capped = capsGap(shape, outcome);
  return capped === null ? allowed("resourcePolicy") : implicitDeny(capped);
}

export function decide(shape: RequestShape, outcome: Outcome, action: ActionName): Verdict {
  // "No permissions are required to perform this operation" — and an explicit deny cannot
  // block it (AWS STS API reference, GetCallerIdentity).
  if (action.lower === ALWAYS_ALLOWED) return allowed("alwaysAllowed");
  if (outcome.denied) return { decision: "explicitDeny", gate: "explicitDeny" };
  if (outcome.scpBlockedLevel >= 0) return { decision: "implicitDeny", gate: "scp", level: outcome.scpBlockedLevel };
  if (outcome.rcpBlockedLevel >= 0) return { decision: "implicitDeny", gate: "rcp", level: outcome.rcpBlockedLevel };

  const rule = resourcePolicyRule(shape, action);
  // "You cannot use AWS account root user credentials to call AssumeRole" (AWS STS API reference),
  // and session tags, a source identity or a context are only ever set while assuming a role.
  if (rule === "trustPolicy" && shape.caller.kind === "root") return implicitDeny("rootUser");
  const grant = outcome.resourceGrant;
  const gap = identitySideGap(shape, outcome);
  if (shape.crossAccount) {
    // "Cross-account policy evaluation logic": the principal's account must allow the request
    // (identity side) and the resource's account must allow it (resource-based policy).
    if (grant === null) return implicitDeny("resourcePolicy");
    return gap === null ? allowed("crossAccount") : implicitDeny(gap);
  }
  if (rule === "trustPolicy") return decideTrust(shape, outcome, gap);
  // No principal, the root user included, may use a KMS key its key policy does not allow
  // ("Key policies in AWS KMS").
  if (rule === "keyPolicy" && grant === null) return implicitDeny("resourcePolicy");

  // The root user of the account has full access unless something denies it.
  if (shape.caller.kind === "root") return allowed("rootUser");

  // Within one account a grant to the user, session or federated-user ARN stands alone; a grant
  // to the role ARN is still capped by the boundary and session policy; a grant to the account
  // delegates to identity-based policies ("Policy evaluation for requests within a single
  // account", "Permissions boundaries for IAM entities", "Session policies").
  if (grant === "direct" || grant === "everyone") return allowed("resourcePolicy");
  if (grant === "role") {
    const capped = capsGap(shape, outcome);
    return capped === null ? allowed("resourcePolicy") : implicitDeny(capped);
  }
  return gap === null ? allowed("identityPolicy") : implicitDeny(gap);
}
