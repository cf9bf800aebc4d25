/**
 * The engine's request and result shapes (tests/spec-cases/FORMAT.md is the contract).
 * Raw JSON enters through lib/iam/request.ts, which checks it into these types.
 */

export type Decision = "allowed" | "explicitDeny" | "implicitDeny" | "invalidPolicy";

/** Where a statement came from in the request. */
export type PolicySource = "identity" | "boundary" | "scp" | "rcp" | "resource" | "session";

export type Effect = "Allow" | "Deny";

/** A context value: a string, or an array of strings for a multivalued key. */
export type ContextValue = string | readonly string[];

export interface SimulationPrincipal {
  arn: string;
  tags: Readonly<Record<string, string>>;
}

/** A policy document exactly as given: checked by validation, compiled by lib/iam/compile. */
export type PolicyDocument = unknown;

export interface SimulationRequest {
  principal: SimulationPrincipal;
  identityPolicies: readonly PolicyDocument[];
  permissionsBoundary: PolicyDocument | null;
  /** Levels from the organization root down to the account; each level's documents. */
  scps: readonly (readonly PolicyDocument[])[] | null;
  rcps: readonly (readonly PolicyDocument[])[] | null;
  resourcePolicy: PolicyDocument | null;
  /** The account that owns the resource; null means the principal's own account. */
  resourceAccount: string | null;
  sessionPolicy: PolicyDocument | null;
  action: string;
  resource: string;
  context: Readonly<Record<string, ContextValue>>;
}

/** One statement that applied to the request (action, resource, principal and conditions). */
export interface MatchedStatement {
  source: PolicySource;
  /** For scp/rcp: the level (0 = organization root). */
  level?: number;
  policyIndex: number;
  statementIndex: number;
  sid: string | null;
  effect: Effect;
}

/**
 * The step of the evaluation logic that settled the decision, in the order of "How AWS
 * enforcement code logic evaluates requests to allow or deny access".
 */
export type Gate =
  | "invalidPolicy"
  /** sts:GetCallerIdentity needs no permission and cannot be denied. */
  | "alwaysAllowed"
  | "explicitDeny"
  | "scp"
  | "rcp"
  /** Same account: the resource-based policy grants on its own. Cross-account: it does not allow. */
  | "resourcePolicy"
  /** Cross-account: both the principal's side and the resource-based policy allow. */
  | "crossAccount"
  | "identityPolicy"
  | "permissionsBoundary"
  | "sessionPolicy"
  /** The account root user is not limited by identity-based policies. */
  | "rootUser";

/** A problem with one document of the request, located by `document` and `path`. */
export interface PolicyError {
  /** e.g. `identityPolicies[2]`, `scps[0][1]`, `resourcePolicy`. */
  document: string;
  code: string;
  message: string;
  /** Within the document, e.g. `Statement[1].Condition.StringEquals`. */
  path: string;
}

export interface EvaluationResult {
  decision: Decision;
  gate: Gate;
  /** For gate "scp" or "rcp": the first level that does not allow the action. */
  level?: number;
  explanation: MatchedStatement[];
  /** Context keys the applicable statements read that the request did not supply. */
  missingContextValues: string[];
  /** For invalidPolicy only. */
  errors?: PolicyError[];
}
