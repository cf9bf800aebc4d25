/**
 * The engine's front door: a raw request in the format of FORMAT.md in, a decision with its
 * explanation out. Parse, validate, compile and evaluate are separate steps (STYLE.md 7);
 * `prepareRequest` stops after compiling so callers can evaluate many requests against the
 * same policies; a `DocumentCache` shared by several prepared requests validates and compiles
 * each of their documents once.
 */
import { compilePolicy, type CompiledPolicy } from "./compile/policy";
import { compileRequest, listDocuments, type CompiledRequest } from "./compile/request";
import { evaluateCompiled } from "./evaluate/evaluate";
import { RequestContext } from "./context";
import { derivedContext, parseCaller, type CallerIdentity } from "./principal";
import { parseRequest } from "./request";
import type { ContextValue, EvaluationResult, PolicyDocument, PolicyError, SimulationRequest } from "./types";
import { validatePolicy, type PolicyIssue, type PolicyKind } from "./validate";

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
 * Documents already judged, by identity (the same string or object): requests that differ only
 * in action, resource, resource account or resource policy share the rest of their documents, and
 * a simulator with many rows must not parse a 128 KB policy again for each of them.
 */
export interface DocumentCache {
  compiled: Map<PolicyDocument, CompiledPolicy>;
  /** A document's grammar issues depend on its kind (a trust policy is not a resource policy). */
  validated: Map<PolicyKind, Map<PolicyDocument, PolicyIssue[]>>;
}

export function createDocumentCache(): DocumentCache {
  return { compiled: new Map(), validated: new Map() };
}

function validated(document: PolicyDocument, kind: PolicyKind, cache: DocumentCache | undefined): PolicyIssue[] {
  if (!cache) return validatePolicy(document, kind).errors;
  let byDocument = cache.validated.get(kind);
  if (!byDocument) cache.validated.set(kind, (byDocument = new Map()));
  let issues = byDocument.get(document);
  if (!issues) byDocument.set(document, (issues = validatePolicy(document, kind).errors));
  return issues;
}

/**
 * Validates, or compiles, one document into the cache ahead of `prepareRequest`: a caller with
 * several large documents can give the event loop a turn between the steps.
 */
export function cacheValidation(cache: DocumentCache, document: PolicyDocument, kind: PolicyKind): void {
  validated(document, kind, cache);
}

export function cacheCompilation(cache: DocumentCache, document: PolicyDocument): void {
  if (!cache.compiled.has(document)) cache.compiled.set(document, compilePolicy(document));
}

/**
 * Every grammar error of every document, judged by its kind; then whatever compilation could
 * not read (normally nothing the validator missed).
 */
function collectErrors(request: SimulationRequest, action: string | null, compiled: CompiledRequest, cache: DocumentCache | undefined): PolicyError[] {
  const errors: PolicyError[] = [];
  for (const { name, kind, document } of listDocuments(request, action)) {
    for (const issue of validated(document, kind, cache)) {
      errors.push({ document: name, code: issue.code, message: issue.message, path: issue.path });
    }
  }
  if (errors.length === 0) errors.push(...compiled.issues);
  return errors;
}

/** Parses, validates and compiles (each document once per `cache`). A sweep ignores the request's action. */
export function prepareRequest(raw: unknown, purpose: "evaluate" | "sweep" = "evaluate", cache?: DocumentCache): Prepared {
  const parsed = parseRequest(raw);
  if (!parsed.ok) return parsed;
  const { request } = parsed;
  const caller = parseCaller(request.principal);
  if (!caller) {
    return { ok: false, error: `principal.arn ${JSON.stringify(request.principal.arn)} is not a user, role, session or root ARN` };
  }
  const compiled = compileRequest(request, caller, cache?.compiled);
  const errors = collectErrors(request, purpose === "sweep" ? null : request.action, compiled, cache);
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
