/**
 * A concrete decision read from an analysis alone: the grants' patterns and condition clauses
 * are compiled with the engine's own compilers (once per grant), and combined as the engine
 * combines policies. Keys the principal settles were settled by the analysis, so a context value
 * for aws:username, aws:PrincipalTag/… and the like is not consulted for them (AWS sets those
 * keys itself; a request cannot bring its own).
 */
import { compileCondition, type CompiledCondition } from "../conditions/compile";
import { RequestContext } from "../context";
import { compileResourcePatterns, type ResourcePatterns } from "../match/resource";
import type { ContextValue, Decision } from "../types";
import type { ContextLookup } from "../variables";
import { isPrincipalKey } from "./substitute";
import type { ActionAccess, AnalyzedAccess, Grant } from "./types";

export type ConcreteDecision = Exclude<Decision, "invalidPolicy">;

/**
 * "No permissions are required to perform this operation", and no deny blocks it (AWS STS API
 * reference, GetCallerIdentity); the engine's decide.ts holds the same rule privately.
 */
export const ALWAYS_ALLOWED = "sts:getcalleridentity";

interface CompiledGrant {
  resources: ResourcePatterns;
  notResource: boolean;
  conditions: CompiledCondition[];
}

const compiledGrants = new WeakMap<Grant, CompiledGrant>();
const actionIndexes = new WeakMap<AnalyzedAccess, Map<string, ActionAccess>>();

function compileGrant(grant: Grant): CompiledGrant {
  let compiled = compiledGrants.get(grant);
  if (!compiled) {
    const conditions: CompiledCondition[] = [];
    for (const clause of grant.conditions) {
      const condition = compileCondition({ [clause.operator]: { [clause.key]: clause.values } }, true, "", []);
      if (condition) conditions.push(condition);
    }
    compiled = {
      // The analysis writes every pattern and value in the grammar of 2012-10-17.
      resources: compileResourcePatterns(grant.resources.patterns, true),
      notResource: grant.resources.element === "NotResource",
      conditions,
    };
    compiledGrants.set(grant, compiled);
  }
  return compiled;
}

function holds(grant: Grant, resource: string, lookup: ContextLookup): boolean {
  const compiled = compileGrant(grant);
  if (compiled.resources.matches(resource, lookup) === compiled.notResource) return false;
  return compiled.conditions.every((condition) => condition.test(lookup));
}

function anyHolds(grants: readonly Grant[], resource: string, lookup: ContextLookup): boolean {
  return grants.some((grant) => holds(grant, resource, lookup));
}

/** The request's context without the keys the principal settles. */
function requestLookup(context: Readonly<Record<string, ContextValue>>): ContextLookup {
  const given = new RequestContext(new Map(), context);
  return {
    get: (lowerKey) => (isPrincipalKey(lowerKey) ? undefined : given.get(lowerKey)),
    has: (lowerKey) => !isPrincipalKey(lowerKey) && given.has(lowerKey),
  };
}

function entryOf(analysis: AnalyzedAccess, action: string): ActionAccess | undefined {
  let index = actionIndexes.get(analysis);
  if (!index) {
    index = new Map();
    for (const service of analysis.services) {
      for (const level of service.accessLevels) {
        for (const entry of level.actions) index.set(entry.action.toLowerCase(), entry);
      }
    }
    actionIndexes.set(analysis, index);
  }
  return index.get(action.toLowerCase());
}

/**
 * The decision for one request of the analysed principal (identity side, same account), for an
 * action of the catalog the analysis was made with; any other action is an implicit deny.
 */
export function decideFromAnalysis(
  analysis: AnalyzedAccess,
  action: string,
  resource: string,
  context: Readonly<Record<string, ContextValue>>,
): ConcreteDecision {
  if (action.toLowerCase() === ALWAYS_ALLOWED) return "allowed";
  const entry = entryOf(analysis, action);
  if (!entry) return "implicitDeny";
  const lookup = requestLookup(context);
  if (anyHolds(entry.denies, resource, lookup)) return "explicitDeny";
  if (entry.status !== "allowed" && entry.status !== "conditional") return "implicitDeny";
  if (!analysis.rootUser && !anyHolds(entry.grants, resource, lookup)) return "implicitDeny";
  for (const limit of entry.limitedBy) if (!anyHolds(limit.grants, resource, lookup)) return "implicitDeny";
  return "allowed";
}
