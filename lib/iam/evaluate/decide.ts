/**
 * The one decision of the engine, following "Policy evaluation logic" and "How AWS enforcement
 * code logic evaluates requests to allow or deny access": explicit deny, then SCPs at every
 * level, RCPs, the resource-based policy (a trust policy, a key policy, cross-account), the
 * identity-based policies, the permissions boundary and the session policy.
 *
 * `planGates` says which checks a request must pass, in order, and which gate allows it when
 * all pass; `decide` walks that plan over what each policy said (an `Outcome`). Single requests
 * and the catalog sweep call `decide`; the symbolic analysis (lib/iam/access) reads the same
 * plan for its layers, because its outcomes are sets of requests rather than booleans.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
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

/**
 * "No permissions are required to perform this operation" — and an explicit deny cannot block
 * it (AWS STS API reference, GetCallerIdentity).
 */
export function isAlwaysAllowed(action: ActionName): boolean {
  return action.lower === "sts:getcalleridentity";
}

const GRANT_RANK: Record<PrincipalGrant, number> = { account: 1, role: 2, direct: 3, everyone: 3 };

/** Every grant, strongest first: the first one a resource-based policy gives is its strongest. */
export const GRANTS_STRONGEST_FIRST: readonly PrincipalGrant[] = ["everyone", "direct", "role", "account"];

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

/**
 * One check of the evaluation logic. Each stops a request at the gate of the same name, except
 * `federatedSession`, which stops it at `sessionPolicy`.
 */
export type GateCheck =
  | "explicitDeny"
  /** Every SCP level from the organization root down must allow. */
  | "scp"
  /** Every RCP level must allow (services RCPs apply to). */
  | "rcp"
  /** The resource-based policy must grant (trust and key policies, cross-account requests). */
  | "resourcePolicy"
  /** A role's trust policy refuses the root user ("You cannot use AWS account root user credentials to call AssumeRole"). */
  | "rootUser"
  | "identityPolicy"
  | "permissionsBoundary"
  /**
   * A federated user session without a session policy has no identity permissions
   * ("Permissions for GetFederationToken"): only a resource-based policy naming it can grant.
   */
  | "federatedSession"
  | "sessionPolicy";

/** The checks a request must pass, in AWS's order, and the gate that allows it if it passes them all. */
export interface GatePlan {
  checks: readonly GateCheck[];
  allowedAt: Exclude<Gate, "invalidPolicy">;
}

const PRELUDE = ["explicitDeny", "scp", "rcp"] as const;
/** The principal's own side: identity ∧ boundary ∧ session. */
const IDENTITY_SIDE = ["identityPolicy", "permissionsBoundary", "federatedSession", "sessionPolicy"] as const;
/** The caps on a grant to the role ARN, or on a trust policy naming the caller. */
const CAPS = ["permissionsBoundary", "sessionPolicy"] as const;

const plan = (checks: readonly GateCheck[], allowedAt: GatePlan["allowedAt"]): GatePlan => ({ checks, allowedAt });
const PLANS = {
  alwaysAllowed: plan([], "alwaysAllowed"),
  /** The resource-based policy must grant and does not: the request stops there. */
  noGrant: plan([...PRELUDE, "resourcePolicy"], "resourcePolicy"),
  rootRefused: plan([...PRELUDE, "rootUser"], "rootUser"),
  rootCrossAccount: plan([...PRELUDE, "resourcePolicy"], "crossAccount"),
  crossAccount: plan([...PRELUDE, "resourcePolicy", ...IDENTITY_SIDE], "crossAccount"),
  rootUser: plan(PRELUDE, "rootUser"),
  resourceAlone: plan(PRELUDE, "resourcePolicy"),
  resourceCapped: plan([...PRELUDE, ...CAPS], "resourcePolicy"),
  identity: plan([...PRELUDE, ...IDENTITY_SIDE], "identityPolicy"),
} satisfies Record<string, GatePlan>;

/**
 * The plan for a request whose resource-based policy follows `rule` and gives `grant` (null:
 * it names the caller nowhere, or there is none). The symbolic analysis, which has no
 * resource-based policy, asks for `gatePlan(shape, "either", null)`.
 */
export function gatePlan(shape: RequestShape, rule: ResourcePolicyRule, grant: PrincipalGrant | null): GatePlan {
  const root = shape.caller.kind === "root";
  // Session tags, a source identity or a context are only ever set while assuming a role.
  if (rule === "trustPolicy" && root) return PLANS.rootRefused;
  if (shape.crossAccount) {
    // "Cross-account policy evaluation logic": the principal's account must allow the request
    // (identity side) and the resource's account must allow it (resource-based policy).
    if (grant === null) return PLANS.noGrant;
    return root ? PLANS.rootCrossAccount : PLANS.crossAccount;
  }
  // Trust policies (named caller) and KMS key policies (every principal, the root user
  // included) must allow explicitly ("Key policies in AWS KMS").
  if (grant === null && rule !== "either") return PLANS.noGrant;
  // The root user of the account has full access unless something denies it.
  if (root) return PLANS.rootUser;
  // Within one account a grant to the user, session or federated-user ARN stands alone; a grant
  // to the role ARN is still capped by the boundary and session policy; a grant to the account
  // delegates to identity-based policies ("Policy evaluation for requests within a single
  // account", "Permissions boundaries for IAM entities", "Session policies"). A trust policy
  // naming the caller needs no identity policy, but "if a permissions boundary is set for the
  // user, then it must allow the sts:AssumeRole action".
  if (grant === "direct" || grant === "everyone") return rule === "trustPolicy" ? PLANS.resourceCapped : PLANS.resourceAlone;
  if (grant === "role") return PLANS.resourceCapped;
  return PLANS.identity;
}

export function planGates(shape: RequestShape, action: ActionName, grant: PrincipalGrant | null): GatePlan {
  if (isAlwaysAllowed(action)) return PLANS.alwaysAllowed;
  return gatePlan(shape, resourcePolicyRule(shape, action), grant);
}

/**
 * Verdicts without a level are shared, frozen objects: a sweep decides some 20,000 actions, and
 * allocating each verdict anew was measurable there.
 */
const sharedVerdicts: Record<Verdict["decision"], Partial<Record<Gate, Verdict>>> = { allowed: {}, explicitDeny: {}, implicitDeny: {} };
const verdict = (decision: Verdict["decision"], gate: Gate): Verdict =>
  (sharedVerdicts[decision][gate] ??= Object.freeze({ decision, gate }));
const implicitDeny = (gate: Gate): Verdict => verdict("implicitDeny", gate);
const EXPLICIT_DENY = verdict("explicitDeny", "explicitDeny");

/** Where one check stops the request, or null when it passes. */
function stopsAt(check: GateCheck, shape: RequestShape, outcome: Outcome): Verdict | null {
  switch (check) {
    case "explicitDeny":
      return outcome.denied ? EXPLICIT_DENY : null;
    case "scp":
      return outcome.scpBlockedLevel < 0 ? null : { decision: "implicitDeny", gate: "scp", level: outcome.scpBlockedLevel };
    case "rcp":
      return outcome.rcpBlockedLevel < 0 ? null : { decision: "implicitDeny", gate: "rcp", level: outcome.rcpBlockedLevel };
    case "resourcePolicy":
      return outcome.resourceGrant === null ? implicitDeny("resourcePolicy") : null;
    case "rootUser":
      return shape.caller.kind === "root" ? implicitDeny("rootUser") : null;
    case "identityPolicy":
      return outcome.identityAllow ? null : implicitDeny("identityPolicy");
    case "permissionsBoundary":
      return shape.hasBoundary && !outcome.boundaryAllow ? implicitDeny("permissionsBoundary") : null;
    case "federatedSession":
      return shape.caller.kind === "federatedUser" && !shape.hasSessionPolicy ? implicitDeny("sessionPolicy") : null;
    case "sessionPolicy":
      return shape.hasSessionPolicy && !outcome.sessionAllow ? implicitDeny("sessionPolicy") : null;
    default:
      return unreachable(check);
  }
}

/** What no policy allows and every policy denies: the outcome every applicable check stops. */
const NOTHING_ALLOWED: Outcome = {
  denied: true,
  identityAllow: false,
  boundaryAllow: false,
  sessionAllow: false,
  scpBlockedLevel: 0,
  rcpBlockedLevel: 0,
  resourceGrant: null,
};

/**
 * Whether a check concerns a request of this shape at all, whatever its policies say (a
 * boundary check only with a boundary, a session-policy check only with a session policy):
 * some outcome stops the request there.
 */
export function checkApplies(check: GateCheck, shape: RequestShape): boolean {
  return stopsAt(check, shape, NOTHING_ALLOWED) !== null;
}

/** The `default` of an exhaustive switch over gate checks: the compiler proves it unreachable. */
export function unreachable(check: never): never {
  throw new Error(`unknown gate check ${String(check)}`);
}

export function decide(shape: RequestShape, outcome: Outcome, action: ActionName): Verdict {
  if (isAlwaysAllowed(action)) return verdict("allowed", PLANS.alwaysAllowed.allowedAt);
  // Every other plan opens with the prelude (explicit deny, SCPs, RCPs), which needs no plan:
  // most actions of a sweep stop there, so they are settled before any planning.
  for (let i = 0; i < PRELUDE.length; i++) {
    const stop = stopsAt(PRELUDE[i], shape, outcome);
    if (stop !== null) return stop;
  }
  const { checks, allowedAt } = gatePlan(shape, resourcePolicyRule(shape, action), outcome.resourceGrant);
  for (let i = PRELUDE.length; i < checks.length; i++) {
    const stop = stopsAt(checks[i], shape, outcome);
    if (stop !== null) return stop;
  }
  return verdict("allowed", allowedAt);
}
