/**
 * The engine's front door: a raw request in the format of FORMAT.md in, a decision with its
 * explanation out. Parse, validate, compile and evaluate are separate steps (STYLE.md 7);
 * `prepareRequest` stops after compiling so callers can evaluate many requests against the
 * same policies.
 */
import { compileRequest, listDocuments, type CompiledRequest } from "./compile/request";
import { evaluateCompiled } from "./evaluate/evaluate";
import { RequestContext } from "./context";
import { derivedContext, parseCaller, type CallerIdentity } from "./principal";
import { parseRequest } from "./request";
import type { ContextValue, EvaluationResult, PolicyError, SimulationRequest } from "./types";
import { validatePolicy } from "./validate";

export type Prepared =
  | {
      ok: true;
      request: SimulationRequest;
      caller: CallerIdentity;
      /** The context keys derived from the principal (lower-case keys). */
      derived: Map<string, ContextValue>;
      compiled: CompiledRequest;
      errors: PolicyError[];
    }
  | { ok: false; error: string };

export type SimulateOutcome = { ok: true; result: EvaluationResult } | { ok: false; error: string };

/**
 * Every grammar error of every document, judged by its kind; then whatever compilation could
 * not read (normally nothing the validator missed).
 */
function collectErrors(request: SimulationRequest, action: string | null, compiled: CompiledRequest): PolicyError[] {
  const errors: PolicyError[] = [];
  for (const { name, kind, document } of listDocuments(request, action)) {
    for (const issue of validatePolicy(document, kind).errors) {
      errors.push({ document: name, code: issue.code, message: issue.message, path: issue.path });
    }
  }
  if (errors.length === 0) errors.push(...compiled.issues);
  return errors;
}

/** Parses, validates and compiles. A sweep ignores the request's action. */
export function prepareRequest(raw: unknown, purpose: "evaluate" | "sweep" = "evaluate"): Prepared {
  const parsed = parseRequest(raw);
  if (!parsed.ok) return parsed;
  const { request } = parsed;
  const caller = parseCaller(request.principal);
  if (!caller) {
    return { ok: false, error: `principal.arn ${JSON.stringify(request.principal.arn)} is not a user, role, session or root ARN` };
  }
  const compiled = compileRequest(request, caller);
  const errors = collectErrors(request, purpose === "sweep" ? null : request.action, compiled);
  return { ok: true, request, caller, derived: derivedContext(caller), compiled, errors };
}

export function invalidPolicyResult(errors: PolicyError[]): EvaluationResult {
  return { decision: "invalidPolicy", gate: "invalidPolicy", explanation: [], missingContextValues: [], errors };
}

export interface Evaluator {
  /** Evaluates one action on one resource with a context (derived keys are added). */
  evaluate(action: string, resource: string, context: Readonly<Record<string, ContextValue>>): EvaluationResult;
}

/** Compiles once; each evaluation then builds nothing but its context map. */
export function createEvaluator(prepared: Extract<Prepared, { ok: true }>): Evaluator {
  const { derived, compiled, errors } = prepared;
  return {
    evaluate(action, resource, context) {
      if (errors.length > 0) return invalidPolicyResult(errors);
      return evaluateCompiled(compiled, action, resource, new RequestContext(derived, context));
    },
  };
}

export function simulate(raw: unknown): SimulateOutcome {
  const prepared = prepareRequest(raw);
  if (!prepared.ok) return prepared;
  const { request } = prepared;
  if (request.action === "") return { ok: false, error: "request.action is missing" };
  return { ok: true, result: createEvaluator(prepared).evaluate(request.action, request.resource, request.context) };
}
