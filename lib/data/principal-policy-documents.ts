import "server-only";
import { keptCache } from "@/lib/data/compiled-policies";
import type { Tx } from "@/lib/data/write";
import type { PolicyDocument } from "@/lib/iam";

/**
 * Parsed managed-policy documents, kept per (policy, version, policy's UpdateDate) in one of the
 * kept caches (compiled-policies.ts: one eviction, cleared with the others), so the
 * effective-permissions panel reads no text it has already parsed. A customer version's document
 * never changes once written. An AWS managed policy re-imported with a new text under the same
 * version id is the exception: the import moves the policy's UpdateDate
 * (prisma/seed/import-managed-policies.ts), which is part of the key, so the new text is read.
 */
const cache = keptCache<string, PolicyDocument>("parsed managed documents", 4_000);

const keyOf = (policy: VersionRef) => `${policy.id}\u0000${policy.defaultVersionId}\u0000${policy.updatedAt.getTime()}`;

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
  updatedAt: Date;
}

/**
 * The default-version documents of `policies`, reading only those not cached, in one query.
 * Returns a lookup; every policy passed has an entry afterwards.
 */
export async function managedDocuments(tx: Tx, policies: readonly VersionRef[]): Promise<(policy: VersionRef) => PolicyDocument> {
  const missing = policies.filter((p) => cache.get(keyOf(p)) === undefined);
  const read = new Map<string, PolicyDocument>();
  if (missing.length > 0) {
    const rows = await tx.policyVersion.findMany({
      where: { OR: missing.map((p) => ({ policyId: p.id, versionId: p.defaultVersionId })) },
      select: { policyId: true, versionId: true, document: true },
    });
    const byVersion = new Map(rows.map((row) => [`${row.policyId}\u0000${row.versionId}`, row.document]));
    for (const policy of missing) {
      const text = byVersion.get(`${policy.id}\u0000${policy.defaultVersionId}`);
      if (text === undefined) continue;
      const key = keyOf(policy);
      const document = parseStoredDocument(text);
      read.set(key, document);
      cache.set(key, document);
    }
  }
  return (policy) => {
    const key = keyOf(policy);
    const document = read.get(key) ?? cache.get(key);
    // The version row and the policy's default pointer are written in one transaction.
    if (document === undefined) throw new Error(`Policy ${policy.id} has no version ${policy.defaultVersionId}`);
    return document;
  };
}
