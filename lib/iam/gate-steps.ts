import type { EvaluationResult, Gate, MatchedStatement, PolicySource } from "./types";

/**
 * The step-through of one decision: the evaluation gates in the order of "How AWS enforcement
 * code logic evaluates requests to allow or deny access", each lit from the engine's result.
 * The engine visits every statement and reports each one that applied, so a gate's state follows
 * from the statements of its source; which gate settled the decision is the engine's `gate`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 */

export type GateName = "explicitDeny" | "scp" | "rcp" | "resourcePolicy" | "identityPolicy" | "permissionsBoundary" | "sessionPolicy";

/**
 * allowed: an Allow applied; denied: a Deny applied; noDeny: the explicit-deny gate found no Deny
 * (it never allows anything by itself); noAllow: present, nothing allowed; notApplicable: no such policy.
 */
export type GateState = "allowed" | "denied" | "noDeny" | "noAllow" | "notApplicable";

/** One step of "How AWS enforcement code logic evaluates requests", lit for this request. */
export interface GateStep<S> {
  gate: GateName;
  state: GateState;
  /** This step settled the decision. */
  decisive: boolean;
  /** The statements behind the state (Deny statements for the explicit-deny step). */
  statements: S[];
  /** What the gate checks, in words. */
  checked: string;
  /** What it found for this request. */
  note: string;
}

/** Which kinds of policy the request carried. */
export interface RequestPolicies {
  scpLevels: number;
  rcpLevels: number;
  hasResourcePolicy: boolean;
  hasBoundary: boolean;
  hasSessionPolicy: boolean;
  isRoot: boolean;
}

/** The steps the engine's gate names; a cross-account allow needs both sides. */
const DECISIVE: Record<Gate, readonly GateName[]> = {
  invalidPolicy: [],
  alwaysAllowed: [],
  explicitDeny: ["explicitDeny"],
  scp: ["scp"],
  rcp: ["rcp"],
  resourcePolicy: ["resourcePolicy"],
  crossAccount: ["resourcePolicy", "identityPolicy"],
  identityPolicy: ["identityPolicy"],
  permissionsBoundary: ["permissionsBoundary"],
  sessionPolicy: ["sessionPolicy"],
  rootUser: ["identityPolicy"],
};

const ORDER: readonly GateName[] = ["explicitDeny", "scp", "rcp", "resourcePolicy", "identityPolicy", "permissionsBoundary", "sessionPolicy"];

const SOURCE_OF: Partial<Record<GateName, PolicySource>> = {
  scp: "scp",
  rcp: "rcp",
  resourcePolicy: "resource",
  identityPolicy: "identity",
  permissionsBoundary: "boundary",
  sessionPolicy: "session",
};

const NOTES: Record<GateName, Record<GateState, string>> = {
  explicitDeny: {
    denied: "A Deny statement applies: an explicit deny overrides every allow.",
    noDeny: "No Deny statement in any policy applies, so evaluation goes on to the next gate.",
    allowed: "",
    noAllow: "",
    notApplicable: "",
  },
  scp: {
    allowed: "Every level of the organization's service control policies allows the action.",
    noAllow: "A level of the service control policies has no Allow for the action.",
    denied: "",
    noDeny: "",
    notApplicable: "The account is in no organization: no service control policies apply.",
  },
  rcp: {
    allowed: "Every level of the resource control policies allows the action.",
    noAllow: "A level of the resource control policies has no Allow for the action.",
    denied: "",
    noDeny: "",
    notApplicable: "No resource control policies apply.",
  },
  resourcePolicy: {
    allowed: "The resource-based policy allows the caller.",
    noAllow: "The resource-based policy has no Allow for the caller.",
    denied: "",
    noDeny: "",
    notApplicable: "The resource has no resource-based policy in this simulation.",
  },
  identityPolicy: {
    allowed: "An identity-based policy allows the action on the resource.",
    noAllow: "No identity-based policy allows the action on the resource.",
    denied: "",
    noDeny: "",
    notApplicable: "The account root user is not limited by identity-based policies.",
  },
  permissionsBoundary: {
    allowed: "The permissions boundary allows the action.",
    noAllow: "The permissions boundary does not allow the action: it caps every other grant.",
    denied: "",
    noDeny: "",
    notApplicable: "The principal has no permissions boundary.",
  },
  sessionPolicy: {
    allowed: "The session policy allows the action.",
    noAllow: "The session policy does not allow the action.",
    denied: "",
    noDeny: "",
    notApplicable: "No session policy applies (not a session, or none was passed).",
  },
};

const CHECKS: Record<GateName, string> = {
  explicitDeny: "Checks every policy (identity, boundary, session, SCPs, RCPs, resource) for a Deny statement that matches the action, resource and conditions.",
  scp: "Checks that each level of the organization's service control policies has an Allow for the action.",
  rcp: "Checks that each level of the resource control policies has an Allow for the action on the resource.",
  resourcePolicy: "Checks the resource-based policy for an Allow naming the caller, the action and the resource.",
  identityPolicy: "Checks the principal's identity-based policies (its own, its groups', managed and inline) for an Allow matching the action, resource and conditions.",
  permissionsBoundary: "Checks that the permissions boundary also allows the action on the resource.",
  sessionPolicy: "Checks that the session policy also allows the action on the resource.",
};

function present(gate: GateName, request: RequestPolicies): boolean {
  switch (gate) {
    case "explicitDeny":
      return true;
    case "scp":
      return request.scpLevels > 0;
    case "rcp":
      return request.rcpLevels > 0;
    case "resourcePolicy":
      return request.hasResourcePolicy;
    case "identityPolicy":
      return !request.isRoot;
    case "permissionsBoundary":
      return request.hasBoundary;
    case "sessionPolicy":
      return request.hasSessionPolicy;
  }
}

/** SCP and RCP gates allow only when every level has an Allow that applied. */
function everyLevelAllows(allows: readonly MatchedStatement[], levels: number): boolean {
  for (let level = 0; level < levels; level++) {
    if (!allows.some((statement) => statement.level === level)) return false;
  }
  return true;
}

function stateOf(gate: GateName, request: RequestPolicies, mine: readonly MatchedStatement[], all: readonly MatchedStatement[]): GateState {
  if (!present(gate, request)) return "notApplicable";
  if (gate === "explicitDeny") return all.some((statement) => statement.effect === "Deny") ? "denied" : "noDeny";
  const allows = mine.filter((statement) => statement.effect === "Allow");
  if (gate === "scp") return everyLevelAllows(allows, request.scpLevels) ? "allowed" : "noAllow";
  if (gate === "rcp") return everyLevelAllows(allows, request.rcpLevels) ? "allowed" : "noAllow";
  return allows.length > 0 ? "allowed" : "noAllow";
}

export function gateSteps<S>(
  result: EvaluationResult,
  request: RequestPolicies,
  toStatement: (matched: MatchedStatement) => S,
): GateStep<S>[] {
  const decisive = new Set(DECISIVE[result.gate]);
  return ORDER.map((gate) => {
    const source = SOURCE_OF[gate];
    const mine =
      gate === "explicitDeny"
        ? result.explanation.filter((statement) => statement.effect === "Deny")
        : result.explanation.filter((statement) => statement.source === source);
    const state = stateOf(gate, request, mine, result.explanation);
    return { gate, state, decisive: decisive.has(gate), statements: mine.map(toStatement), checked: CHECKS[gate], note: NOTES[gate][state] };
  });
}
