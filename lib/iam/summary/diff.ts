/**
 * diffPolicyAccess: how two versions of a policy differ in what they allow, action by action
 * over the whole catalog. Each version is read on its own, as its summary is: an action is
 * allowed when an Allow statement names it and no Deny statement takes it away everywhere
 * without condition; narrower denies and conditions are compared as written.
 */
import type { Catalog, CatalogService } from "../catalog/types";
import { matchService, readPolicy, type ReadPolicy } from "./statements";
import type { ActionChange, ChangeKind, PolicyAccessDiffResult, Scope, ScopeSet, ServiceDiff } from "./types";

interface Side {
  policy: ReadPolicy;
  /** A Deny on every resource without condition: nothing it names is allowed. */
  universalDenies: Set<number>;
  /** Memo of scope sets per shared position list (whole-service statements share one list). */
  scopes: WeakMap<readonly number[], Scope[]>;
  /** Memo of views per pair of lists: actions named by the same statements share one. */
  views: Map<readonly number[] | null, Map<readonly number[] | null, ActionView>>;
}

function sideOf(policy: ReadPolicy): Side {
  const universalDenies = new Set<number>();
  policy.statements.forEach((statement, position) => {
    const { resources, conditions } = statement;
    if (statement.effect === "Deny" && conditions.length === 0 && resources.element === "Resource" && resources.patterns.some((p) => /^\*+$/.test(p))) {
      universalDenies.add(position);
    }
  });
  return { policy, universalDenies, scopes: new WeakMap(), views: new Map() };
}

function scopesOf(side: Side, positions: readonly number[] | null): Scope[] {
  if (!positions) return [];
  let scopes = side.scopes.get(positions);
  if (!scopes) {
    const byKey = new Map<string, Scope>();
    for (const position of positions) {
      const { resources, conditions } = side.policy.statements[position];
      byKey.set(JSON.stringify([resources, conditions]), { resources, conditions });
    }
    scopes = [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, scope]) => scope);
    side.scopes.set(positions, scopes);
  }
  return scopes;
}

interface ActionView {
  allowed: boolean;
  set: ScopeSet | null;
  key: string;
}

function view(side: Side, allow: readonly number[] | null, deny: readonly number[] | null): ActionView {
  let byDeny = side.views.get(allow);
  if (!byDeny) side.views.set(allow, (byDeny = new Map()));
  let found = byDeny.get(deny);
  if (!found) byDeny.set(deny, (found = buildView(side, allow, deny)));
  return found;
}

function buildView(side: Side, allow: readonly number[] | null, deny: readonly number[] | null): ActionView {
  if (!allow && !deny) return { allowed: false, set: null, key: "" };
  const set = { allow: scopesOf(side, allow), deny: scopesOf(side, deny) };
  const allowed = allow !== null && !(deny ?? []).some((position) => side.universalDenies.has(position));
  return { allowed, set, key: JSON.stringify(set) };
}

const zero = (): Record<ChangeKind, number> => ({ gained: 0, lost: 0, changed: 0 });

function diffService(before: Side, after: Side, service: CatalogService): ServiceDiff | null {
  const matches = [
    matchService(before.policy, service, "Allow"),
    matchService(before.policy, service, "Deny"),
    matchService(after.policy, service, "Allow"),
    matchService(after.policy, service, "Deny"),
  ];
  if (matches.every((m) => m === null)) return null;
  const groups = new Map<string, ActionChange>();
  const counts = zero();
  service.actions.forEach((action, i) => {
    const [allowBefore, denyBefore, allowAfter, denyAfter] = matches.map((m) => m?.[i] ?? null);
    const was = view(before, allowBefore, denyBefore);
    const is = view(after, allowAfter, denyAfter);
    const change: ChangeKind | null = was.allowed !== is.allowed ? (is.allowed ? "gained" : "lost") : was.key !== is.key ? "changed" : null;
    if (!change) return;
    counts[change]++;
    const key = `${change}|${was.key}|${is.key}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { change, actions: [], before: was.set, after: is.set }));
    group.actions.push({ name: action.name, accessLevel: action.accessLevel });
  });
  if (groups.size === 0) return null;
  return { service: service.prefix, name: service.name, counts, changes: [...groups.values()] };
}

/** `before` and `after` are policy documents, as JSON text or parsed. */
export function diffPolicyAccess(before: unknown, after: unknown, catalog: Catalog): PolicyAccessDiffResult {
  const read = { before: readPolicy(before), after: readPolicy(after) };
  if ("unreadable" in read.before) return { kind: "unreadable", side: "before", message: read.before.unreadable };
  if ("unreadable" in read.after) return { kind: "unreadable", side: "after", message: read.after.unreadable };
  const sides = { before: sideOf(read.before), after: sideOf(read.after) };
  const counts = zero();
  const services: ServiceDiff[] = [];
  for (const service of catalog.services) {
    const diff = diffService(sides.before, sides.after, service);
    if (!diff) continue;
    services.push(diff);
    for (const change of ["gained", "lost", "changed"] as const) counts[change] += diff.counts[change];
  }
  return { kind: "diff", counts, services };
}
