/**
 * The action and condition key descriptions of one service, compiled beside the catalog by
 * scripts/build-catalog.mjs (descriptions/<prefix>.json) and kept out of catalog.json so the
 * engine's data stays small. Read on first use per service; server-side only (node:fs).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadCatalogIndex } from "@/lib/catalog/load";
import { isRecord } from "@/lib/iam";

export interface ServiceDescriptions {
  /** By action name as the catalog spells it. */
  actions: Record<string, string>;
  /** By condition key as the catalog spells it. */
  conditionKeys: Record<string, string>;
}

const DESCRIPTIONS_DIR = path.join(process.cwd(), "lib/iam/catalog/generated/descriptions");
const EMPTY: ServiceDescriptions = { actions: {}, conditionKeys: {} };
const cache = new Map<string, ServiceDescriptions>();

function textRecord(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

function read(prefix: string): ServiceDescriptions {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path.join(DESCRIPTIONS_DIR, `${prefix}.json`), "utf8"));
  } catch {
    // Descriptions are for people; a missing file leaves the cells empty rather than failing.
    return EMPTY;
  }
  if (!isRecord(parsed)) return EMPTY;
  return { actions: textRecord(parsed.actions), conditionKeys: textRecord(parsed.conditionKeys) };
}

/** A known service's descriptions; empty for a prefix the catalog does not have. */
export function serviceDescriptions(prefix: string): ServiceDescriptions {
  const service = loadCatalogIndex().service(prefix);
  if (!service) return EMPTY;
  let entry = cache.get(service.prefix);
  if (!entry) {
    entry = read(service.prefix);
    cache.set(service.prefix, entry);
  }
  return entry;
}
