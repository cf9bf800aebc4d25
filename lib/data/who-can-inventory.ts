import "server-only";
import { db } from "@/lib/db";
import { parseStoredDocument } from "@/lib/data/principal-policy-documents";
import type { Tx } from "@/lib/data/write";
import { compilePolicy, parseCaller, type CallerIdentity, type CompiledPolicy } from "@/lib/iam";
import type { PolicyRef, RoleRef } from "@/lib/schemas/who-can";

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
  /** The row's id: what stays when a user is renamed. */
  id: string;
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

interface Caches {
  /** Managed policies' default versions, compiled, by (policy id, version id). */
  managed: Map<string, CompiledPolicy>;
  /** Inline and trust documents, compiled, by text. */
  text: Map<string, CompiledPolicy>;
  /** Caller identities by ARN (see callerOf). */
  callers: Map<string, CallerIdentity>;
  /** The whole inventory and the stamp it was read at (see loadInventory). */
  whole: { stamp: Stamp; inventory: Inventory } | null;
}

// Kept on globalThis: Next bundles route handlers, pages and instrumentation.ts apart, each with
// its own copy of this module; one set of caches lets the start-up warm-up serve every route.
const shared = globalThis as unknown as { iamWhoCan?: Caches };
const caches: Caches = (shared.iamWhoCan ??= { managed: new Map(), text: new Map(), callers: new Map(), whole: null });

const MAX_COMPILED = 8_000;
const compiledManaged = caches.managed;
const compiledText = caches.text;

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
async function compileManaged(tx: Tx, ids: ReadonlySet<string>, whole: boolean): Promise<Map<string, { row: ManagedRow; compiled: CompiledPolicy }>> {
  // A whole read holds most policies: reading them all is quicker than a list of thousands of ids.
  const rows = whole
    ? (await wholeTable<ManagedRow & { awsManaged: boolean | number }>(tx, "Policy", ["id", "name", "arn", "awsManaged", "defaultVersionId"]))
        .filter((row) => ids.has(row.id))
        .map((row) => ({ ...row, awsManaged: Boolean(row.awsManaged) }))
    : await tx.policy.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true, arn: true, awsManaged: true, defaultVersionId: true } });
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

interface TagRow {
  key: string;
  value: string;
}

/**
 * The caller identity of a principal, kept across reads while its ARN and tags stay the same:
 * rereading everything then parses nothing again, and the engine's per-caller context is kept.
 */
const callers = caches.callers;
const MAX_CALLERS = 50_000;

function sameTags(kept: Readonly<Record<string, string>>, rows: readonly TagRow[]): boolean {
  let count = 0;
  for (const key in kept) if (Object.hasOwn(kept, key)) count += 1;
  return count === rows.length && rows.every((row) => kept[row.key] === row.value);
}

function callerOf(arn: string, tags: readonly TagRow[]): CallerIdentity {
  const kept = callers.get(arn);
  if (kept && sameTags(kept.tags, tags)) return kept;
  if (!kept && callers.size >= MAX_CALLERS) callers.delete(callers.keys().next().value!);
  const caller = parseCaller({ arn, tags: Object.fromEntries(tags.map((t) => [t.key, t.value])) })!;
  callers.set(arn, caller);
  return caller;
}

const NONE: readonly never[] = [];

/**
 * Which principals to read: everyone, or only the users and roles listed by ARN (a kind with no
 * list is read whole, an empty list reads none of that kind).
 */
interface InventoryScope {
  userArns?: readonly string[];
  roleArns?: readonly string[];
}

/**
 * Every row of one of the biggest tables (users, their tags, attachments and memberships: 10,000
 * to 20,000 rows each at bench size), with a plain SELECT: Prisma's row mapping costs as much
 * again as the query. Table and column names are constants of this file.
 */
function wholeTable<T>(tx: Tx, table: string, columns: readonly string[]): Promise<T[]> {
  return tx.$queryRawUnsafe<T[]>(`SELECT ${columns.map((column) => `"${column}"`).join(", ")} FROM "${table}"`);
}

async function read(tx: Tx, scope: InventoryScope): Promise<Inventory> {
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

  const policyIds = new Set<string>();
  for (const rows of [userAttached, groupAttached, roleAttached]) for (const row of rows) policyIds.add(row.policyId);
  for (const rows of [users, roles]) for (const row of rows) if (row.boundaryPolicyId) policyIds.add(row.boundaryPolicyId);
  const managed = await compileManaged(tx, policyIds, !usersScoped && !rolesScoped);
  // Held policies are never changed once read: principals holding the same one share it.
  const heldBy = new Map<string, Map<string, HeldPolicy>>();
  const held = (policyId: string, kind: "managed" | "boundary", viaGroup: string | null): HeldPolicy => {
    const scopeKey = viaGroup === null ? kind : `${kind}\u0000${viaGroup}`;
    let scope = heldBy.get(scopeKey);
    if (!scope) heldBy.set(scopeKey, (scope = new Map()));
    let found = scope.get(policyId);
    if (!found) {
      const { row, compiled } = managed.get(policyId)!;
      scope.set(policyId, (found = { meta: { kind, name: row.name, arn: row.arn, awsManaged: row.awsManaged, owner: null }, compiled, viaGroup }));
    }
    return found;
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
interface Stamp {
  eventId: number;
  users: number;
  roles: number;
  versions: number;
  attachments: number;
}

async function stampOf(tx: Tx): Promise<Stamp> {
  const [events, users, roles, versions, attachments] = await Promise.all([
    tx.changeEvent.aggregate({ _max: { id: true } }),
    tx.user.count(),
    tx.role.count(),
    tx.policyVersion.count(),
    tx.userPolicyAttachment.count(),
  ]);
  return { eventId: events._max.id ?? 0, users, roles, versions, attachments };
}

const sameStamp = (a: Stamp, b: Stamp) =>
  a.eventId === b.eventId && a.users === b.users && a.roles === b.roles && a.versions === b.versions && a.attachments === b.attachments;

/**
 * Changes whose whole effect on the inventory is on the one user or role they name (the event's
 * target): that principal is read again and nothing else.
 */
const PRINCIPAL_CHANGES = new Set(
  ["User", "Role"].flatMap((kind) => [
    `Create${kind}`,
    `Delete${kind}`,
    `Tag${kind}`,
    `Untag${kind}`,
    `Attach${kind}Policy`,
    `Detach${kind}Policy`,
    `Put${kind}Policy`,
    `Delete${kind}Policy`,
    `Put${kind}PermissionsBoundary`,
    `Delete${kind}PermissionsBoundary`,
  ]),
)
  .add("UpdateAssumeRolePolicy")
  // A rename or move names the new ARN; the kept entry of the same id is replaced.
  .add("UpdateUser");
/**
 * Changes to a group's policies or members (a forced delete removes both): its members now, and
 * the users the kept inventory shows receiving policies through it (matched by the group's name),
 * are read again. A group's rename (UpdateGroup) reads everything: until then the kept inventory
 * knows the group by its old name.
 */
const GROUP_CHANGES = new Set(["AttachGroupPolicy", "DetachGroupPolicy", "PutGroupPolicy", "DeleteGroupPolicy", "AddUserToGroup", "RemoveUserFromGroup", "DeleteGroup"]);
/** Changes to what a managed policy says: the principals the kept inventory shows holding it are read again. */
const POLICY_CHANGES = new Set(["CreatePolicyVersion", "SetDefaultPolicyVersion", "DeletePolicyVersion", "DeletePolicy"]);
/** The changes that add or remove policy versions: without one, the count of versions must not move. */
const VERSION_CHANGES = new Set(["CreatePolicy", "CreatePolicyVersion", "DeletePolicyVersion", "DeletePolicy"]);
/**
 * Changes to what the inventory does not hold (credentials, MFA devices, a role's description,
 * an account's names), or to what nobody holds yet (a new policy or group is attached to nobody,
 * an account is closed only once empty, a new account has only its root). Accounts are read anew
 * with every patch.
 */
const UNHELD_CHANGES = new Set([
  "CreateAccessKey",
  "UpdateAccessKey",
  "DeleteAccessKey",
  "CreateLoginProfile",
  "UpdateLoginProfile",
  "DeleteLoginProfile",
  "CreateVirtualMFADevice",
  "EnableMFADevice",
  "DeactivateMFADevice",
  "DeleteVirtualMFADevice",
  "UpdateRole",
  "CreatePolicy",
  "CreateGroup",
  "CreateAccount",
  "CloseAccount",
  "CreateAccountAlias",
  "PutAccountName",
  "StartPrimaryEmailUpdate",
]);
/** More changes, or more principals to read, than these: reading everything is as quick. */
const MAX_INCREMENTAL = 1_000;
const MAX_REREAD = 2_000;
const IAM_ARN = /^arn:[^:]+:iam::(\d{12}):(user|role|group|policy)\/(?:.*\/)?([^/]+)$/;

interface Changed {
  users: Set<string>;
  roles: Set<string>;
  /** Whether some change added or removed policy versions. */
  versions: boolean;
}

/**
 * The users and roles (by ARN) whose part of the inventory the changes after `since` may have
 * altered, judged against the kept inventory; null when everything must be read (a rename, an
 * account, an unknown kind of change, too many).
 */
async function changedPrincipals(tx: Tx, since: number, kept: Inventory): Promise<Changed | null> {
  const events = await tx.changeEvent.findMany({ where: { id: { gt: since } }, select: { action: true, targetArn: true }, orderBy: { id: "asc" }, take: MAX_INCREMENTAL + 1 });
  if (events.length > MAX_INCREMENTAL) return null;
  const changed: Changed = { users: new Set(), roles: new Set(), versions: events.some(({ action }) => VERSION_CHANGES.has(action)) };
  const groups = new Set<string>();
  const policies = new Set<string>();
  for (const { action, targetArn } of events) {
    if (UNHELD_CHANGES.has(action)) continue;
    const kind = IAM_ARN.exec(targetArn)?.[2];
    if (PRINCIPAL_CHANGES.has(action) && kind === "user") changed.users.add(targetArn);
    else if (PRINCIPAL_CHANGES.has(action) && kind === "role") changed.roles.add(targetArn);
    else if (GROUP_CHANGES.has(action) && kind === "group") groups.add(targetArn);
    else if (POLICY_CHANGES.has(action) && kind === "policy") policies.add(targetArn);
    else return null;
  }
  if (groups.size > 0) {
    const members = await tx.groupMembership.findMany({ where: { group: { arn: { in: [...groups] } } }, select: { user: { select: { arn: true } } } });
    for (const { user } of members) changed.users.add(user.arn);
    // Those who received policies through the group before the change (a member since removed).
    const named = new Set([...groups].map((arn) => { const [, account, , name] = IAM_ARN.exec(arn)!; return `${account}/${name}`; }));
    for (const user of kept.users) {
      if (user.identity.some((held) => held.viaGroup !== null && named.has(`${user.accountId}/${held.viaGroup}`))) changed.users.add(user.arn);
    }
  }
  if (policies.size > 0) {
    const holds = (principal: InventoryPrincipal) =>
      principal.identity.some((held) => held.meta.arn !== null && policies.has(held.meta.arn)) || (principal.boundary?.meta.arn != null && policies.has(principal.boundary.meta.arn));
    for (const user of kept.users) if (holds(user)) changed.users.add(user.arn);
    for (const role of kept.roles) if (holds(role)) changed.roles.add(role.arn);
  }
  return changed.users.size + changed.roles.size > MAX_REREAD ? null : changed;
}

/**
 * Whether a patched inventory agrees with the counts read with the stamp: as many users and
 * roles, as many policies attached to users directly, and policy versions that moved only with a
 * change that explains it. Rows written around the change log (a bulk import) fail this, and
 * everything is read again.
 */
function agrees(candidate: Inventory, stamp: Stamp, versionsExplained: boolean): boolean {
  let attachments = 0;
  for (const user of candidate.users) for (const held of user.identity) if (held.meta.kind === "managed" && held.viaGroup === null) attachments += 1;
  return candidate.users.length === stamp.users && candidate.roles.length === stamp.roles && attachments === stamp.attachments && versionsExplained;
}

/**
 * The inventory with the listed principals replaced by their fresh rows (matched by ARN, or by id
 * after a rename), or gone if deleted.
 */
function patched(inventory: Inventory, fresh: Inventory, changed: Changed): Inventory {
  const freshIds = new Set([...fresh.users, ...fresh.roles].map((principal) => principal.id));
  const unchanged = (arns: ReadonlySet<string>) => (principal: InventoryPrincipal) => !arns.has(principal.arn) && !freshIds.has(principal.id);
  return {
    accountIds: fresh.accountIds,
    users: [...inventory.users.filter(unchanged(changed.users)), ...fresh.users],
    roles: [...inventory.roles.filter(unchanged(changed.roles)), ...fresh.roles],
  };
}

/** What a role is called in answers: its account, name and ARN. */
export const roleRef = (role: InventoryRole): RoleRef => ({ accountId: role.accountId, name: role.name, arn: role.arn });

/** The whole inventory read afresh, bypassing what is kept (for checks of the kept copy). */
export function readWholeInventory(): Promise<Inventory> {
  return db().$transaction((tx) => read(tx, {}), { timeout: 60_000 });
}

/**
 * Reads the inventory in one read transaction, so every part sees the same moment. The whole
 * inventory is kept until the data changes: at 10,000 users reading it costs a few hundred
 * milliseconds, checking the stamp a millisecond. After changes the change log confines to some
 * users and roles (their tags and policies, a boundary, a trust policy, a group's policies or
 * members, a managed policy's default version) only those are read again; the counts must then
 * agree with the patched inventory, else everything is read. (This relies on change events being
 * numbered in commit order, as SQLite's single writer does.)
 */
export function loadInventory(): Promise<Inventory> {
  return db().$transaction(
    async (tx) => {
      const stamp = await stampOf(tx);
      const kept = caches.whole;
      if (kept && sameStamp(kept.stamp, stamp)) return kept.inventory;
      let inventory: Inventory | null = null;
      if (kept && kept.stamp.eventId < stamp.eventId) {
        const changed = await changedPrincipals(tx, kept.stamp.eventId, kept.inventory);
        if (changed) {
          const fresh = await read(tx, { userArns: [...changed.users], roleArns: [...changed.roles] });
          const candidate = patched(kept.inventory, fresh, changed);
          if (agrees(candidate, stamp, changed.versions || stamp.versions === kept.stamp.versions)) inventory = candidate;
        }
      }
      inventory ??= await read(tx, {});
      caches.whole = { stamp, inventory };
      return inventory;
    },
    { timeout: 60_000 },
  );
}
