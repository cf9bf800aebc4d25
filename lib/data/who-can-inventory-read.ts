import "server-only";
import { keptCache, policyCompiler } from "@/lib/data/compiled-policies";
import type { Tx } from "@/lib/data/write";
import { parseCaller, type CallerIdentity, type CompiledPolicy, type HeldPolicy, type InventoryPrincipal as EnginePrincipal, type PolicyRef } from "@/lib/iam";

/**
 * Every principal of every account with its compiled policies, read in a few whole-table
 * queries (attachments, memberships, inline policies, tags) instead of one query per principal.
 * Each distinct document is compiled once (compiled-policies.ts, by its text).
 */

/** The engine's principal (lib/iam/who-can/types.ts) with the row it was read from. */
export interface InventoryPrincipal extends EnginePrincipal {
  /** The row's id: what stays when a user is renamed. */
  id: string;
  identity: HeldPolicy[];
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

/**
 * Which principals to read: everyone, or only the users and roles listed by ARN (a kind with no
 * list is read whole, an empty list reads none of that kind).
 */
export interface InventoryScope {
  userArns?: readonly string[];
  roleArns?: readonly string[];
}

interface ManagedRow {
  id: string;
  name: string;
  arn: string;
  awsManaged: boolean;
  defaultVersionId: string;
}

/**
 * Every row of one of the biggest tables (users, their tags, attachments and memberships: 10,000
 * to 20,000 rows each at bench size), with a plain SELECT: Prisma's row mapping costs as much
 * again as the query. Table and column names are constants of this file.
 */
function wholeTable<T>(tx: Tx, table: string, columns: readonly string[]): Promise<T[]> {
  return tx.$queryRawUnsafe<T[]>(`SELECT ${columns.map((column) => `"${column}"`).join(", ")} FROM "${table}"`);
}

const MANAGED_COLUMNS = `p."id", p."name", p."arn", p."awsManaged", p."defaultVersionId", v."document"
  FROM "Policy" p JOIN "PolicyVersion" v ON v."policyId" = p."id" AND v."versionId" = p."defaultVersionId"`;
/** Every policy someone holds: attached to a user, group or role, or a boundary. */
const HELD = `p."id" IN (SELECT "policyId" FROM "UserPolicyAttachment" UNION SELECT "policyId" FROM "GroupPolicyAttachment"
  UNION SELECT "policyId" FROM "RolePolicyAttachment" UNION SELECT "boundaryPolicyId" FROM "User" UNION SELECT "boundaryPolicyId" FROM "Role")`;
/** Ids per query of a scoped read, well inside SQLite's limit on bound parameters. */
const IDS_PER_QUERY = 500;

/**
 * The compiled default version of each policy id, with its default version's text read in one
 * join: a whole read takes every held policy (a list of thousands of ids would be slower), a
 * scoped one the listed ids, a slice at a time.
 */
async function compileManaged(
  tx: Tx,
  ids: ReadonlySet<string>,
  whole: boolean,
  compile: (text: string) => CompiledPolicy,
): Promise<Map<string, { row: ManagedRow; compiled: CompiledPolicy; document: string }>> {
  type Row = Omit<ManagedRow, "awsManaged"> & { awsManaged: boolean | number; document: string };
  const rows: Row[] = [];
  if (whole) rows.push(...(await tx.$queryRawUnsafe<Row[]>(`SELECT ${MANAGED_COLUMNS} WHERE ${HELD}`)));
  else {
    const list = [...ids];
    for (let start = 0; start < list.length; start += IDS_PER_QUERY) {
      const slice = list.slice(start, start + IDS_PER_QUERY);
      rows.push(...(await tx.$queryRawUnsafe<Row[]>(`SELECT ${MANAGED_COLUMNS} WHERE p."id" IN (${slice.map(() => "?").join(", ")})`, ...slice)));
    }
  }
  const result = new Map<string, { row: ManagedRow; compiled: CompiledPolicy; document: string }>();
  for (const row of rows) if (ids.has(row.id)) result.set(row.id, { row: { ...row, awsManaged: Boolean(row.awsManaged) }, compiled: compile(row.document), document: row.document });
  // The version row and the policy's default pointer are written in one transaction.
  for (const id of ids) if (!result.has(id)) throw new Error(`Policy ${id} has no default version`);
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

interface TagRow {
  key: string;
  value: string;
}

/**
 * The caller identity of a principal, kept across reads while its ARN and tags stay the same:
 * rereading everything then parses nothing again, and the engine's per-caller context is kept.
 */
const callers = keptCache<string, CallerIdentity>("caller identities", 50_000);

function sameTags(kept: Readonly<Record<string, string>>, rows: readonly TagRow[]): boolean {
  let count = 0;
  for (const key in kept) if (Object.hasOwn(kept, key)) count += 1;
  return count === rows.length && rows.every((row) => kept[row.key] === row.value);
}

function callerOf(arn: string, tags: readonly TagRow[]): CallerIdentity {
  const kept = callers.get(arn);
  if (kept && sameTags(kept.tags, tags)) return kept;
  return callers.set(arn, parseCaller({ arn, tags: Object.fromEntries(tags.map((t) => [t.key, t.value])) })!);
}

const NONE: readonly never[] = [];

/** The inventory (or the principals `scope` lists) as the database holds it now. */
export async function readInventory(tx: Tx, scope: InventoryScope): Promise<Inventory> {
  const usersScoped = scope.userArns !== undefined;
  const rolesScoped = scope.roleArns !== undefined;
  const userWhere = scope.userArns ? { arn: { in: [...scope.userArns] } } : {};
  const roleWhere = scope.roleArns ? { arn: { in: [...scope.roleArns] } } : {};
  const [accounts, users, roles] = await Promise.all([
    tx.account.findMany({ select: { id: true }, orderBy: { id: "asc" } }),
    usersScoped
      ? tx.user.findMany({ where: userWhere, select: { id: true, accountId: true, name: true, arn: true, boundaryPolicyId: true } })
      : wholeTable<{ id: string; accountId: string; name: string; arn: string; boundaryPolicyId: string | null }>(tx, "User", ["id", "accountId", "name", "arn", "boundaryPolicyId"]),
    tx.role.findMany({ where: roleWhere, select: { id: true, accountId: true, name: true, arn: true, boundaryPolicyId: true, trustPolicy: true } }),
  ]);
  // A scoped read asks for its principals' rows; a whole read takes every row.
  const byUser = usersScoped ? { userId: { in: users.map((u) => u.id) } } : {};
  const byRole = rolesScoped ? { roleId: { in: roles.map((r) => r.id) } } : {};
  const [userTags, userAttached, userInline, memberships, roleTags, roleAttached, roleInline] = await Promise.all([
    usersScoped ? tx.userTag.findMany({ where: byUser, select: { userId: true, key: true, value: true } }) : wholeTable<{ userId: string; key: string; value: string }>(tx, "UserTag", ["userId", "key", "value"]),
    usersScoped ? tx.userPolicyAttachment.findMany({ where: byUser, select: { userId: true, policyId: true } }) : wholeTable<{ userId: string; policyId: string }>(tx, "UserPolicyAttachment", ["userId", "policyId"]),
    tx.userInlinePolicy.findMany({ where: byUser, select: { userId: true, name: true, document: true } }),
    usersScoped ? tx.groupMembership.findMany({ where: byUser, select: { userId: true, groupId: true } }) : wholeTable<{ userId: string; groupId: string }>(tx, "GroupMembership", ["userId", "groupId"]),
    tx.roleTag.findMany({ where: byRole, select: { roleId: true, key: true, value: true } }),
    tx.rolePolicyAttachment.findMany({ where: byRole, select: { roleId: true, policyId: true } }),
    tx.roleInlinePolicy.findMany({ where: byRole, select: { roleId: true, name: true, document: true } }),
  ]);
  const groupIds = [...new Set(memberships.map((m) => m.groupId))];
  const [groups, groupAttached, groupInline] = await Promise.all([
    tx.group.findMany({ where: { id: { in: groupIds } }, select: { id: true, accountId: true, name: true } }),
    tx.groupPolicyAttachment.findMany({ where: { groupId: { in: groupIds } }, select: { groupId: true, policyId: true } }),
    tx.groupInlinePolicy.findMany({ where: { groupId: { in: groupIds } }, select: { groupId: true, name: true, document: true } }),
  ]);

  const compile = policyCompiler();
  const policyIds = new Set<string>();
  for (const rows of [userAttached, groupAttached, roleAttached]) for (const row of rows) policyIds.add(row.policyId);
  for (const rows of [users, roles]) for (const row of rows) if (row.boundaryPolicyId) policyIds.add(row.boundaryPolicyId);
  const managed = await compileManaged(tx, policyIds, !usersScoped && !rolesScoped, compile);
  // Held policies are never changed once read: principals holding the same one share it.
  const heldBy = new Map<string, Map<string, HeldPolicy>>();
  const held = (policyId: string, kind: "managed" | "boundary", viaGroup: string | null): HeldPolicy => {
    const scopeKey = viaGroup === null ? kind : `${kind}\u0000${viaGroup}`;
    let scope = heldBy.get(scopeKey);
    if (!scope) heldBy.set(scopeKey, (scope = new Map()));
    let found = scope.get(policyId);
    if (!found) {
      const { row, compiled, document } = managed.get(policyId)!;
      scope.set(policyId, (found = { meta: { kind, name: row.name, arn: row.arn, awsManaged: row.awsManaged, owner: null }, compiled, document, viaGroup }));
    }
    return found;
  };
  const inline = (row: { name: string; document: string }, owner: NonNullable<PolicyRef["owner"]>, viaGroup: string | null): HeldPolicy => ({
    meta: { kind: "inline", name: row.name, arn: null, awsManaged: false, owner },
    compiled: compile(row.document),
    document: row.document,
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
  /** Managed policies attached to the principal, then its inline ones. */
  const ownPolicies = (attached: readonly { policyId: string }[], inlines: readonly { name: string; document: string }[], owner: NonNullable<PolicyRef["owner"]>) => {
    const identity: HeldPolicy[] = [];
    for (const row of attached) identity.push(held(row.policyId, "managed", null));
    for (const row of inlines) identity.push(inline(row, owner, null));
    return identity;
  };
  const inventoryUsers: InventoryPrincipal[] = users.map((user) => {
    const owner = { kind: "user" as const, accountId: user.accountId, name: user.name };
    const identity = ownPolicies(userAttachedBy.get(user.id) ?? NONE, userInlineBy.get(user.id) ?? NONE, owner);
    const viaGroups = (membershipsBy.get(user.id) ?? NONE).map((m) => groupById.get(m.groupId)).filter((g) => g !== undefined);
    if (viaGroups.length > 1) viaGroups.sort((a, b) => a.name.localeCompare(b.name, "en"));
    for (const group of viaGroups) for (const policy of groupPolicies.get(group.id) ?? NONE) identity.push(policy);
    return {
      kind: "user",
      id: user.id,
      accountId: user.accountId,
      name: user.name,
      arn: user.arn,
      caller: callerOf(user.arn, userTagsBy.get(user.id) ?? NONE),
      identity,
      boundary: user.boundaryPolicyId ? held(user.boundaryPolicyId, "boundary", null) : null,
    };
  });

  const roleTagsBy = groupBy(roleTags, (r) => r.roleId);
  const roleAttachedBy = groupBy(roleAttached, (r) => r.roleId);
  const roleInlineBy = groupBy(roleInline, (r) => r.roleId);
  const inventoryRoles: InventoryRole[] = roles.map((role) => {
    const owner = { kind: "role" as const, accountId: role.accountId, name: role.name };
    return {
      kind: "role",
      id: role.id,
      accountId: role.accountId,
      name: role.name,
      arn: role.arn,
      caller: callerOf(role.arn, roleTagsBy.get(role.id) ?? NONE),
      identity: ownPolicies(roleAttachedBy.get(role.id) ?? NONE, roleInlineBy.get(role.id) ?? NONE, owner),
      boundary: role.boundaryPolicyId ? held(role.boundaryPolicyId, "boundary", null) : null,
      trust: { meta: { kind: "trust", name: "Trust policy", arn: null, awsManaged: false, owner }, compiled: compile(role.trustPolicy), document: role.trustPolicy, viaGroup: null },
      trustText: role.trustPolicy,
    };
  });
  return { accountIds: accounts.map((a) => a.id), users: inventoryUsers, roles: inventoryRoles };
}
