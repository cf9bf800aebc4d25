/**
 * Reads the compiled action catalog from disk once per process. Server-side only (node:fs); it
 * does not import "server-only" because command-line scripts (simulate, bench) load it too.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { indexCatalog, isRecord, type Catalog, type CatalogIndex } from "@/lib/iam";

export const CATALOG_PATH = path.join(process.cwd(), "lib/iam/catalog/generated/catalog.json");

let catalog: Catalog | undefined;
let index: CatalogIndex | undefined;

// A shallow check: the file is ours, written by scripts/build-catalog.mjs; this catches a stale
// or truncated file without walking 22,000 actions on every start.
function isCatalog(value: unknown): value is Catalog {
  return (
    isRecord(value) &&
    typeof value.sourceVersion === "string" &&
    Array.isArray(value.services) &&
    value.services.length > 0 &&
    Array.isArray(value.globalConditionKeys)
  );
}

/** The parsed value, or undefined for text that is not JSON (a truncated write). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Reads and checks a compiled catalog file (no memo; loadCatalog is the usual entry). */
export function readCatalog(file: string): Catalog {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(
      `The action catalog ${file} is missing: run \`npm run postinstall\` ` +
        "(or `node scripts/build-catalog.mjs`) to compile it.",
      { cause: error },
    );
  }
  const parsed = parseJson(text);
  if (!isCatalog(parsed)) {
    throw new Error(
      `The action catalog ${file} is not a compiled catalog: rebuild it with ` +
        "`node scripts/build-catalog.mjs --force`.",
    );
  }
  return parsed;
}

/** The compiled catalog, read once per process. */
export function loadCatalog(): Catalog {
  catalog ??= readCatalog(CATALOG_PATH);
  return catalog;
}

/** The index over loadCatalog(), built once. */
export function loadCatalogIndex(): CatalogIndex {
  index ??= indexCatalog(loadCatalog());
  return index;
}
