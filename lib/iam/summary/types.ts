/**
 * A policy summary as the IAM console shows one: the services a single policy names, under
 * Explicit deny, Allow and Uncategorized; per service the access level (Full access, or Full /
 * Limited per level), the resources and the request conditions; per action the statements.
 * It reads the policy alone: no principal, no other policy, no request.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary.html
 */
import type { AccessLevel } from "../catalog/types";
import type { ConditionClause, ResourceScope } from "../access/types";
import type { Effect } from "../types";

export type { ConditionClause, ResourceScope } from "../access/types";

/** One statement the summary read: where it applies, as written. */
export interface SummaryStatement {
  /** Position in the document's Statement list. */
  index: number;
  sid: string | null;
  effect: Effect;
  resources: ResourceScope;
  conditions: ConditionClause[];
}

/** "Full" when the policy names every action of the level in the service. */
export type LevelExtent = "Full" | "Limited";

export interface SummaryAction {
  /** Canonical name without the prefix, e.g. "GetObject". */
  name: string;
  /** Indexes into `PolicySummary.statements` of the statements naming the action. */
  statements: number[];
  /**
   * True when no statement naming the action has a Resource it applies to (the console's "This
   * action does not have an applicable resource"); absent otherwise.
   */
  noApplicableResource?: true;
}

export interface LevelSummary {
  accessLevel: AccessLevel;
  extent: LevelExtent;
  /** Actions of this level the policy names. */
  count: number;
  /** Actions of this level in the service. */
  total: number;
  actions: SummaryAction[];
}

export interface ServiceSummary {
  service: string;
  name: string;
  /** Every action of the service, whatever its level ("Full access"). */
  fullAccess: boolean;
  /** The levels with at least one action named, in the catalog's level order. */
  levels: LevelSummary[];
  /** Actions named, out of `total`. */
  count: number;
  total: number;
  /** Distinct Resource / NotResource scopes of the statements naming the service's actions. */
  resources: ResourceScope[];
  /** Distinct condition clauses of those statements; empty when none has a condition. */
  conditions: ConditionClause[];
  /** Some statement applies without condition, so part of the access needs none. */
  unconditional: boolean;
  /**
   * Names (without the prefix) of the actions named without an applicable resource: the
   * console's "One or more actions do not have an applicable resource". Those acting on the
   * most common set of resource types come first, those that need "*" last.
   */
  withoutResource: string[];
  /** Indexes into `PolicySummary.statements`. */
  statements: number[];
}

export type UncategorizedReason = "unknownService" | "unknownAction";

/** An Action pattern that names nothing the catalog knows. */
export interface UncategorizedAction {
  effect: Effect;
  /** As written in the policy. */
  pattern: string;
  /** The service part of the pattern, lower case. */
  service: string;
  reason: UncategorizedReason;
  statement: number;
}

export interface PolicySummary {
  kind: "summary";
  statements: SummaryStatement[];
  /** Services some Deny statement names, in catalog order. */
  explicitDeny: ServiceSummary[];
  /** Services some Allow statement names, in catalog order. */
  allow: ServiceSummary[];
  uncategorized: UncategorizedAction[];
  /** Services in the catalog, for "n of N services". */
  catalogServices: number;
  /** Statements the summary could not read (the validator says why). */
  skippedStatements: number;
}

export type PolicySummaryResult = PolicySummary | { kind: "unreadable"; message: string };

/** Where a policy's statements of one effect apply to an action. */
export interface Scope {
  resources: ResourceScope;
  conditions: ConditionClause[];
}

/** What one version says about an action: the scopes of the Allow and Deny statements naming it. */
export interface ScopeSet {
  allow: Scope[];
  deny: Scope[];
}

/**
 * gained: allowed after and not before; lost: the reverse; changed: the same either way, but
 * the resources or conditions of its Allow or Deny statements differ.
 */
export type ChangeKind = "gained" | "lost" | "changed";

export interface DiffAction {
  name: string;
  accessLevel: AccessLevel;
}

/** Actions of one service with the same change and the same scopes before and after. */
export interface ActionChange {
  change: ChangeKind;
  actions: DiffAction[];
  /** Null when the version names none of these actions. */
  before: ScopeSet | null;
  after: ScopeSet | null;
}

export interface ServiceDiff {
  service: string;
  name: string;
  counts: Record<ChangeKind, number>;
  changes: ActionChange[];
}

export interface PolicyAccessDiff {
  kind: "diff";
  counts: Record<ChangeKind, number>;
  /** Services with at least one change, in catalog order. */
  services: ServiceDiff[];
}

export type PolicyAccessDiffResult = PolicyAccessDiff | { kind: "unreadable"; side: "before" | "after"; message: string };
