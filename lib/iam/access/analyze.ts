/**
 * analyzeAccess: for each action of the catalog, where the principal may perform it, kept
 * symbolic. Policies are compiled once by the engine; per service each statement then covers
 * all, none or some of the service's actions (the sweep's trick), so a NotAction statement is
 * matched per service, not per action, and services whose statements all cover all-or-none
 * are judged once for all their actions.
 */
import type { Catalog } from "../catalog/types";
import type { CompiledStatement } from "../compile/policy";
import { ALWAYS_ALLOWED } from "../evaluate/decide";
import { actionName, type ActionName, type Coverage } from "../match/action";
import { prepareRequest } from "../simulate";
import { collectLayers, type AccessLayers } from "./layers";
import { GrantMerger, judge, type Merged } from "./judge";
import { summarize } from "./summary";
import type { SymbolicStatement } from "./symbolic";
import type { AccessAnalysis, AccessInput, ActionAccess } from "./types";

interface Relevant {
  statement: SymbolicStatement;
  /** Covers every action of the service: no per-action test. */
  always: boolean;
}

interface ServicePlan {
  denies: Relevant[];
  identity: Relevant[];
  limits: Relevant[][];
  /** No statement needs a per-action test: one verdict for the whole service. */
  settled: boolean;
}

function coverage(statement: CompiledStatement, service: string): Coverage {
  const covered = statement.actions.coverage(service);
  if (!statement.notAction || covered === "some") return covered;
  return covered === "all" ? "none" : "all";
}

function relevantTo(statements: readonly SymbolicStatement[], service: string): Relevant[] {
  const relevant: Relevant[] = [];
  for (const statement of statements) {
    const covered = coverage(statement.compiled, service);
    if (covered !== "none") relevant.push({ statement, always: covered === "all" });
  }
  return relevant;
}

function plan(layers: AccessLayers, service: string): ServicePlan {
  const denies = relevantTo(layers.denies, service);
  const identity = relevantTo(layers.identity, service);
  const limits = layers.limits.map((limit) => relevantTo(limit.statements, service));
  const settled = [denies, identity, ...limits].every((list) => list.every((entry) => entry.always));
  return { denies, identity, limits, settled };
}

function matching(relevant: readonly Relevant[], action: ActionName | null): SymbolicStatement[] {
  const statements: SymbolicStatement[] = [];
  for (const { statement, always } of relevant) {
    if (always || (action !== null && statement.compiled.actions.matches(action) !== statement.compiled.notAction)) {
      statements.push(statement);
    }
  }
  return statements;
}

type Entry = Omit<ActionAccess, "service" | "action" | "accessLevel">;

/** The entry for one action, or for every action of a settled service (action null). */
function entryFor(layers: AccessLayers, servicePlan: ServicePlan, merger: GrantMerger, action: ActionName | null): Entry | null {
  const denies = merger.merge(matching(servicePlan.denies, action));
  const identity: Merged | "rootUser" = layers.rootUser ? "rootUser" : merger.merge(matching(servicePlan.identity, action));
  const limitGrants = servicePlan.limits.map((relevant) => merger.merge(matching(relevant, action)));
  const verdict = judge(merger, denies, identity, layers.limits, limitGrants);
  // Unmentioned actions need no entry; a deny is kept even without a grant, because it turns
  // the decision from an implicit into an explicit deny.
  if (verdict.status === "notGranted" && denies.grants.length === 0) return null;
  const grants = identity === "rootUser" ? [] : identity.grants;
  return { status: verdict.status, grants, denies: denies.grants, limitedBy: verdict.limitedBy };
}

interface ActionNames {
  canonical: string[][];
  parsed: ActionName[][];
}

/** Full action names per service, built once per catalog (the catalog is immutable data). */
const namesByCatalog = new WeakMap<Catalog, ActionNames>();

function actionNames(catalog: Catalog): ActionNames {
  let names = namesByCatalog.get(catalog);
  if (!names) {
    const canonical = catalog.services.map((service) => service.actions.map((action) => `${service.prefix}:${action.name}`));
    names = { canonical, parsed: canonical.map((list) => list.map(actionName)) };
    namesByCatalog.set(catalog, names);
  }
  return names;
}

export function analyzeAccess(input: AccessInput, catalog: Catalog): AccessAnalysis {
  // Identity side only: the request has no resource, resource-based policy or RCPs.
  const request = { ...input, rcps: null, resourcePolicy: null, resourceAccount: null, action: "", resource: "*", context: {} };
  const prepared = prepareRequest(request, "sweep");
  if (!prepared.ok) return { kind: "invalidRequest", error: prepared.error };
  if (prepared.errors.length > 0) return { kind: "invalidPolicy", errors: prepared.errors };

  const layers = collectLayers(prepared);
  const merger = new GrantMerger();
  const names = actionNames(catalog);
  const entries: (ActionAccess | null)[][] = catalog.services.map((service, serviceIndex) => {
    const servicePlan = plan(layers, service.prefix);
    const parsed = names.parsed[serviceIndex];
    const canonical = names.canonical[serviceIndex];
    const shared = servicePlan.settled ? entryFor(layers, servicePlan, merger, null) : undefined;
    return service.actions.map((action, i) => {
      const entry = shared === undefined ? entryFor(layers, servicePlan, merger, parsed[i]) : shared;
      const { prefix } = service;
      if (parsed[i].lower === ALWAYS_ALLOWED) {
        // Denies and limits do not reach it (decide.ts): show only what grants it.
        const grants = entry?.grants ?? [];
        return { service: prefix, action: canonical[i], accessLevel: action.accessLevel, status: "allowed", grants, denies: [], limitedBy: [], alwaysAllowed: true };
      }
      if (entry === null) return null;
      const { status, grants, denies, limitedBy } = entry;
      return { service: prefix, action: canonical[i], accessLevel: action.accessLevel, status, grants, denies, limitedBy };
    });
  });
  return {
    kind: "analyzed",
    principal: { arn: prepared.caller.arn, kind: prepared.caller.kind },
    rootUser: layers.rootUser,
    ...summarize(catalog, entries),
  };
}
