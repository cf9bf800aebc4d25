/**
 * analyzeAccess: for each action of the catalog, where the principal may perform it, kept
 * symbolic. Policies are compiled once by the engine; per service each statement then covers
 * all, none or some of the service's actions (the sweep's trick), so a NotAction statement is
 * matched per service, not per action, and services whose statements all cover all-or-none
 * are judged once for all their actions.
 */
import type { Catalog } from "../catalog/types";
import { isAlwaysAllowed } from "../evaluate/decide";
import { actionName, type ActionName } from "../match/action";
import { prepareRequest } from "../simulate";
import { collectLayers } from "./layers";
import { layerFor, planService, type ServicePlan } from "./plan";
import { GrantMerger, Judge, type Entry, type Merged } from "./judge";
import { summarize } from "./summary";
import type { AccessAnalysis, AccessInput, ActionAccess } from "./types";

/**
 * The entry for one action (in a settled service, for every action). `limits` is a buffer
 * reused from action to action, one slot per limit layer.
 */
function entryFor(plan: ServicePlan, judge: Judge, merger: GrantMerger, action: ActionName, limits: Merged[]): Entry | null {
  const denies = layerFor(plan.denies, action, merger);
  const identity = plan.identity === null ? "rootUser" : layerFor(plan.identity, action, merger);
  for (let i = 0; i < plan.limits.length; i++) limits[i] = layerFor(plan.limits[i], action, merger);
  return judge.entry(denies, identity, limits);
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
  const judge = new Judge(merger, layers.limits);
  const names = actionNames(catalog);
  const limits = new Array<Merged>(layers.limits.length);
  const entries: (ActionAccess | null)[][] = catalog.services.map((service, serviceIndex) => {
    const plan = planService(layers, service.prefix, merger);
    const parsed = names.parsed[serviceIndex];
    const canonical = names.canonical[serviceIndex];
    // In a settled service any action stands for all of them.
    const shared = plan.settled && parsed.length > 0 ? entryFor(plan, judge, merger, parsed[0], limits) : undefined;
    const { prefix } = service;
    return service.actions.map((action, i) => {
      const entry = shared === undefined ? entryFor(plan, judge, merger, parsed[i], limits) : shared;
      if (isAlwaysAllowed(parsed[i])) {
        // No deny or limit reaches it: show only what grants it.
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
