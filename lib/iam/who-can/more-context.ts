/**
 * "With more context": a request denied while its statements read context keys it did not give
 * is listed only if some values of those keys make the engine allow it, and the answer names
 * them. Conditions decide with the request context ("IAM JSON policy elements: Condition"); a key
 * the request lacks can make a condition fail, or, with IfExists or a negated operator, pass —
 * so a missing key can hold back an Allow as well as trigger a Deny.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
 */
import { statementsForService, type CompiledPolicy } from "../compile/policy";
import type { ConditionEntry } from "../conditions/compile";
import { actionName } from "../match/action";
import type { ContextValue, EvaluationResult } from "../types";
import type { ContextLookup } from "../variables";
import { candidateValues } from "./candidates";

/**
 * Evaluations tried at most for one request. Keys are tried fewest first and every candidate
 * stands for a distinct pattern of matches, so real policies need a handful.
 */
export const MAX_TRIES = 1024;

export interface MoreContextRequest {
  action: string;
  /** Every policy of the request: their conditions on the missing keys give the candidates. */
  policies: readonly CompiledPolicy[];
  /** The context as asked, with the keys derived from the principal behind it. */
  lookup: ContextLookup;
  context: Readonly<Record<string, ContextValue>>;
  evaluate(context: Readonly<Record<string, ContextValue>>): EvaluationResult;
}

function entriesOn(policies: readonly CompiledPolicy[], service: string, lowerKey: string): ConditionEntry[] {
  const entries: ConditionEntry[] = [];
  for (const policy of policies) {
    for (const { statement } of statementsForService(policy, service)) {
      for (const entry of statement.condition?.entries ?? []) if (entry.key.lower === lowerKey) entries.push(entry);
    }
  }
  return entries;
}

/** Every way to choose `size` of `count` indices, in order. */
function* subsets(count: number, size: number, from = 0): Generator<number[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= count - size; i++) for (const rest of subsets(count, size - 1, i + 1)) yield [i, ...rest];
}

function* products(options: readonly (readonly ContextValue[])[], at = 0): Generator<ContextValue[]> {
  if (at === options.length) {
    yield [];
    return;
  }
  for (const value of options[at]) for (const rest of products(options, at + 1)) yield [value, ...rest];
}

/**
 * Values of the keys `denied` missed with which the engine allows the request (only the keys
 * needed), or null when none of the candidates does within MAX_TRIES evaluations.
 */
export function allowingContext(request: MoreContextRequest, denied: EvaluationResult): Record<string, ContextValue> | null {
  if (denied.decision === "allowed" || denied.decision === "invalidPolicy" || denied.missingContextValues.length === 0) return null;
  const service = actionName(request.action).service;
  const keys = denied.missingContextValues;
  const options = keys.map((key) => candidateValues(entriesOn(request.policies, service, key.toLowerCase()), request.lookup));
  let tries = 0;
  for (let size = 1; size <= keys.length; size++) {
    for (const chosen of subsets(keys.length, size)) {
      for (const values of products(chosen.map((i) => options[i]))) {
        if (++tries > MAX_TRIES) return null;
        const added: Record<string, ContextValue> = {};
        chosen.forEach((i, j) => (added[keys[i]] = values[j]));
        if (request.evaluate({ ...request.context, ...added }).decision === "allowed") return added;
      }
    }
  }
  return null;
}
