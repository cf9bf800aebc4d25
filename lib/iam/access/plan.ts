/**
 * Per service, what each layer says before looking at single actions (the sweep's trick): a
 * statement covers all, none or some of the service's actions. A layer whose statements cover
 * all-or-none is settled once for the whole service; only "some" statements are matched per
 * action, so a NotAction statement costs one coverage test per service, not one per action.
 */
import type { CompiledStatement } from "../compile/policy";
import type { ActionName, Coverage } from "../match/action";
import type { GrantMerger, Merged } from "./judge";
import type { AccessLayers } from "./layers";
import type { SymbolicStatement } from "./symbolic";

interface Relevant {
  statement: SymbolicStatement;
  /** Covers every action of the service: no per-action test. */
  always: boolean;
}

/** Settled for every action of the service, or the statements to test per action. */
export type LayerPlan = { settled: Merged } | { relevant: Relevant[] };

export interface ServicePlan {
  denies: LayerPlan;
  /** Null when the plan asks for no identity grant (the account root user). */
  identity: LayerPlan | null;
  limits: LayerPlan[];
  /** Every layer settled: one verdict for all the service's actions. */
  settled: boolean;
}

function coverage(statement: CompiledStatement, service: string): Coverage {
  const covered = statement.actions.coverage(service);
  if (!statement.notAction || covered === "some") return covered;
  return covered === "all" ? "none" : "all";
}

function planLayer(statements: readonly SymbolicStatement[], service: string, merger: GrantMerger): LayerPlan {
  const relevant: Relevant[] = [];
  let settled = true;
  for (const statement of statements) {
    const covered = coverage(statement.compiled, service);
    if (covered === "none") continue;
    relevant.push({ statement, always: covered === "all" });
    if (covered === "some") settled = false;
  }
  return settled ? { settled: merger.merge(relevant.map((entry) => entry.statement)) } : { relevant };
}

export function planService(layers: AccessLayers, service: string, merger: GrantMerger): ServicePlan {
  const denies = planLayer(layers.denies, service, merger);
  const identity = layers.identityRequired ? planLayer(layers.identity, service, merger) : null;
  const limits = layers.limits.map((limit) => planLayer(limit.statements, service, merger));
  const settled = [denies, identity, ...limits].every((plan) => plan === null || "settled" in plan);
  return { denies, identity, limits, settled };
}

/** The merged grants of a layer for one action. */
export function layerFor(plan: LayerPlan, action: ActionName, merger: GrantMerger): Merged {
  if ("settled" in plan) return plan.settled;
  let node = merger.root;
  for (const { statement, always } of plan.relevant) {
    if (always || statement.compiled.actions.matches(action) !== statement.compiled.notAction) node = merger.next(node, statement);
  }
  return merger.mergedAt(node);
}
