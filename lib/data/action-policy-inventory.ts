import "server-only";
import { db } from "@/lib/db";
import { compiledPolicy, isCompiled, keptCache, policyCompiler, readStamp, sameStamp, type Stamp } from "@/lib/data/compiled-policies";
import { parseStoredDocument } from "@/lib/data/principal-policy-documents";
import type { Tx } from "@/lib/data/write";
import { statementScopes, type CompiledPolicy, type StatementScope } from "@/lib/iam";

/**
 * Every managed policy (default version) and inline policy of the console, compiled, for the
 * catalog's "policies that allow or deny this action". Documents are compiled once per text
 * (compiled-policies.ts); the whole list is kept until the stamp moves.
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

// The scopes of each compiled document, made once; they go with the compiled document when the
// cache drops it. On globalThis, as the compiled documents are shared by every bundle.
const shared = globalThis as unknown as { iamStatementScopes?: WeakMap<CompiledPolicy, Map<number, StatementScope>> };
const scopesByCompiled = (shared.iamStatementScopes ??= new WeakMap());

function withScopes(text: string, compiled: CompiledPolicy): Pick<InventoryPolicy, "compiled" | "scopes"> {
  let scopes = scopesByCompiled.get(compiled);
  if (!scopes) scopesByCompiled.set(compiled, (scopes = statementScopes(parseStoredDocument(text), compiled)));
  return { compiled, scopes };
}

interface ManagedRow {
  id: string;
  name: string;
  arn: string;
  awsManaged: boolean | number;
  accountId: string | null;
  defaultVersionId: string;
  document: string;
}

/** Every policy with its default version's text, in one join. */
function managedRows(tx: Pick<Tx, "$queryRawUnsafe">): Promise<ManagedRow[]> {
  return tx.$queryRawUnsafe<ManagedRow[]>(
    `SELECT p."id", p."name", p."arn", p."awsManaged", p."accountId", p."defaultVersionId", v."document"
       FROM "Policy" p JOIN "PolicyVersion" v ON v."policyId" = p."id" AND v."versionId" = p."defaultVersionId"`,
  );
}

async function readManaged(tx: Tx, compile: (text: string) => CompiledPolicy): Promise<InventoryPolicy[]> {
  return (await managedRows(tx)).map((row) => ({
    ref: {
      kind: "managed",
      name: row.name,
      arn: row.arn,
      awsManaged: Boolean(row.awsManaged),
      accountId: row.accountId,
      versionId: row.defaultVersionId,
      owner: null,
    },
    ...withScopes(row.document, compile(row.document)),
  }));
}

/** Policies compiled between two yields of the start-up warm-up: about a tenth of a second. */
const WARM_SLICE = 100;

/**
 * Compiles every managed policy's default version into the cache at start-up, a slice at a time,
 * yielding between slices so the server answers requests meanwhile; the catalog's first "policies
 * that allow or deny this action" then compiles nothing. Answers how many distinct documents it
 * compiled (none already compiled).
 */
export async function warmManagedPolicies(): Promise<number> {
  const rows = await managedRows(db());
  let compiled = 0;
  for (let start = 0; start < rows.length; start += WARM_SLICE) {
    for (const { document } of rows.slice(start, start + WARM_SLICE)) {
      if (!isCompiled(document)) compiled += 1;
      withScopes(document, compiledPolicy(document));
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return compiled;
}

async function readInline(tx: Tx, compile: (text: string) => CompiledPolicy): Promise<InventoryPolicy[]> {
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
    ...withScopes(row.document, compile(row.document)),
  });
  return [
    ...users.map((row) => entry("user", row, row.user)),
    ...groups.map((row) => entry("group", row, row.group)),
    ...roles.map((row) => entry("role", row, row.role)),
  ];
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

const whole = keptCache<"whole", { stamp: Stamp; policies: InventoryPolicy[] }>("catalog policies", 1);

/**
 * Every managed and inline policy, compiled and sorted (see compareRefs). The stamp is read
 * before the policies, so a write in between makes the next request read again rather than
 * keep a list older than its stamp; the policies are read in one transaction so all parts agree.
 */
export async function loadPolicyInventory(): Promise<InventoryPolicy[]> {
  const stamp = await readStamp(db());
  const kept = whole.get("whole");
  if (kept && sameStamp(kept.stamp, stamp)) return kept.policies;
  const policies = await db().$transaction(
    async (tx) => {
      const compile = policyCompiler();
      const [managed, inline] = await Promise.all([readManaged(tx, compile), readInline(tx, compile)]);
      return [...managed, ...inline].sort((a, b) => compareRefs(a.ref, b.ref));
    },
    { timeout: 60_000 },
  );
  whole.set("whole", { stamp, policies });
  return policies;
}
