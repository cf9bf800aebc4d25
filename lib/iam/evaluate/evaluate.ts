/**
 * One request against a compiled request: every statement is visited (no short cut) so that
 * the explanation names each statement that applied and every context key they missed.
 */
import type { CompiledPolicy } from "../compile/policy";
import type { CompiledRequest } from "../compile/request";
import type { ContextValue, EvaluationResult, MatchedStatement, PolicySource } from "../types";
import type { ContextLookup } from "../variables";
import { decide, emptyOutcome, strongerGrant } from "./decide";
import { rcpsApplyTo } from "./rcp-services";
import { actionApplies, principalGrant, resourceApplies } from "./statement";

export function evaluateCompiled(
  compiled: CompiledRequest,
  action: string,
  resource: string,
  context: ReadonlyMap<string, ContextValue>,
): EvaluationResult {
  const lowerAction = action.toLowerCase();
  const lookup: ContextLookup = (key) => context.get(key);
  const { shape } = compiled;
  const outcome = emptyOutcome();
  const explanation: MatchedStatement[] = [];
  const missing = new Map<string, string>();
  const noteMissing = (keys: readonly string[]) => {
    for (const key of keys) {
      const lower = key.toLowerCase();
      if (!context.has(lower) && !missing.has(lower)) missing.set(lower, key);
    }
  };

  /** Visits one group of policies; returns whether an Allow applied. */
  const visit = (policies: readonly CompiledPolicy[], source: PolicySource, level?: number): boolean => {
    let allowed = false;
    policies.forEach((policy, policyIndex) => {
      for (const statement of policy.statements) {
        if (!actionApplies(statement, lowerAction)) continue;
        const grant = principalGrant(statement, shape);
        if (grant === null) continue;
        if (statement.resources) noteMissing(statement.resources.variableKeys);
        if (!resourceApplies(statement, resource, lookup)) continue;
        if (statement.condition) {
          noteMissing(statement.condition.keys);
          if (!statement.condition.test(lookup)) continue;
        }
        const { index: statementIndex, sid, effect } = statement;
        explanation.push({ source, ...(level === undefined ? {} : { level }), policyIndex, statementIndex, sid, effect });
        if (effect === "Deny") {
          outcome.denied = true;
        } else {
          allowed = true;
          if (source === "resource") outcome.resourceGrant = strongerGrant(outcome.resourceGrant, grant);
        }
      }
    });
    return allowed;
  };

  outcome.identityAllow = visit(compiled.identity, "identity");
  if (compiled.boundary) outcome.boundaryAllow = visit([compiled.boundary], "boundary");
  if (compiled.session) outcome.sessionAllow = visit([compiled.session], "session");
  compiled.scps?.forEach((level, i) => {
    if (!visit(level, "scp", i) && outcome.scpBlockedLevel < 0) outcome.scpBlockedLevel = i;
  });
  const service = lowerAction.slice(0, lowerAction.indexOf(":"));
  if (rcpsApplyTo(service)) {
    compiled.rcps?.forEach((level, i) => {
      if (!visit(level, "rcp", i) && outcome.rcpBlockedLevel < 0) outcome.rcpBlockedLevel = i;
    });
  }
  if (compiled.resourcePolicy) visit([compiled.resourcePolicy], "resource");

  const verdict = decide(shape, outcome, lowerAction);
  return { ...verdict, explanation, missingContextValues: [...missing.values()] };
}
