/**
 * The decision from what each kind of policy said, following "How AWS enforcement code logic
 * evaluates requests to allow or deny access": explicit deny, then SCPs, RCPs, the
 * resource-based policy, identity-based policies, the permissions boundary and the session
 * policy. Shared by single evaluations and the catalog sweep.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 */
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
}

export interface Verdict {
  decision: Exclude<Decision, "invalidPolicy">;
  gate: Gate;
  level?: number;
}

export const ALWAYS_ALLOWED = "sts:getcalleridentity";

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

export function decide(shape: RequestShape, outcome: Outcome, lowerAction: string): Verdict {
  // "No permissions are required to perform this operation" — and an explicit deny cannot
  // block it (AWS STS API reference, GetCallerIdentity).
  if (lowerAction === ALWAYS_ALLOWED) return { decision: "allowed", gate: "alwaysAllowed" };
  if (outcome.denied) return { decision: "explicitDeny", gate: "explicitDeny" };
  if (outcome.scpBlockedLevel >= 0) return { decision: "implicitDeny", gate: "scp", level: outcome.scpBlockedLevel };
  if (outcome.rcpBlockedLevel >= 0) return { decision: "implicitDeny", gate: "rcp", level: outcome.rcpBlockedLevel };

  const grant = outcome.resourceGrant;
  const gap = identitySideGap(shape, outcome);
  if (shape.crossAccount) {
    // "Cross-account policy evaluation logic": the principal's account must allow the request
    // (identity side) and the resource's account must allow it (resource-based policy).
    if (grant === null) return { decision: "implicitDeny", gate: "resourcePolicy" };
    if (gap !== null) return { decision: "implicitDeny", gate: gap };
    return { decision: "allowed", gate: "crossAccount" };
  }

  // The root user of the account has full access unless something denies it.
  if (shape.caller.kind === "root") return { decision: "allowed", gate: "rootUser" };

  // Within one account a grant to the user, session or federated-user ARN stands alone; a grant
  // to the role ARN is still capped by the boundary and session policy; a grant to the account
  // delegates to identity-based policies ("Policy evaluation for requests within a single
  // account", "Permissions boundaries for IAM entities", "Session policies").
  if (grant === "direct" || grant === "everyone") return { decision: "allowed", gate: "resourcePolicy" };
  if (grant === "role") {
    const capped = capsGap(shape, outcome);
    if (capped === null) return { decision: "allowed", gate: "resourcePolicy" };
    return { decision: "implicitDeny", gate: capped };
  }
  if (gap !== null) return { decision: "implicitDeny", gate: gap };
  return { decision: "allowed", gate: "identityPolicy" };
}
