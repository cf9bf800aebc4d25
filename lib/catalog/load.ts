/**
 * Reads the compiled action catalog from disk once per process. Server-side only (node:fs); it
 * does not import "server-only" because command-line scripts (simulate, bench) load it too.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { indexCatalog, type CatalogIndex } from "@/lib/iam/catalog";
import type { Catalog } from "@/lib/iam/catalog/types";

export const CATALOG_PATH = path.join(process.cwd(), "lib/iam/catalog/generated/catalog.json");

let catalog: Catalog | undefined;
let index: CatalogIndex | undefined;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

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

export function loadCatalog(): Catalog {
  if (catalog) return catalog;
  let text: string;
  try {
    text = readFileSync(CATALOG_PATH, "utf8");
  } catch (error) {
    throw new Error(
      `The action catalog ${CATALOG_PATH} is missing: run \`npm run postinstall\` ` +
        "(or `node scripts/build-catalog.mjs`) to compile it.",
      { cause: error },
    );
  }
  const parsed: unknown = JSON.parse(text);
  if (!isCatalog(parsed)) {
    throw new Error(
      `The action catalog ${CATALOG_PATH} is not a catalog: rebuild it with ` +
        "`node scripts/build-catalog.mjs --force`.",
    );
  }
  catalog = parsed;
  return catalog;
}

/** The index over loadCatalog(), built once. */
export function loadCatalogIndex(): CatalogIndex {
  index ??= indexCatalog(loadCatalog());
  return index;
}
