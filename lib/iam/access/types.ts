/**
 * The symbolic access analysis: for one principal, every action of the catalog with the
 * resources and conditions under which it is allowed, kept as data rather than decided for one
 * request. The same inputs as a simulation request minus action, resource and context; the
 * analysis is identity-side only (no resource-based policy, no RCPs, same account).
 */
import type { AccessLevel } from "../catalog/types";
import type { PrincipalKind } from "../principal";
import type { PolicyDocument, PolicyError, PolicySource, SimulationPrincipal } from "../types";

export interface AccessInput {
  principal: SimulationPrincipal;
  identityPolicies: readonly PolicyDocument[];
  permissionsBoundary: PolicyDocument | null;
  /** Levels from the organization root down to the account, as in a simulation request. */
  scps: readonly (readonly PolicyDocument[])[] | null;
  /** Applies to assumed-role and federated-user sessions only, as in the engine. */
  sessionPolicy: PolicyDocument | null;
}

export type AccessStatus =
  /** Allowed on every resource under every context: no condition, no deny, no limit. */
  | "allowed"
  /**
   * Allowed only on some resources, under some conditions, or outside some denies. Conditions
   * are not checked against each other: grants whose conditions contradict still count here.
   */
  | "conditional"
  /** A Deny on every resource without condition: denied whatever else says. */
  | "explicitlyDenied"
  /**
   * Granted by identity-based policies, but the permissions boundary allows it nowhere, or only
   * on resources no identity grant names. Likewise for an SCP level and the session policy.
   */
  | "removedByBoundary"
  | "removedByScp"
  | "removedBySessionPolicy"
  | "notGranted";

export const ACCESS_STATUSES: readonly AccessStatus[] = [
  "allowed",
  "conditional",
  "explicitlyDenied",
  "removedByBoundary",
  "removedByScp",
  "removedBySessionPolicy",
  "notGranted",
];

/** One statement of the input, named as the engine's explanation names it. */
export interface StatementRef {
  source: PolicySource;
  /** For SCPs: the level (0 = organization root). */
  level?: number;
  policyIndex: number;
  statementIndex: number;
  sid: string | null;
}

/**
 * The statement's Resource (matches any pattern) or NotResource (matches everything except
 * the patterns). Patterns use the policy grammar of version 2012-10-17: variables the
 * principal settles are substituted (a substituted value's `*`, `?` and `$` are written as the
 * escapes `${*}`, `${?}`, `${$}` so they stay literal); the others stay as `${key}`.
 */
export interface ResourceScope {
  element: "Resource" | "NotResource";
  patterns: string[];
}

/** One key under one operator of a Condition block; a statement's clauses all must hold. */
export interface ConditionClause {
  /** As written, e.g. "ForAllValues:StringLikeIfExists". */
  operator: string;
  key: string;
  /** Any one of them (for negated operators: none of them), in the same grammar as patterns. */
  values: string[];
}

/**
 * Where one or more statements apply: resources and conditions. Statements with the same scope
 * and conditions are merged and all named in `sources`. Conditions on keys the principal
 * settles (aws:username, aws:PrincipalTag/…, aws:PrincipalArn, aws:PrincipalAccount) are
 * decided during the analysis: a true one is dropped, a false one drops the statement.
 */
export interface Grant {
  resources: ResourceScope;
  conditions: ConditionClause[];
  sources: StatementRef[];
}

export type LimitLayer = "scp" | "boundary" | "session";

/**
 * A policy layer that must also allow the action: the action is allowed only where one of the
 * layer's grants holds too. Identity grants and limits are kept apart rather than intersected
 * pairwise: (any grant) and (any grant of each limit) and (no deny) is exact and stays small.
 */
export interface Limit {
  layer: LimitLayer;
  /** For SCPs: the level. */
  level?: number;
  grants: Grant[];
}

export interface ActionAccess {
  /** Service prefix, e.g. "s3". */
  service: string;
  /** Canonical case, e.g. "s3:GetObject". */
  action: string;
  accessLevel: AccessLevel;
  status: AccessStatus;
  /** Identity-based grants (empty for the account root user, who needs none). */
  grants: Grant[];
  /** Deny statements of any layer that match the action: each takes its scope away. */
  denies: Grant[];
  /**
   * The layers that narrow the grants (an SCP level, the boundary, the session policy); layers
   * that allow the action everywhere without condition are left out. For a removed action, the
   * first layer that removes it.
   */
  limitedBy: Limit[];
  /** sts:GetCallerIdentity needs no permission and cannot be denied. */
  alwaysAllowed?: true;
}

/** Full: every action of the group allowed; Limited: some allowed or conditional; None. */
export type AccessExtent = "Full" | "Limited" | "None";

export type StatusCounts = Record<AccessStatus, number>;

export interface AccessLevelAccess {
  accessLevel: AccessLevel;
  access: AccessExtent;
  /** Actions of this level in the catalog. */
  total: number;
  counts: StatusCounts;
  /** Only actions some policy mentions; the rest of `total` are not granted. */
  actions: ActionAccess[];
}

export interface ServiceAccess {
  service: string;
  name: string;
  access: AccessExtent;
  total: number;
  counts: StatusCounts;
  /** The five access levels in the catalog's order, levels without actions left out. */
  accessLevels: AccessLevelAccess[];
}

export interface AccessCounts {
  /** Actions in the catalog. */
  actions: number;
  /** Actions allowed or conditionally allowed. */
  granted: number;
  /** Services with at least one such action. */
  services: number;
  byStatus: StatusCounts;
}

export interface AnalyzedAccess {
  kind: "analyzed";
  principal: { arn: string; kind: PrincipalKind };
  /** The account root user needs no identity-based grant. */
  rootUser: boolean;
  counts: AccessCounts;
  /** Services with at least one action some policy mentions, in catalog order. */
  services: ServiceAccess[];
}

export type AccessAnalysis =
  | AnalyzedAccess
  | { kind: "invalidPolicy"; errors: PolicyError[] }
  | { kind: "invalidRequest"; error: string };
