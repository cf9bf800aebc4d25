/**
 * Effective permissions: every action of the catalog evaluated against the request's one
 * resource and context (the request's action is ignored). Within a sweep only the action
 * changes, so each statement's principal, resource and condition are judged once; per service
 * each statement then covers all, none or some actions, and only "some" is tested per action.
 * What the statements say becomes the same `Outcome` a single evaluation builds, and the same
 * `decide` (evaluate/decide.ts) combines the gates: there is no second decision here.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import type { AccessLevel, Catalog } from "./catalog/types";
import { ACCESS_LEVELS } from "./catalog/types";
import { statementCoverage, type CompiledPolicy, type CompiledStatement } from "./compile/policy";
import { actionName, type ActionName } from "./match/action";
import type { PrincipalGrant } from "./match/principal";
import { RequestContext } from "./context";
import { decide, emptyOutcome, GRANTS_STRONGEST_FIRST, type Outcome } from "./evaluate/decide";
import { rcpsApplyTo } from "./evaluate/rcp-services";
import { actionApplies, appliesBesidesAction } from "./evaluate/statement";
import { prepareRequest, type Prepared } from "./simulate";
import type { Decision, Gate, PolicyError } from "./types";
import type { ContextLookup } from "./variables";

export type SweepDecision = Exclude<Decision, "invalidPolicy">;
export type Counts = Record<SweepDecision, number>;

export interface SweepAction {
  /** Canonical case, e.g. "s3:GetObject". */
  action: string;
  accessLevel: AccessLevel;
  decision: SweepDecision;
  gate: Gate;
  level?: number;
}

export interface SweepService {
  prefix: string;
  name: string;
  counts: Counts;
  accessLevels: Record<AccessLevel, Counts>;
  actions: SweepAction[];
}

export type SweepResult =
  | { decision: "invalidPolicy"; errors: PolicyError[] }
  | { decision: "swept"; counts: Counts; services: SweepService[] };

/** The statements that decide one part of the outcome, e.g. "the boundary allows". */
type Slot = CompiledStatement[];

interface Slots {
  deny: Slot;
  rcpDeny: Slot;
  identity: Slot;
  boundary: Slot;
  session: Slot;
  scpLevels: Slot[];
  rcpLevels: Slot[];
  resource: Record<PrincipalGrant, Slot>;
}

/** A slot for one service: settled for every action, or the statements to test per action. */
type ServiceSlot = boolean | CompiledStatement[];

const zeroCounts = (): Counts => ({ allowed: 0, explicitDeny: 0, implicitDeny: 0 });

function forService(slot: Slot, service: string): ServiceSlot {
  const some: CompiledStatement[] = [];
  for (const statement of slot) {
    const coverage = statementCoverage(statement, service);
    if (coverage === "all") return true;
    if (coverage === "some") some.push(statement);
  }
  return some.length === 0 ? false : some;
}

function holds(slot: ServiceSlot, action: ActionName): boolean {
  if (typeof slot === "boolean") return slot;
  for (const statement of slot) if (actionApplies(statement, action)) return true;
  return false;
}

function collectSlots(prepared: Extract<Prepared, { ok: true }>, lookup: ContextLookup): Slots {
  const { compiled, request } = prepared;
  const { shape } = compiled;
  const slots: Slots = {
    deny: [],
    rcpDeny: [],
    identity: [],
    boundary: [],
    session: [],
    scpLevels: [],
    rcpLevels: [],
    resource: { everyone: [], direct: [], role: [], account: [] },
  };
  const add = (policies: readonly CompiledPolicy[], allow: Slot, deny: Slot, resource = false) => {
    for (const policy of policies) {
      for (const statement of policy.statements) {
        const grant = appliesBesidesAction(statement, shape, request.resource, lookup);
        if (grant === null) continue;
        if (statement.effect === "Deny") deny.push(statement);
        else (resource ? slots.resource[grant] : allow).push(statement);
      }
    }
  };
  add(compiled.identity, slots.identity, slots.deny);
  if (compiled.boundary) add([compiled.boundary], slots.boundary, slots.deny);
  if (compiled.session) add([compiled.session], slots.session, slots.deny);
  for (const level of compiled.scps ?? []) {
    const allow: Slot = [];
    add(level, allow, slots.deny);
    slots.scpLevels.push(allow);
  }
  for (const level of compiled.rcps ?? []) {
    const allow: Slot = [];
    add(level, allow, slots.rcpDeny);
    slots.rcpLevels.push(allow);
  }
  if (compiled.resourcePolicy) add([compiled.resourcePolicy], [], slots.deny, true);
  return slots;
}

// A module-level copy: read once per action below, and an imported binding may be a getter.
const GRANTS = GRANTS_STRONGEST_FIRST;

interface ServiceSlots {
  deny: ServiceSlot[];
  identity: ServiceSlot;
  boundary: ServiceSlot;
  session: ServiceSlot;
  scpLevels: ServiceSlot[];
  rcpLevels: ServiceSlot[];
  resource: ServiceSlot[];
}

function serviceSlots(slots: Slots, prefix: string): ServiceSlots {
  const rcps = rcpsApplyTo(prefix);
  return {
    deny: rcps ? [forService(slots.deny, prefix), forService(slots.rcpDeny, prefix)] : [forService(slots.deny, prefix)],
    identity: forService(slots.identity, prefix),
    boundary: forService(slots.boundary, prefix),
    session: forService(slots.session, prefix),
    scpLevels: slots.scpLevels.map((slot) => forService(slot, prefix)),
    rcpLevels: rcps ? slots.rcpLevels.map((slot) => forService(slot, prefix)) : [],
    resource: GRANTS.map((grant) => forService(slots.resource[grant], prefix)),
  };
}

/** True when no slot needs a per-action test: every action of the service shares one outcome. */
function settled(service: ServiceSlots): boolean {
  const all = [...service.deny, service.identity, service.boundary, service.session, ...service.scpLevels, ...service.rcpLevels, ...service.resource];
  return all.every((slot) => typeof slot === "boolean");
}

function firstFailing(levels: readonly ServiceSlot[], action: ActionName): number {
  for (let i = 0; i < levels.length; i++) if (!holds(levels[i], action)) return i;
  return -1;
}

/**
 * What the service's statements say about one action, written into `outcome` (one object per
 * sweep, reused: `decide` reads it and keeps nothing of it).
 */
function outcomeFor(service: ServiceSlots, action: ActionName, outcome: Outcome): Outcome {
  outcome.denied = false;
  outcome.resourceGrant = null;
  for (const slot of service.deny) if (holds(slot, action)) outcome.denied = true;
  outcome.identityAllow = holds(service.identity, action);
  outcome.boundaryAllow = holds(service.boundary, action);
  outcome.sessionAllow = holds(service.session, action);
  outcome.scpBlockedLevel = firstFailing(service.scpLevels, action);
  outcome.rcpBlockedLevel = firstFailing(service.rcpLevels, action);
  // The first grant that holds is the strongest, as `strongerGrant` ranks them.
  for (let i = 0; i < GRANTS.length && outcome.resourceGrant === null; i++) {
    if (holds(service.resource[i], action)) outcome.resourceGrant = GRANTS[i];
  }
  return outcome;
}

interface ActionNames {
  /** `service:Name` as the catalog spells it. */
  canonical: string[][];
  parsed: ActionName[][];
}

/** Full action names per service, built once per catalog (the catalog is immutable data). */
const namesByCatalog = new WeakMap<Catalog, ActionNames>();

/** Builds the per-catalog names now, so that the first sweep does not pay for them. */
export function prepareCatalog(catalog: Catalog): void {
  actionNames(catalog);
}

function actionNames(catalog: Catalog): ActionNames {
  let names = namesByCatalog.get(catalog);
  if (!names) {
    const canonical = catalog.services.map((service) => service.actions.map((action) => `${service.prefix}:${action.name}`));
    names = { canonical, parsed: canonical.map((list) => list.map(actionName)) };
    namesByCatalog.set(catalog, names);
  }
  return names;
}

export type SweepOutcome = { ok: true; result: SweepResult } | { ok: false; error: string };

/** Sweeps a raw request (FORMAT.md); its action is ignored. */
export function sweep(request: unknown, catalog: Catalog): SweepOutcome {
  const prepared = prepareRequest(request, "sweep");
  if (!prepared.ok) return prepared;
  return { ok: true, result: sweepPrepared(prepared, catalog) };
}

/** Sweeps a request already prepared with `prepareRequest(request, "sweep")`. */
export function sweepPrepared(prepared: Extract<Prepared, { ok: true }>, catalog: Catalog): SweepResult {
  if (prepared.errors.length > 0) return { decision: "invalidPolicy", errors: prepared.errors };
  const slots = collectSlots(prepared, new RequestContext(prepared.derived, prepared.request.context));
  const { shape } = prepared.compiled;
  const names = actionNames(catalog);
  const total = zeroCounts();
  const services: SweepService[] = [];
  const scratch = emptyOutcome();

  catalog.services.forEach((service, serviceIndex) => {
    const prefix = service.prefix;
    const perService = serviceSlots(slots, prefix);
    // STS actions are decided partly by name (GetCallerIdentity, AssumeRole*): walked one by one.
    const shared =
      settled(perService) && prefix !== "sts" ? decide(shape, outcomeFor(perService, actionName(prefix), scratch), actionName(prefix)) : null;
    const counts = zeroCounts();
    const accessLevels = {} as Record<AccessLevel, Counts>;
    for (const level of ACCESS_LEVELS) accessLevels[level] = zeroCounts();
    const actions: SweepAction[] = new Array<SweepAction>(service.actions.length);
    const parsed = names.parsed[serviceIndex];
    const canonical = names.canonical[serviceIndex];
    service.actions.forEach((action, i) => {
      const verdict = shared ?? decide(shape, outcomeFor(perService, parsed[i], scratch), parsed[i]);
      counts[verdict.decision]++;
      accessLevels[action.accessLevel][verdict.decision]++;
      const { decision, gate, level } = verdict;
      actions[i] = { action: canonical[i], accessLevel: action.accessLevel, decision, gate, level };
    });
    for (const decision of Object.keys(total) as SweepDecision[]) total[decision] += counts[decision];
    services.push({ prefix, name: service.name, counts, accessLevels, actions });
  });
  return { decision: "swept", counts: total, services };
}
