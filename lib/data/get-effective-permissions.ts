import "server-only";
import { loadCatalog, loadCatalogIndex } from "@/lib/catalog/load";
import { getPrincipalPolicies, type PrincipalPolicies } from "@/lib/data/get-principal-policies";
import { analyzeAccess, describeCounts, unreachableGrant, type CatalogIndex, type AccessLevelAccess, type ActionAccess, type AnalyzedAccess, type Grant, type StatementRef, type PolicyError } from "@/lib/iam";
import type { AccessLevelView, ActionGroup, EffectivePermissionsResult, PrincipalPanelKind, Scope, ServiceView, StatementSource } from "@/lib/schemas/access";

/**
 * Turns the engine's grant lists into shared, indexed scopes. The analysis hands out the same
 * array for every action matched by the same statements, so identity is the key.
 */
class ScopeTable {
  readonly scopes: Scope[][] = [[]];
  private readonly index = new Map<readonly Grant[], number>();

  constructor(private readonly policyOf: (ref: StatementRef) => number) {}

  of(grants: readonly Grant[]): number {
    if (grants.length === 0) return 0;
    let id = this.index.get(grants);
    if (id === undefined) {
      id = this.scopes.length;
      this.scopes.push(grants.map((grant) => ({ resources: grant.resources, conditions: grant.conditions, sources: grant.sources.map((ref) => this.source(ref)) })));
      this.index.set(grants, id);
    }
    return id;
  }

  private source(ref: StatementRef): StatementSource {
    return { policy: this.policyOf(ref), statement: ref.statementIndex, sid: ref.sid };
  }
}

/** Actions with the same verdict share a group; the key is built from scope indexes only. */
function groupActions(level: AccessLevelAccess, table: ScopeTable): ActionGroup[] {
  const groups = new Map<string, ActionGroup>();
  for (const action of level.actions) {
    const group = groupFor(action, table, groups);
    group.actions.push(action.action.slice(action.service.length + 1));
  }
  const list = [...groups.values()];
  for (const group of list) addNearMisses(group, level.actions[0]?.service ?? "", table, loadCatalogIndex());
  return list;
}

/** Near misses shown per group, at most. */
const GROUP_NEAR_MISSES = 5;

/** Granted ARNs that fit none of an action's resource types: the grant looks like access and never is. */
function addNearMisses(group: ActionGroup, service: string, table: ScopeTable, catalog: CatalogIndex): void {
  if (group.status !== "allowed" && group.status !== "conditional") return;
  const patterns = [...new Set((table.scopes[group.grants] ?? []).filter((scope) => scope.resources.element === "Resource").flatMap((scope) => scope.resources.patterns))];
  if (patterns.length === 0) return;
  // Bucket-for-object misses first: the commonest lesson (arn:aws:s3:::NAME is not its objects).
  const buckets: NonNullable<ActionGroup["nearMisses"]> = [];
  const others: NonNullable<ActionGroup["nearMisses"]> = [];
  for (const name of group.actions) {
    const misses = patterns.map((pattern) => unreachableGrant(catalog, `${service}:${name}`, pattern));
    // One granted ARN that can apply (arn:aws:s3:::b/* beside arn:aws:s3:::b) makes the grant real.
    if (misses.some((miss) => miss === null)) continue;
    for (const miss of misses) if (miss) (miss.bucketObject ? buckets : others).push({ action: miss.action, pattern: miss.pattern, text: miss.text });
    if (buckets.length >= GROUP_NEAR_MISSES) break;
  }
  const found = [...buckets, ...others].slice(0, GROUP_NEAR_MISSES);
  if (found.length > 0) group.nearMisses = found;
}

function groupFor(action: ActionAccess, table: ScopeTable, groups: Map<string, ActionGroup>): ActionGroup {
  const grants = table.of(action.grants);
  const denies = table.of(action.denies);
  const limits = action.limitedBy.map((limit) => ({ layer: limit.layer, ...(limit.level === undefined ? {} : { level: limit.level }), scopes: table.of(limit.grants) }));
  const key = `${action.status}|${grants}|${denies}|${limits.map((l) => `${l.layer}${l.level ?? ""}:${l.scopes}`).join(",")}`;
  let group = groups.get(key);
  if (!group) groups.set(key, (group = { status: action.status, grants, denies, limits, actions: [] }));
  return group;
}

function toServices(analysis: AnalyzedAccess, table: ScopeTable): ServiceView[] {
  return analysis.services.map((service) => ({
    service: service.service,
    name: service.name,
    access: service.access,
    total: service.total,
    counts: service.counts,
    accessLevels: service.accessLevels.map(
      (level): AccessLevelView => ({ accessLevel: level.accessLevel, access: level.access, total: level.total, counts: level.counts, groups: groupActions(level, table) }),
    ),
  }));
}

/** The policy a statement of the request came from: identity policies by index, then the boundary. */
const policyIndexOf = (inputs: PrincipalPolicies) => (ref: { source: string; policyIndex: number }) =>
  ref.source === "boundary" ? inputs.identity.length : ref.policyIndex;

/** `identityPolicies[3]` → 3, `permissionsBoundary` → the boundary's index. */
function errorPolicy(inputs: PrincipalPolicies, error: PolicyError): number | null {
  if (error.document === "permissionsBoundary") return inputs.identity.length;
  const match = /^identityPolicies\[(\d+)\]$/.exec(error.document);
  return match ? Number(match[1]) : null;
}

/**
 * The effective permissions of a user or role (or what a group's members receive from it):
 * every action of the catalog the principal's policies mention, by service and access level,
 * each with the resources, conditions and statements behind it. No SCPs yet: accounts are in no
 * organization, so `scps` is null; the analysis already handles levels when they come.
 */
export async function getEffectivePermissions(kind: PrincipalPanelKind, accountId: string, name: string): Promise<EffectivePermissionsResult> {
  const inputs = await getPrincipalPolicies(kind, accountId, name);
  const policies = inputs.boundary ? [...inputs.identity, inputs.boundary] : inputs.identity;
  const principal = { kind, name: inputs.name, arn: inputs.arn, analyzedAs: inputs.principalArn };
  const analysis = analyzeAccess(
    {
      principal: { arn: inputs.principalArn, tags: inputs.tags },
      identityPolicies: inputs.identityPolicies,
      permissionsBoundary: inputs.permissionsBoundary,
      scps: null,
      sessionPolicy: null,
    },
    loadCatalog(),
  );
  if (analysis.kind === "invalidPolicy") {
    const errors = analysis.errors.map((error) => ({ policy: errorPolicy(inputs, error), message: error.message, path: error.path }));
    return { kind: "invalidPolicy", principal, policies, errors };
  }
  // Users, roles and the group stand-in are ARNs the engine reads; anything else is a bug here.
  if (analysis.kind === "invalidRequest") throw new Error(`Effective permissions of ${inputs.arn}: ${analysis.error}`);
  const table = new ScopeTable(policyIndexOf(inputs));
  const services = toServices(analysis, table);
  return { kind: "analyzed", principal, policies, scopes: table.scopes, counts: analysis.counts, summary: describeCounts(analysis.counts), services };
}
