import "server-only";
import { createHash } from "node:crypto";
import type { Tx } from "@/lib/data/write";
import { compilePolicy, type CompiledPolicy } from "@/lib/iam";

/**
 * What the data layer keeps between requests: compiled policy documents (shared by who-can and
 * the catalog's "policies that allow or deny this action"), caller identities, and whole
 * inventories with the stamp they were read at. Every kept thing is a bounded map from one helper
 * (BoundedCache), and one stamp (readStamp) says whether the data may have changed since.
 */

/** A map that keeps at most `max` entries, dropping the least recently used. */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly max: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Maps iterate in insertion order: moving a used entry to the end keeps the oldest first.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): V {
    this.entries.delete(key);
    if (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

// Kept on globalThis: Next bundles route handlers, pages and instrumentation.ts apart, each with
// its own copy of this module; one set of caches lets the start-up warm-up serve every route.
const shared = globalThis as unknown as { iamKeptCaches?: Map<string, BoundedCache<unknown, unknown>> };
const kept = (shared.iamKeptCaches ??= new Map());

/** The cache kept under `name` for the life of the process, made on first use. */
export function keptCache<K, V>(name: string, max: number): BoundedCache<K, V> {
  let cache = kept.get(name);
  if (!cache) kept.set(name, (cache = new BoundedCache<unknown, unknown>(max)));
  return cache as BoundedCache<K, V>;
}

/** Empties every kept cache, so the next read reads and compiles everything (for tests). */
export function clearKeptCaches(): void {
  for (const cache of kept.values()) cache.clear();
}

/**
 * Compiled documents by the SHA-256 of their text. The text, not the (policy, version) pair, is
 * the key: the seed's re-import of an AWS managed policy may change a version's document under
 * the same version id. Room for every AWS managed policy (about 1,600) and thousands more.
 */
const compiled = keptCache<string, CompiledPolicy>("compiled policies", 16_000);

const digest = (text: string) => createHash("sha256").update(text).digest("base64");

/** A stored policy document, compiled once per distinct text. */
export function compiledPolicy(text: string): CompiledPolicy {
  const key = digest(text);
  return compiled.get(key) ?? compiled.set(key, compilePolicy(text));
}

/** Whether the text's compilation is kept (the start-up warm-up counts what it compiles). */
export function isCompiled(text: string): boolean {
  return compiled.get(digest(text)) !== undefined;
}

/**
 * compiledPolicy for one read of many documents: a text met again in the same read (the same
 * trust policy on many roles) is neither hashed nor looked up again, and what the read compiled
 * stays with it even if the bounded cache drops it meanwhile.
 */
export function policyCompiler(): (text: string) => CompiledPolicy {
  const seen = new Map<string, CompiledPolicy>();
  return (text) => {
    let found = seen.get(text);
    if (!found) seen.set(text, (found = compiledPolicy(text)));
    return found;
  };
}

/**
 * What kept answers were read at. Every console write appends a change event in its own
 * transaction (lib/data/write.ts), so the newest event id moves with every change; the counts
 * catch bulk loads that bypass the change log (seeding, rows inserted by scripts). One statement:
 * it runs on every request that may answer from what is kept.
 */
export interface Stamp {
  eventId: number;
  users: number;
  roles: number;
  policies: number;
  versions: number;
  /** Managed policies attached to users directly. */
  userAttachments: number;
  /** Inline policies of users, groups and roles. */
  inline: number;
}

export async function readStamp(tx: Pick<Tx, "$queryRaw">): Promise<Stamp> {
  const rows = await tx.$queryRaw<Record<keyof Stamp, unknown>[]>`
    SELECT (SELECT MAX("id") FROM "ChangeEvent") AS "eventId",
           (SELECT COUNT(*) FROM "User") AS "users",
           (SELECT COUNT(*) FROM "Role") AS "roles",
           (SELECT COUNT(*) FROM "Policy") AS "policies",
           (SELECT COUNT(*) FROM "PolicyVersion") AS "versions",
           (SELECT COUNT(*) FROM "UserPolicyAttachment") AS "userAttachments",
           (SELECT COUNT(*) FROM "UserInlinePolicy") + (SELECT COUNT(*) FROM "GroupInlinePolicy") + (SELECT COUNT(*) FROM "RoleInlinePolicy") AS "inline"`;
  const row = rows[0];
  // Drivers differ in number or bigint for these; an empty change log has no MAX.
  const count = (key: keyof Stamp) => Number(row?.[key] ?? 0);
  return {
    eventId: count("eventId"),
    users: count("users"),
    roles: count("roles"),
    policies: count("policies"),
    versions: count("versions"),
    userAttachments: count("userAttachments"),
    inline: count("inline"),
  };
}

export const sameStamp = (a: Stamp, b: Stamp): boolean =>
  a.eventId === b.eventId &&
  a.users === b.users &&
  a.roles === b.roles &&
  a.policies === b.policies &&
  a.versions === b.versions &&
  a.userAttachments === b.userAttachments &&
  a.inline === b.inline;
