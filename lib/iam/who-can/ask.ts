/**
 * One question (an action on a resource) asked of many principals whose policies are already
 * compiled: the engine's compiled evaluation, without compiling or validating again. Stored
 * documents were validated when written; one the compiler could not read makes the principal's
 * answer invalidPolicy, as the engine's would.
 */
import type { CompiledPolicy } from "../compile/policy";
import type { CompiledRequest } from "../compile/request";
import { RequestContext } from "../context";
import type { RequestShape } from "../evaluate/decide";
import { evaluateCompiled } from "../evaluate/evaluate";
import { isRoleArn } from "../arn";
import { derivedContext, type CallerIdentity } from "../principal";
import { invalidPolicyResult } from "../simulate";
import type { ContextValue, EvaluationResult, MatchedStatement } from "../types";
import type { HeldPolicy, PathStatement } from "./types";

export interface Question {
  action: string;
  resource: string;
  /** The account that owns the resource. */
  resourceAccount: string;
  /** A role's trust policy for sts:AssumeRole*, or null. */
  resourcePolicy: CompiledPolicy | null;
  context: Readonly<Record<string, ContextValue>>;
}

/** Who asks: the caller, its identity-based policies and its permissions boundary. */
export interface Asker {
  caller: CallerIdentity;
  identity: readonly HeldPolicy[];
  boundary: HeldPolicy | null;
}

const derivedByCaller = new WeakMap<CallerIdentity, Map<string, ContextValue>>();

/** The context keys derived from the caller, computed once per caller. */
export function derivedOf(caller: CallerIdentity): Map<string, ContextValue> {
  let derived = derivedByCaller.get(caller);
  if (!derived) derivedByCaller.set(caller, (derived = derivedContext(caller)));
  return derived;
}

export function shapeOf(asker: Asker, question: Pick<Question, "resource" | "resourceAccount" | "resourcePolicy">): RequestShape {
  return {
    caller: asker.caller,
    crossAccount: question.resourceAccount !== asker.caller.account,
    hasBoundary: asker.boundary !== null,
    hasSessionPolicy: false,
    hasResourcePolicy: question.resourcePolicy !== null,
    resourceIsRole: isRoleArn(question.resource),
  };
}

function unreadable(asker: Asker, question: Question): EvaluationResult | null {
  const documents = [...asker.identity.map((held) => held.compiled), ...(asker.boundary ? [asker.boundary.compiled] : [])];
  if (question.resourcePolicy) documents.push(question.resourcePolicy);
  const broken = documents.find((compiled) => compiled.issues.length > 0);
  if (!broken) return null;
  return invalidPolicyResult(broken.issues.map((issue) => ({ document: "stored policy", code: issue.code, message: issue.message, path: issue.path })));
}

export function ask(asker: Asker, question: Question): EvaluationResult {
  const invalid = unreadable(asker, question);
  if (invalid) return invalid;
  const compiled: CompiledRequest = {
    shape: shapeOf(asker, question),
    identity: asker.identity.map((held) => held.compiled),
    boundary: asker.boundary?.compiled ?? null,
    session: null,
    scps: null,
    rcps: null,
    resourcePolicy: question.resourcePolicy,
    issues: [],
  };
  return evaluateCompiled(compiled, question.action, question.resource, new RequestContext(derivedOf(asker.caller), question.context));
}

export function pathStatement(held: HeldPolicy, matched: MatchedStatement): PathStatement {
  return { policy: held.meta, statement: matched.statementIndex, sid: matched.sid, effect: matched.effect };
}

/** The Allow statements that granted, each with the policy it is in (identity and resource-based). */
export function grantingStatements(asker: Asker, result: EvaluationResult, resourcePolicy: HeldPolicy | null): PathStatement[] {
  const statements: PathStatement[] = [];
  for (const matched of result.explanation) {
    if (matched.effect !== "Allow") continue;
    const held = matched.source === "identity" ? asker.identity[matched.policyIndex] : matched.source === "resource" ? resourcePolicy : null;
    if (held) statements.push(pathStatement(held, matched));
  }
  return statements;
}
