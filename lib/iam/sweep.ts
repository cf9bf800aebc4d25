/**
 * Effective permissions: every action of the catalog evaluated against the request's one
 * resource and context (the request's action is ignored). Within a sweep only the action
 * changes, so each statement's principal, resource and condition are judged once; per service
 * each statement then covers all, none or some actions, and only "some" is tested per action.
 */
import type { AccessLevel, Catalog } from "./catalog/types";
import { ACCESS_LEVELS } from "./catalog/types";
import type { CompiledPolicy, CompiledStatement } from "./compile/policy";
import type { Coverage } from "./match/action";
import type { PrincipalGrant } from "./match/principal";
import { buildContext } from "./principal";
import { decide, emptyOutcome, type Outcome } from "./evaluate/decide";
import { rcpsApplyTo } from "./evaluate/rcp-services";
import { actionApplies, principalGrant, resourceApplies } from "./evaluate/statement";
import type { Prepared } from "./simulate";
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

function statementCoverage(statement: CompiledStatement, service: string): Coverage {
  const coverage = statement.actions.coverage(service);
  if (!statement.notAction || coverage === "some") return coverage;
  return coverage === "all" ? "none" : "all";
}

function forService(slot: Slot, service: string): ServiceSlot {
  const some: CompiledStatement[] = [];
  for (const statement of slot) {
    const coverage = statementCoverage(statement, service);
    if (coverage === "all") return true;
    if (coverage === "some") some.push(statement);
  }
  return some.length === 0 ? false : some;
}

function holds(slot: ServiceSlot, lowerAction: string): boolean {
  if (typeof slot === "boolean") return slot;
  for (const statement of slot) if (actionApplies(statement, lowerAction)) return true;
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
        const grant = principalGrant(statement, shape);
        if (grant === null || !resourceApplies(statement, request.resource, lookup)) continue;
        if (statement.condition && !statement.condition.test(lookup)) continue;
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

const GRANTS: readonly PrincipalGrant[] = ["everyone", "direct", "role", "account"];

export function sweep(prepared: Extract<Prepared, { ok: true }>, catalog: Catalog): SweepResult {
  if (prepared.errors.length > 0) return { decision: "invalidPolicy", errors: prepared.errors };
  const context = buildContext(prepared.caller, prepared.request.context);
  const slots = collectSlots(prepared, (key) => context.get(key));
  const { shape } = prepared.compiled;
  const total = zeroCounts();
  const services: SweepService[] = [];

  for (const service of catalog.services) {
    const prefix = service.prefix;
    const rcps = rcpsApplyTo(prefix);
    const deny = [forService(slots.deny, prefix), ...(rcps ? [forService(slots.rcpDeny, prefix)] : [])];
    const identity = forService(slots.identity, prefix);
    const boundary = forService(slots.boundary, prefix);
    const session = forService(slots.session, prefix);
    const scpLevels = slots.scpLevels.map((slot) => forService(slot, prefix));
    const rcpLevels = rcps ? slots.rcpLevels.map((slot) => forService(slot, prefix)) : [];
    const resource = GRANTS.map((grant) => [grant, forService(slots.resource[grant], prefix)] as const);

    const counts = zeroCounts();
    const accessLevels = Object.fromEntries(ACCESS_LEVELS.map((level) => [level, zeroCounts()])) as Record<AccessLevel, Counts>;
    const actions: SweepAction[] = [];
    for (const action of service.actions) {
      const lowerAction = `${prefix}:${action.name.toLowerCase()}`;
      const outcome: Outcome = emptyOutcome();
      outcome.denied = deny.some((slot) => holds(slot, lowerAction));
      outcome.identityAllow = holds(identity, lowerAction);
      outcome.boundaryAllow = holds(boundary, lowerAction);
      outcome.sessionAllow = holds(session, lowerAction);
      outcome.scpBlockedLevel = scpLevels.findIndex((slot) => !holds(slot, lowerAction));
      outcome.rcpBlockedLevel = rcpLevels.findIndex((slot) => !holds(slot, lowerAction));
      outcome.resourceGrant = resource.find(([, slot]) => holds(slot, lowerAction))?.[0] ?? null;
      const verdict = decide(shape, outcome, lowerAction);
      counts[verdict.decision]++;
      accessLevels[action.accessLevel][verdict.decision]++;
      actions.push({ action: `${prefix}:${action.name}`, accessLevel: action.accessLevel, ...verdict });
    }
    for (const decision of Object.keys(total) as SweepDecision[]) total[decision] += counts[decision];
    services.push({ prefix, name: service.name, counts, accessLevels, actions });
  }
  return { decision: "swept", counts: total, services };
}
