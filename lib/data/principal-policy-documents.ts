import "server-only";
import type { Tx } from "@/lib/data/write";
import type { PolicyDocument } from "@/lib/iam";

/**
 * Parsed managed-policy documents, kept per (policyId, versionId). A version's document never
 * changes once written (a new document is a new version; ids are never reused, and a re-created
 * policy gets a new id), so an entry never goes stale; AWS managed policies are the bulk of it.
 * Bounded so a long-running server over a large database keeps a fixed footprint.
 */
const MAX_ENTRIES = 4_000;
const cache = new Map<string, PolicyDocument>();

const keyOf = (policyId: string, versionId: string) => `${policyId}\u0000${versionId}`;

function remember(key: string, document: PolicyDocument): void {
  if (cache.size >= MAX_ENTRIES) {
    // Maps iterate in insertion order: drop the oldest entry.
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, document);
}

/**
 * A stored document as the engine takes it: parsed once here. Stored documents were validated
 * on write; text that is somehow not JSON is passed as text, so the engine reports it as an
 * invalid policy instead of this layer guessing.
 */
export function parseStoredDocument(text: string): PolicyDocument {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

interface VersionRef {
  id: string;
  defaultVersionId: string;
}

/**
 * The default-version documents of `policies`, reading only those not cached, in one query.
 * Returns a lookup; every policy passed has an entry afterwards.
 */
export async function managedDocuments(tx: Tx, policies: readonly VersionRef[]): Promise<(policy: VersionRef) => PolicyDocument> {
  const missing = policies.filter((p) => !cache.has(keyOf(p.id, p.defaultVersionId)));
  const read = new Map<string, PolicyDocument>();
  if (missing.length > 0) {
    const rows = await tx.policyVersion.findMany({
      where: { OR: missing.map((p) => ({ policyId: p.id, versionId: p.defaultVersionId })) },
      select: { policyId: true, versionId: true, document: true },
    });
    for (const row of rows) {
      const key = keyOf(row.policyId, row.versionId);
      const document = parseStoredDocument(row.document);
      read.set(key, document);
      remember(key, document);
    }
  }
  return (policy) => {
    const key = keyOf(policy.id, policy.defaultVersionId);
    const document = read.get(key) ?? cache.get(key);
    // The version row and the policy's default pointer are written in one transaction.
    if (document === undefined) throw new Error(`Policy ${policy.id} has no version ${policy.defaultVersionId}`);
    return document;
  };
}
