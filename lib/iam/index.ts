/** The policy engine's public surface: pure, synchronous, the same on server, browser and CLI. */
export type {
  ContextValue,
  Decision,
  Effect,
  EvaluationResult,
  Gate,
  MatchedStatement,
  PolicyDocument,
  PolicyError,
  PolicySource,
  SimulationPrincipal,
  SimulationRequest,
} from "./types";
export { parseRequest, type ParsedRequest } from "./request";
export { parseCaller, type CallerIdentity, type PrincipalKind } from "./principal";
export { compilePolicy, type CompiledPolicy, type CompiledStatement } from "./compile/policy";
export { resourcePolicyKind } from "./compile/request";
export {
  cacheCompilation,
  cacheValidation,
  createDocumentCache,
  createEvaluator,
  invalidPolicyResult,
  prepareRequest,
  simulate,
  type DocumentCache,
  type Evaluator,
  type Prepared,
  type SimulateOutcome,
} from "./simulate";
export { describeDecision, describeStatement, describeVerdict } from "./describe";
export { accessDeniedMessage, accessDeniedReason, type DeniedRequest } from "./access-denied";
export {
  prepareCatalog,
  sweep,
  sweepPrepared,
  type Counts,
  type SweepAction,
  type SweepOutcome,
  type SweepResult,
  type SweepService,
} from "./sweep";
export { whoCan, type WhoCanAnswer, type WhoCanQuestion } from "./who-can/who-can";
export { assumableRoles, roleAssumers, type AssumableRoles, type RoleAssumers } from "./who-can/assume";
export {
  roleRef,
  type AccessPath,
  type AssumableRole,
  type ConditionalAssumption,
  type HeldPolicy,
  type Inventory,
  type InventoryPrincipal,
  type InventoryRole,
  type PathStatement,
  type PolicyRef,
  type RoleAssumer,
  type RoleRef,
  type WhoCanPrincipal,
} from "./who-can/types";
// The symbolic access analysis (server only: the browser is sent its results).
export { analyzeAccess, describeCounts, type AccessLevelAccess, type ActionAccess, type AnalyzedAccess, type Grant, type StatementRef } from "./access";
// Everything the browser entry offers (validate, lint, summaries, catalog lookups) is here too.
export * from "./client";
export { limitedByResources, statementScopes, type StatementScope } from "./statement-scope";
export { statementsForAction, type MatchingStatement } from "./policies-for-action";
export { gateSteps, type GateName, type GateState, type GateStep, type RequestPolicies } from "./gate-steps";
export { findNearMisses, NEAR_MISS_LIMIT, type ConditionMiss, type NearMiss, type NearMissOptions, type NearMissPart, type NearMissPolicy, type NearMissRequest, type RawPolicy } from "./near-miss";
export { nearMissesOf, nearMissPolicies } from "./near-miss-request";
export { unreachableGrant, type BucketObjectHint, type ResourceTypeHint, type UnreachableGrant } from "./near-miss-hints";
export { whoCanNearMisses, type WhoCanNearMiss } from "./who-can/near-misses";
