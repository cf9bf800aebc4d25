/**
 * The symbolic verdict for one action from the statements that match it: grants merged by
 * scope, the status, and the layers that narrow it. Merged lists are cached by the set of
 * statements, so actions matched by the same statements share one array.
 */
import { grantIsUniversal, type SymbolicStatement } from "./symbolic";
import type { AccessStatus, Grant, Limit } from "./types";
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

export interface Verdict {
  status: AccessStatus;
  limitedBy: Limit[];
}

export class GrantMerger {
  private readonly merged = new Map<string, Merged>();
  private readonly limits = new Map<Merged, Map<LayerStatements, Limit>>();

  /** Statements with the same resources and conditions become one grant naming them all. */
  merge(statements: readonly SymbolicStatement[]): Merged {
    const key = statements.map((statement) => statement.id).join(",");
    let merged = this.merged.get(key);
    if (merged) return merged;
    const bySignature = new Map<string, Grant>();
    for (const statement of statements) {
      const same = bySignature.get(statement.signature);
      if (same) same.sources.push(...statement.grant.sources);
      else bySignature.set(statement.signature, statements.length === 1 ? statement.grant : { ...statement.grant, sources: [...statement.grant.sources] });
    }
    const grants = [...bySignature.values()];
    merged = { grants, universal: grants.some(grantIsUniversal) };
    this.merged.set(key, merged);
    return merged;
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

/**
 * Mirrors the engine's order (decide.ts): an unconditional deny on everything wins; then an
 * action needs an identity grant (the root user needs none) and a grant from every limit.
 */
export function judge(
  merger: GrantMerger,
  denies: Merged,
  identity: Merged | "rootUser",
  limits: readonly LayerStatements[],
  limitGrants: readonly Merged[],
): Verdict {
  if (denies.universal) return { status: "explicitlyDenied", limitedBy: [] };
  if (identity !== "rootUser" && identity.grants.length === 0) return { status: "notGranted", limitedBy: [] };
  const limitedBy: Limit[] = [];
  for (let i = 0; i < limits.length; i++) {
    const merged = limitGrants[i];
    if (merged.grants.length === 0) return { status: REMOVED[limits[i].layer], limitedBy: [merger.limit(limits[i], merged)] };
    if (!merged.universal) limitedBy.push(merger.limit(limits[i], merged));
  }
  const everywhere = (identity === "rootUser" || identity.universal) && denies.grants.length === 0 && limitedBy.length === 0;
  return { status: everywhere ? "allowed" : "conditional", limitedBy };
}
