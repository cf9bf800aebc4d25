import "server-only";
import { db } from "@/lib/db";
import { parseStoredDocument } from "@/lib/data/principal-policy-documents";
import type { Tx } from "@/lib/data/write";
import { compilePolicy, parseCaller, type CallerIdentity, type CompiledPolicy } from "@/lib/iam";
import type { PolicyRef } from "@/lib/schemas/who-can";

/**
 * Every principal of every account with its compiled policies, read in a few whole-table
 * queries (attachments, memberships, inline policies, tags) instead of one query per principal.
 * Each distinct document is compiled once: managed policies are kept compiled per
 * (policy id, version), which never changes once written; inline documents per text.
 */

export interface HeldPolicy {
  meta: PolicyRef;
  compiled: CompiledPolicy;
  /** For a user: the group the policy comes through. */
  viaGroup: string | null;
}

export interface InventoryPrincipal {
  kind: "user" | "role";
  accountId: string;
  name: string;
  arn: string;
  caller: CallerIdentity;
  identity: HeldPolicy[];
  boundary: HeldPolicy | null;
}

export interface InventoryRole extends InventoryPrincipal {
  kind: "role";
  trust: HeldPolicy;
  trustText: string;
}

export interface Inventory {
  accountIds: string[];
  users: InventoryPrincipal[];
  roles: InventoryRole[];
}

const MAX_COMPILED = 8_000;
const compiledManaged = new Map<string, CompiledPolicy>();
const compiledText = new Map<string, CompiledPolicy>();

function remember(cache: Map<string, CompiledPolicy>, key: string, compiled: CompiledPolicy): CompiledPolicy {
  // Maps iterate in insertion order: drop the oldest entry to keep a fixed footprint.
  if (cache.size >= MAX_COMPILED) cache.delete(cache.keys().next().value!);
  cache.set(key, compiled);
  return compiled;
}

/** Inline and trust documents are stored as text; identical texts share one compilation. */
function compileText(text: string): CompiledPolicy {
  return compiledText.get(text) ?? remember(compiledText, text, compilePolicy(text));
}

interface ManagedRow {
  id: string;
  name: string;
  arn: string;
  awsManaged: boolean;
  defaultVersionId: string;
}

/**
 * The compiled default version of each policy id, reading only documents not yet compiled.
 * Versions are read by policy id (a list Prisma splits to fit SQLite's parameter limit, which
 * a list of (id, version) pairs would overflow) and the default one kept.
 */
async function compileManaged(tx: Tx, ids: ReadonlySet<string>): Promise<Map<string, { row: ManagedRow; compiled: CompiledPolicy }>> {
  const rows = await tx.policy.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true, arn: true, awsManaged: true, defaultVersionId: true } });
  const key = (policyId: string, versionId: string) => `${policyId}\u0000${versionId}`;
  const missing = rows.filter((row) => !compiledManaged.has(key(row.id, row.defaultVersionId)));
  // Read here and kept aside: the bounded cache may drop an entry before this request is done.
  const fresh = new Map<string, CompiledPolicy>();
  if (missing.length > 0) {
    const wanted = new Set(missing.map((row) => key(row.id, row.defaultVersionId)));
    const versions = await tx.policyVersion.findMany({ where: { policyId: { in: missing.map((row) => row.id) } }, select: { policyId: true, versionId: true, document: true } });
    for (const version of versions) {
      const k = key(version.policyId, version.versionId);
      if (wanted.has(k)) fresh.set(k, remember(compiledManaged, k, compilePolicy(parseStoredDocument(version.document))));
    }
  }
  const result = new Map<string, { row: ManagedRow; compiled: CompiledPolicy }>();
  for (const row of rows) {
    const compiled = fresh.get(key(row.id, row.defaultVersionId)) ?? compiledManaged.get(key(row.id, row.defaultVersionId));
    // The version row and the policy's default pointer are written in one transaction.
    if (!compiled) throw new Error(`Policy ${row.id} has no version ${row.defaultVersionId}`);
    result.set(row.id, { row, compiled });
  }
  return result;
}

function groupBy<T, K>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const list = map.get(keyOf(row));
    if (list) list.push(row);
    else map.set(keyOf(row), [row]);
  }
  return map;
}

const tagRecord = (tags: readonly { key: string; value: string }[] | undefined) => Object.fromEntries((tags ?? []).map((t) => [t.key, t.value]));

/** Which principals to read: everyone, or only the users listed (roles are always all read). */
export interface InventoryScope {
  userIds?: readonly string[];
}

async function read(tx: Tx, scope: InventoryScope): Promise<Inventory> {
  const userWhere = scope.userIds ? { id: { in: [...scope.userIds] } } : {};
  const byUser = scope.userIds ? { userId: { in: [...scope.userIds] } } : {};
  const [accounts, users, userTags, userAttached, userInline, memberships, roles, roleTags, roleAttached, roleInline] = await Promise.all([
    tx.account.findMany({ select: { id: true }, orderBy: { id: "asc" } }),
    tx.user.findMany({ where: userWhere, select: { id: true, accountId: true, name: true, arn: true, boundaryPolicyId: true } }),
    tx.userTag.findMany({ where: byUser, select: { userId: true, key: true, value: true } }),
    tx.userPolicyAttachment.findMany({ where: byUser, select: { userId: true, policyId: true } }),
    tx.userInlinePolicy.findMany({ where: byUser, select: { userId: true, name: true, document: true } }),
    tx.groupMembership.findMany({ where: byUser, select: { userId: true, groupId: true } }),
    tx.role.findMany({ select: { id: true, accountId: true, name: true, arn: true, boundaryPolicyId: true, trustPolicy: true } }),
    tx.roleTag.findMany({ select: { roleId: true, key: true, value: true } }),
    tx.rolePolicyAttachment.findMany({ select: { roleId: true, policyId: true } }),
    tx.roleInlinePolicy.findMany({ select: { roleId: true, name: true, document: true } }),
  ]);
  const groupIds = [...new Set(memberships.map((m) => m.groupId))];
  const [groups, groupAttached, groupInline] = await Promise.all([
    tx.group.findMany({ where: { id: { in: groupIds } }, select: { id: true, accountId: true, name: true } }),
    tx.groupPolicyAttachment.findMany({ where: { groupId: { in: groupIds } }, select: { groupId: true, policyId: true } }),
    tx.groupInlinePolicy.findMany({ where: { groupId: { in: groupIds } }, select: { groupId: true, name: true, document: true } }),
  ]);

  const policyIds = new Set<string>();
  for (const row of [...userAttached, ...groupAttached, ...roleAttached]) policyIds.add(row.policyId);
  for (const row of [...users, ...roles]) if (row.boundaryPolicyId) policyIds.add(row.boundaryPolicyId);
  const managed = await compileManaged(tx, policyIds);
  const held = (policyId: string, kind: "managed" | "boundary", viaGroup: string | null): HeldPolicy => {
    const { row, compiled } = managed.get(policyId)!;
    return { meta: { kind, name: row.name, arn: row.arn, awsManaged: row.awsManaged, owner: null }, compiled, viaGroup };
  };
  const inline = (row: { name: string; document: string }, owner: NonNullable<PolicyRef["owner"]>, viaGroup: string | null): HeldPolicy => ({
    meta: { kind: "inline", name: row.name, arn: null, awsManaged: false, owner },
    compiled: compileText(row.document),
    viaGroup,
  });

  const groupById = new Map(groups.map((g) => [g.id, g]));
  const groupAttachedBy = groupBy(groupAttached, (r) => r.groupId);
  const groupInlineBy = groupBy(groupInline, (r) => r.groupId);
  const groupPolicies = new Map<string, HeldPolicy[]>();
  for (const group of groups) {
    const owner = { kind: "group" as const, accountId: group.accountId, name: group.name };
    groupPolicies.set(group.id, [
      ...(groupAttachedBy.get(group.id) ?? []).map((r) => held(r.policyId, "managed", group.name)),
      ...(groupInlineBy.get(group.id) ?? []).map((r) => inline(r, owner, group.name)),
    ]);
  }

  const userTagsBy = groupBy(userTags, (r) => r.userId);
  const userAttachedBy = groupBy(userAttached, (r) => r.userId);
  const userInlineBy = groupBy(userInline, (r) => r.userId);
  const membershipsBy = groupBy(memberships, (r) => r.userId);
  const principal = (kind: "user" | "role", row: { accountId: string; name: string; arn: string }, tags: Record<string, string>) => ({
    kind,
    accountId: row.accountId,
    name: row.name,
    arn: row.arn,
    caller: parseCaller({ arn: row.arn, tags })!,
  });
  const inventoryUsers: InventoryPrincipal[] = users.map((user) => {
    const owner = { kind: "user" as const, accountId: user.accountId, name: user.name };
    const viaGroups = (membershipsBy.get(user.id) ?? [])
      .map((m) => groupById.get(m.groupId))
      .filter((g) => g !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name, "en"));
    return {
      ...principal("user", user, tagRecord(userTagsBy.get(user.id))),
      identity: [
        ...(userAttachedBy.get(user.id) ?? []).map((r) => held(r.policyId, "managed", null)),
        ...(userInlineBy.get(user.id) ?? []).map((r) => inline(r, owner, null)),
        ...viaGroups.flatMap((g) => groupPolicies.get(g.id) ?? []),
      ],
      boundary: user.boundaryPolicyId ? held(user.boundaryPolicyId, "boundary", null) : null,
    };
  });

  const roleTagsBy = groupBy(roleTags, (r) => r.roleId);
  const roleAttachedBy = groupBy(roleAttached, (r) => r.roleId);
  const roleInlineBy = groupBy(roleInline, (r) => r.roleId);
  const inventoryRoles: InventoryRole[] = roles.map((role) => {
    const owner = { kind: "role" as const, accountId: role.accountId, name: role.name };
    return {
      ...principal("role", role, tagRecord(roleTagsBy.get(role.id))),
      kind: "role",
      identity: [
        ...(roleAttachedBy.get(role.id) ?? []).map((r) => held(r.policyId, "managed", null)),
        ...(roleInlineBy.get(role.id) ?? []).map((r) => inline(r, owner, null)),
      ],
      boundary: role.boundaryPolicyId ? held(role.boundaryPolicyId, "boundary", null) : null,
      trust: { meta: { kind: "trust", name: "Trust policy", arn: null, awsManaged: false, owner }, compiled: compileText(role.trustPolicy), viaGroup: null },
      trustText: role.trustPolicy,
    };
  });
  return { accountIds: accounts.map((a) => a.id), users: inventoryUsers, roles: inventoryRoles };
}

/**
 * What the whole inventory was read at. Every console write appends a change event in its own
 * transaction (lib/data/write.ts), so the newest event id moves with every change; the counts
 * catch bulk loads that bypass the change log (seeding, imports of AWS managed policies).
 */
async function stampOf(tx: Tx): Promise<string> {
  const [events, users, roles, versions, attachments] = await Promise.all([
    tx.changeEvent.aggregate({ _max: { id: true } }),
    tx.user.count(),
    tx.role.count(),
    tx.policyVersion.count(),
    tx.userPolicyAttachment.count(),
  ]);
  return `${events._max.id ?? 0}:${users}:${roles}:${versions}:${attachments}`;
}

let whole: { stamp: string; inventory: Inventory } | null = null;

/**
 * Reads the inventory in one read transaction, so every part sees the same moment. The whole
 * inventory is kept until the data changes: at 10,000 users reading it costs most of a second
 * of CPU, checking the stamp a millisecond.
 */
export function loadInventory(scope: InventoryScope = {}): Promise<Inventory> {
  return db().$transaction(
    async (tx) => {
      if (scope.userIds) return read(tx, scope);
      const stamp = await stampOf(tx);
      if (whole?.stamp === stamp) return whole.inventory;
      const inventory = await read(tx, scope);
      whole = { stamp, inventory };
      return inventory;
    },
    { timeout: 60_000 },
  );
}
