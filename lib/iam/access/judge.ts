/**
 * The symbolic verdict for one action from the statements that match it: grants merged by
 * scope, the status, and the layers that narrow it. Merged lists and entries are cached, so
 * actions matched by the same statements share one object.
 */
import { scopesMayOverlap } from "./overlap";
import { grantIsUniversal, type SymbolicStatement } from "./symbolic";
import type { AccessStatus, ActionAccess, Grant, Limit } from "./types";
import type { LayerStatements } from "./layers";

export interface Merged {
  grants: Grant[];
  /** Some grant covers every resource under every context. */
  universal: boolean;
}

const REMOVED: Record<Limit["layer"], AccessStatus> = {
  scp: "removedByScp",
  boundary: "removedByBoundary",
  session: "removedBySessionPolicy",
};

/** A node of the merge trie: the statements on the path from the root, in order. */
export interface MergeNode {
  statements: SymbolicStatement[];
  next: Map<SymbolicStatement, MergeNode>;
  merged: Merged | null;
}

function build(statements: readonly SymbolicStatement[]): Merged {
  if (statements.length === 1) return { grants: [statements[0].grant], universal: statements[0].universal };
  const bySignature = new Map<string, Grant>();
  for (const statement of statements) {
    const same = bySignature.get(statement.signature);
    if (same) same.sources.push(...statement.grant.sources);
    else bySignature.set(statement.signature, { ...statement.grant, sources: [...statement.grant.sources] });
  }
  const grants = [...bySignature.values()];
  return { grants, universal: grants.some(grantIsUniversal) };
}

/**
 * Merges lists of statements, each distinct list once. Lists are paths through a trie keyed by
 * statement, so a caller can walk it while matching (`next`) and build no list or key at all.
 */
export class GrantMerger {
  readonly root: MergeNode = { statements: [], next: new Map(), merged: { grants: [], universal: false } };
  private readonly limits = new Map<Merged, Map<LayerStatements, Limit>>();

  next(node: MergeNode, statement: SymbolicStatement): MergeNode {
    let next = node.next.get(statement);
    if (!next) node.next.set(statement, (next = { statements: [...node.statements, statement], next: new Map(), merged: null }));
    return next;
  }

  /** Statements with the same resources and conditions become one grant naming them all. */
  mergedAt(node: MergeNode): Merged {
    node.merged ??= build(node.statements);
    return node.merged;
  }

  merge(statements: readonly SymbolicStatement[]): Merged {
    let node = this.root;
    for (const statement of statements) node = this.next(node, statement);
    return this.mergedAt(node);
  }

  /** One Limit object per layer and grant list, shared by the actions that have them. */
  limit(layer: LayerStatements, merged: Merged): Limit {
    let byLayer = this.limits.get(merged);
    if (!byLayer) this.limits.set(merged, (byLayer = new Map()));
    let limit = byLayer.get(layer);
    if (!limit) {
      limit = { layer: layer.layer, ...(layer.level === undefined ? {} : { level: layer.level }), grants: merged.grants };
      byLayer.set(layer, limit);
    }
    return limit;
  }
}

/** An action's entry without its names. */
export type Entry = Pick<ActionAccess, "status" | "grants" | "denies" | "limitedBy">;

type Identity = Merged | "rootUser";

interface EntryNode {
  next: Map<Identity, EntryNode>;
  /** Undefined until computed; null for an action that needs no entry. */
  entry?: Entry | null;
}

const NO_GRANTS: Grant[] = [];

/** Some resource both lists grant on (conditions are taken as satisfiable). */
function overlaps(grants: readonly Grant[], limits: readonly Grant[]): boolean {
  return grants.some((grant) => limits.some((limit) => scopesMayOverlap(grant.resources, limit.resources)));
}

/**
 * Judges each distinct combination of merged layers once: the actions that share it (often a
 * whole service) share one entry, found through a trie keyed by the layers' merged lists.
 */
export class Judge {
  private readonly root: EntryNode = { next: new Map() };

  constructor(
    private readonly merger: GrantMerger,
    private readonly limits: readonly LayerStatements[],
  ) {}

  entry(denies: Merged, identity: Identity, limitGrants: readonly Merged[]): Entry | null {
    let node = this.step(this.step(this.root, denies), identity);
    for (const merged of limitGrants) node = this.step(node, merged);
    if (node.entry === undefined) node.entry = this.judge(denies, identity, limitGrants);
    return node.entry;
  }

  private step(node: EntryNode, key: Identity): EntryNode {
    let next = node.next.get(key);
    if (!next) node.next.set(key, (next = { next: new Map() }));
    return next;
  }

  /**
   * The layers are the checks of the engine's plan (layers.ts reads them from `gatePlan`), so an
   * action is allowed for a request exactly when no deny holds, an identity grant holds (when the
   * plan asks for one) and a grant of every limit holds, as `decide` finds. The status names one
   * reason for a whole set of requests, so it ranks them: an unconditional deny on everything,
   * then no identity grant at all ("notGranted"), then the first limit, in the plan's order, that
   * takes the grants away ("removedBy…" means granted, then removed). For any one request the
   * decision is the same whichever failing check is named; only the gate quoted differs.
   * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
   */
  private judge(denies: Merged, identity: Identity, limitGrants: readonly Merged[]): Entry | null {
    const grants = identity === "rootUser" ? NO_GRANTS : identity.grants;
    const entry = (status: AccessStatus, limitedBy: Limit[] = []): Entry => ({ status, grants, denies: denies.grants, limitedBy });
    if (denies.universal) return entry("explicitlyDenied");
    if (identity !== "rootUser" && identity.grants.length === 0) {
      // Unmentioned actions need no entry; a deny is kept even without a grant, because it
      // turns the decision from an implicit into an explicit deny.
      return denies.grants.length === 0 ? null : entry("notGranted");
    }
    const limitedBy: Limit[] = [];
    for (let i = 0; i < this.limits.length; i++) {
      const merged = limitGrants[i];
      const limit = this.merger.limit(this.limits[i], merged);
      // A layer removes the action when it allows nothing, or nothing the identity grants.
      if (merged.grants.length === 0 || (identity !== "rootUser" && !overlaps(identity.grants, merged.grants))) {
        return entry(REMOVED[this.limits[i].layer], [limit]);
      }
      if (!merged.universal) limitedBy.push(limit);
    }
    const everywhere = (identity === "rootUser" || identity.universal) && denies.grants.length === 0 && limitedBy.length === 0;
    return entry(everywhere ? "allowed" : "conditional", limitedBy);
  }
}
