import "server-only";
import { db } from "@/lib/db";
import { parseStoredDocument } from "@/lib/data/principal-policy-documents";
import { statementScopes, type StatementScope } from "@/lib/data/statement-scope";
import type { Tx } from "@/lib/data/write";
import { compilePolicy, type CompiledPolicy } from "@/lib/iam";

/**
 * Every managed policy (default version) and inline policy of the console, compiled, for the
 * catalog's "policies that allow or deny this action". Managed documents are compiled once per
 * (policy id, version id) — a version never changes once written — and inline ones once per
 * text; the whole list is kept until the data changes (see stampOf).
 */

export type PolicyOwnerKind = "user" | "group" | "role";

export interface InventoryPolicyRef {
  kind: "managed" | "inline";
  name: string;
  /** Managed policies only. */
  arn: string | null;
  awsManaged: boolean;
  /** The customer managed policy's account, or the inline policy's owner's; null for AWS managed. */
  accountId: string | null;
  /** The default version of a managed policy; null for inline policies. */
  versionId: string | null;
  owner: { kind: PolicyOwnerKind; name: string } | null;
}

export interface InventoryPolicy {
  ref: InventoryPolicyRef;
  compiled: CompiledPolicy;
  scopes: Map<number, StatementScope>;
}

interface Compiled {
  compiled: CompiledPolicy;
  scopes: Map<number, StatementScope>;
}

const MAX_COMPILED = 8_000;

interface Caches {
  managed: Map<string, Compiled>;
  inline: Map<string, Compiled>;
  whole: { stamp: string; policies: InventoryPolicy[] } | null;
}

// Kept on globalThis: Next bundles pages and route handlers apart, each with its own copy of
// this module; one set of caches means the ~1,600 AWS managed policies are compiled once.
const shared = globalThis as unknown as { iamActionPolicies?: Caches };
const caches: Caches = (shared.iamActionPolicies ??= { managed: new Map(), inline: new Map(), whole: null });
const managedCache = caches.managed;
const inlineCache = caches.inline;

function remember(cache: Map<string, Compiled>, key: string, entry: Compiled): Compiled {
  // Maps iterate in insertion order: drop the oldest entry to keep a fixed footprint.
  if (cache.size >= MAX_COMPILED) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, entry);
  return entry;
}

function compileText(text: string): Compiled {
  const document = parseStoredDocument(text);
  const compiled = compilePolicy(document);
  return { compiled, scopes: statementScopes(document, compiled) };
}

const versionKey = (policyId: string, versionId: string) => `${policyId}\u0000${versionId}`;

async function readManaged(tx: Tx): Promise<InventoryPolicy[]> {
  const rows = await tx.policy.findMany({
    select: { id: true, name: true, arn: true, awsManaged: true, accountId: true, defaultVersionId: true },
  });
  const missing = rows.filter((row) => !managedCache.has(versionKey(row.id, row.defaultVersionId)));
  // Kept aside as well as cached: the bounded cache may drop an entry before this read is done.
  const fresh = new Map<string, Compiled>();
  if (missing.length > 0) {
    const wanted = new Set(missing.map((row) => versionKey(row.id, row.defaultVersionId)));
    // Read by policy id (Prisma splits a long id list to fit SQLite's parameter limit) and
    // keep only the default versions.
    const versions = await tx.policyVersion.findMany({
      where: { policyId: { in: missing.map((row) => row.id) } },
      select: { policyId: true, versionId: true, document: true },
    });
    for (const version of versions) {
      const key = versionKey(version.policyId, version.versionId);
      if (wanted.has(key)) fresh.set(key, remember(managedCache, key, compileText(version.document)));
    }
  }
  return rows.map((row) => {
    const key = versionKey(row.id, row.defaultVersionId);
    const entry = fresh.get(key) ?? managedCache.get(key);
    // The version row and the policy's default pointer are written in one transaction.
    if (!entry) throw new Error(`Policy ${row.id} has no version ${row.defaultVersionId}`);
    return {
      ref: {
        kind: "managed",
        name: row.name,
        arn: row.arn,
        awsManaged: row.awsManaged,
        accountId: row.accountId,
        versionId: row.defaultVersionId,
        owner: null,
      },
      ...entry,
    };
  });
}

/** Policies compiled between two yields of the start-up warm-up: about a tenth of a second. */
const WARM_SLICE = 100;

/**
 * Compiles every managed policy's default version into the cache at start-up, a slice at a time,
 * yielding between slices so the server answers requests meanwhile; the catalog's first "policies
 * that allow or deny this action" then compiles nothing. Answers how many were compiled.
 */
export async function warmManagedPolicies(): Promise<number> {
  const rows = await db().policy.findMany({ select: { id: true, defaultVersionId: true } });
  const missing = rows.filter((row) => !managedCache.has(versionKey(row.id, row.defaultVersionId)));
  for (let start = 0; start < missing.length; start += WARM_SLICE) {
    const slice = missing.slice(start, start + WARM_SLICE);
    const versions = await db().policyVersion.findMany({
      where: { OR: slice.map((row) => ({ policyId: row.id, versionId: row.defaultVersionId })) },
      select: { policyId: true, versionId: true, document: true },
    });
    for (const version of versions) remember(managedCache, versionKey(version.policyId, version.versionId), compileText(version.document));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return missing.length;
}

async function readInline(tx: Tx): Promise<InventoryPolicy[]> {
  const [users, groups, roles] = await Promise.all([
    tx.userInlinePolicy.findMany({ select: { name: true, document: true, user: { select: { accountId: true, name: true } } } }),
    tx.groupInlinePolicy.findMany({ select: { name: true, document: true, group: { select: { accountId: true, name: true } } } }),
    tx.roleInlinePolicy.findMany({ select: { name: true, document: true, role: { select: { accountId: true, name: true } } } }),
  ]);
  const entry = (kind: PolicyOwnerKind, row: { name: string; document: string }, owner: { accountId: string; name: string }): InventoryPolicy => ({
    ref: {
      kind: "inline",
      name: row.name,
      arn: null,
      awsManaged: false,
      accountId: owner.accountId,
      versionId: null,
      owner: { kind, name: owner.name },
    },
    ...(inlineCache.get(row.document) ?? remember(inlineCache, row.document, compileText(row.document))),
  });
  return [
    ...users.map((row) => entry("user", row, row.user)),
    ...groups.map((row) => entry("group", row, row.group)),
    ...roles.map((row) => entry("role", row, row.role)),
  ];
}

/**
 * What the policies were read at. Every console write appends a change event in its own
 * transaction (lib/data/write.ts), so the newest event id moves with every change; the counts
 * catch bulk loads that bypass the change log (seeding, imports of AWS managed policies). One
 * statement instead of six queries: this runs on every request, the read only after a change.
 */
async function stampOf(): Promise<string> {
  const rows = await db().$queryRaw<Record<string, unknown>[]>`
    SELECT (SELECT MAX("id") FROM "ChangeEvent") AS "events",
           (SELECT COUNT(*) FROM "Policy") AS "policies",
           (SELECT COUNT(*) FROM "PolicyVersion") AS "versions",
           (SELECT COUNT(*) FROM "UserInlinePolicy") AS "userInline",
           (SELECT COUNT(*) FROM "GroupInlinePolicy") AS "groupInline",
           (SELECT COUNT(*) FROM "RoleInlinePolicy") AS "roleInline"`;
  // Drivers differ in number or bigint for these; their text is the same.
  return Object.values(rows[0] ?? {}).map(String).join(":");
}

// The console's own policies (customer managed and inline) lead; then by name, account, owner
// name and owner kind: a total order, so pages of the catalog's list never overlap.
const rank = (ref: InventoryPolicyRef) => (ref.awsManaged ? 1 : 0);
// One collator for the whole sort: String#localeCompare builds one per call.
const collator = new Intl.Collator("en");

function compareRefs(a: InventoryPolicyRef, b: InventoryPolicyRef): number {
  return (
    rank(a) - rank(b) ||
    collator.compare(a.name, b.name) ||
    collator.compare(a.accountId ?? "", b.accountId ?? "") ||
    collator.compare(a.owner?.name ?? "", b.owner?.name ?? "") ||
    collator.compare(a.owner?.kind ?? "", b.owner?.kind ?? "")
  );
}

/**
 * Every managed and inline policy, compiled and sorted (see compareRefs). The stamp is read
 * before the policies, so a write in between makes the next request read again rather than
 * keep a list older than its stamp; the policies are read in one transaction so all parts agree.
 */
export async function loadPolicyInventory(): Promise<InventoryPolicy[]> {
  const stamp = await stampOf();
  if (caches.whole?.stamp === stamp) return caches.whole.policies;
  const policies = await db().$transaction(
    async (tx) => {
      const [managed, inline] = await Promise.all([readManaged(tx), readInline(tx)]);
      return [...managed, ...inline].sort((a, b) => compareRefs(a.ref, b.ref));
    },
    { timeout: 60_000 },
  );
  caches.whole = { stamp, policies };
  return policies;
}
