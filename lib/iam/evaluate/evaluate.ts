/**
 * One request against a compiled request: every statement is visited (no short cut) so that
 * the explanation names each statement that applied and every context key they missed.
 * Written as plain loops over one state object: this is the per-request hot path.
 */
import { statementsForService, type CompiledPolicy } from "../compile/policy";
import type { CompiledRequest } from "../compile/request";
import { actionName, type ActionName } from "../match/action";
import type { EvaluationResult, MatchedStatement, PolicySource } from "../types";
import type { ContextLookup, KeyName } from "../variables";
import { decide, emptyOutcome, strongerGrant, type Outcome } from "./decide";
import { rcpsApplyTo } from "./rcp-services";
import { actionApplies, principalGrant, resourceApplies } from "./statement";

interface Walk {
  compiled: CompiledRequest;
  action: ActionName;
  resource: string;
  context: ContextLookup;
  outcome: Outcome;
  explanation: MatchedStatement[];
  /** Lower-case key → key as written in the policy; created on the first missing key. */
  missing: Map<string, string> | null;
}

function noteMissing(walk: Walk, keys: readonly KeyName[]): void {
  for (const key of keys) {
    if (walk.context.has(key.lower)) continue;
    walk.missing ??= new Map();
    if (!walk.missing.has(key.lower)) walk.missing.set(key.lower, key.name);
  }
}

/** Visits a group of policies; returns whether an Allow statement applied. */
function visit(walk: Walk, policies: readonly CompiledPolicy[], source: PolicySource, level?: number): boolean {
  let allowed = false;
  for (let policyIndex = 0; policyIndex < policies.length; policyIndex++) {
    if (visitPolicy(walk, policies[policyIndex], policyIndex, source, level)) allowed = true;
  }
  return allowed;
}

function visitPolicy(walk: Walk, policy: CompiledPolicy, policyIndex: number, source: PolicySource, level?: number): boolean {
  let allowed = false;
  const { shape } = walk.compiled;
  for (const { statement, everyAction } of statementsForService(policy, walk.action.service)) {
    if (!everyAction && !actionApplies(statement, walk.action)) continue;
    const grant = principalGrant(statement, shape);
    if (grant === null) continue;
    if (statement.resources && statement.resources.variableKeys.length > 0) {
      noteMissing(walk, statement.resources.variableKeys);
    }
    if (!resourceApplies(statement, walk.resource, walk.context)) continue;
    if (statement.condition) {
      noteMissing(walk, statement.condition.keys);
      if (!statement.condition.test(walk.context)) continue;
    }
    const matched: MatchedStatement = {
      source,
      policyIndex,
      statementIndex: statement.index,
      sid: statement.sid,
      effect: statement.effect,
    };
    if (level !== undefined) matched.level = level;
    walk.explanation.push(matched);
    if (statement.effect === "Deny") {
      walk.outcome.denied = true;
    } else {
      allowed = true;
      if (source === "resource") walk.outcome.resourceGrant = strongerGrant(walk.outcome.resourceGrant, grant);
    }
  }
  return allowed;
}

export function evaluateCompiled(
  compiled: CompiledRequest,
  action: string,
  resource: string,
  context: ContextLookup,
): EvaluationResult {
  const walk: Walk = {
    compiled,
    action: actionName(action),
    resource,
    context,
    outcome: emptyOutcome(),
    explanation: [],
    missing: null,
  };
  const { outcome } = walk;
  outcome.identityAllow = visit(walk, compiled.identity, "identity");
  if (compiled.boundary) outcome.boundaryAllow = visitPolicy(walk, compiled.boundary, 0, "boundary");
  if (compiled.session) outcome.sessionAllow = visitPolicy(walk, compiled.session, 0, "session");
  if (compiled.scps) {
    for (let i = 0; i < compiled.scps.length; i++) {
      if (!visit(walk, compiled.scps[i], "scp", i) && outcome.scpBlockedLevel < 0) outcome.scpBlockedLevel = i;
    }
  }
  if (compiled.rcps && rcpsApplyTo(walk.action.service)) {
    for (let i = 0; i < compiled.rcps.length; i++) {
      if (!visit(walk, compiled.rcps[i], "rcp", i) && outcome.rcpBlockedLevel < 0) outcome.rcpBlockedLevel = i;
    }
  }
  if (compiled.resourcePolicy) visitPolicy(walk, compiled.resourcePolicy, 0, "resource");

  const verdict = decide(compiled.shape, outcome, walk.action);
  // Built field by field: one object shape for every result keeps this hot path monomorphic.
  return {
    decision: verdict.decision,
    gate: verdict.gate,
    level: verdict.level,
    explanation: walk.explanation,
    missingContextValues: walk.missing ? [...walk.missing.values()] : [],
  };
}
