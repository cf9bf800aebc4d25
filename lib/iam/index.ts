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
