/**
 * A concrete decision read from an analysis alone: the grants' patterns and condition clauses
 * are compiled with the engine's own compilers (once per grant), and combined as the engine
 * combines policies. Keys the principal settles were settled by the analysis, so a context value
 * for aws:username, aws:PrincipalTag/… and the like is not consulted for them (AWS sets those
 * keys itself; a request cannot bring its own).
 */
import { compileCondition, type CompiledCondition } from "../conditions/compile";
import { RequestContext } from "../context";
import { decide, emptyOutcome, isAlwaysAllowed } from "../evaluate/decide";
import { parseCaller } from "../principal";
import { actionName } from "../match/action";
import { compileResourcePatterns, type ResourcePatterns } from "../match/resource";
import type { ContextValue, Decision } from "../types";
import type { ContextLookup } from "../variables";
import { isPrincipalKey } from "./substitute";
import type { ActionAccess, AnalyzedAccess, Grant } from "./types";

export type ConcreteDecision = Exclude<Decision, "invalidPolicy">;

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
 * action of the catalog the analysis was made with; any other action is an implicit deny. Each
 * layer's grants are tested against the request and the engine's own `decide` combines them.
 */
export function decideFromAnalysis(
  analysis: AnalyzedAccess,
  action: string,
  resource: string,
  context: Readonly<Record<string, ContextValue>>,
): ConcreteDecision {
  const name = actionName(action);
  const entry = entryOf(analysis, action);
  const caller = parseCaller({ arn: analysis.principal.arn, tags: {} });
  if (!entry || !caller) return isAlwaysAllowed(name) ? "allowed" : "implicitDeny";
  const lookup = requestLookup(context);
  const outcome = emptyOutcome();
  outcome.denied = anyHolds(entry.denies, resource, lookup);
  outcome.identityAllow = anyHolds(entry.grants, resource, lookup);
  // A layer the analysis leaves out allows everywhere, so every layer is taken as present and
  // allowing unless one of its listed grants must hold and none does.
  outcome.boundaryAllow = true;
  outcome.sessionAllow = true;
  for (const limit of entry.limitedBy) {
    const holds = anyHolds(limit.grants, resource, lookup);
    if (limit.layer === "boundary") outcome.boundaryAllow = holds;
    else if (limit.layer === "session") outcome.sessionAllow = holds;
    else if (!holds && outcome.scpBlockedLevel < 0) outcome.scpBlockedLevel = limit.level ?? 0;
  }
  // A removed action's one listed limit allows nothing the identity grants, whatever the
  // request (its scopes do not overlap): no request is allowed.
  if (entry.status !== "allowed" && entry.status !== "conditional" && entry.status !== "explicitlyDenied") outcome.identityAllow = false;
  const shape = { caller, crossAccount: false, hasBoundary: true, hasSessionPolicy: true, hasResourcePolicy: false, resourceIsRole: false };
  return decide(shape, outcome, name).decision;
}
