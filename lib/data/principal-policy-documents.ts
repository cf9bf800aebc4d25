import "server-only";
import { keptCache } from "@/lib/data/compiled-policies";
import type { Tx } from "@/lib/data/write";
import type { PolicyDocument } from "@/lib/iam";

/**
 * Parsed managed-policy documents, kept per (policyId, versionId) in one of the kept caches
 * (compiled-policies.ts: one eviction, cleared with the others). A customer version's document
 * never changes once written; an AWS managed policy re-imported under the same version id with a
 * new text is the exception, seen here after the next restart (the effective-permissions panel
 * reads no text it has cached, to stay fast).
 */
const cache = keptCache<string, PolicyDocument>("parsed managed documents", 4_000);

const keyOf = (policyId: string, versionId: string) => `${policyId}\u0000${versionId}`;

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
  const missing = policies.filter((p) => cache.get(keyOf(p.id, p.defaultVersionId)) === undefined);
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
      cache.set(key, document);
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
