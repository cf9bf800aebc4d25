/**
 * The browser's copy of the action catalog, fetched lazily from our own origin
 * (public/catalog/, published by scripts/build-editor-catalog.mjs): the manifest names a
 * content-hashed folder the browser may cache for good (next.config.mjs), and each file is also
 * kept in memory for the life of the page, so every editor on a page shares one download.
 */
import { indexCatalog, isRecord, type CatalogIndex, type Catalog } from "@/lib/iam/client";
import { toServiceDescriptions, type ServiceDescriptions } from "./descriptions";
import { afterEditorLoads } from "./editor-ready";

interface Manifest {
  catalog: string;
  descriptions: string;
}

let manifest: Promise<Manifest> | undefined;
let catalogIndex: Promise<CatalogIndex> | undefined;
const descriptions = new Map<string, Promise<ServiceDescriptions>>();
const loadedDescriptions = new Map<string, ServiceDescriptions>();

async function fetchJson(url: string, cache: RequestCache): Promise<unknown> {
  const response = await fetch(url, { cache });
  if (!response.ok) throw new Error(`Could not load ${url} (HTTP ${response.status}).`);
  return response.json();
}

function loadManifest(): Promise<Manifest> {
  manifest ??= fetchJson("/catalog/manifest.json", "no-cache").then((value) => {
    if (!isRecord(value) || typeof value.catalog !== "string" || typeof value.descriptions !== "string") {
      throw new Error("The editor catalog manifest is malformed: run `node scripts/build-editor-catalog.mjs`.");
    }
    return { catalog: value.catalog, descriptions: value.descriptions };
  });
  // A failed download may be retried by the next caller.
  manifest.catch(() => (manifest = undefined));
  return manifest;
}

// A shallow check, like lib/catalog/load.ts: the file is ours; this catches a truncated copy.
function isCatalog(value: unknown): value is Catalog {
  return isRecord(value) && typeof value.sourceVersion === "string" && Array.isArray(value.services) && Array.isArray(value.globalConditionKeys);
}

/** The catalog index, downloaded and indexed once per page, after any editor has loaded. */
export function loadEditorCatalog(): Promise<CatalogIndex> {
  catalogIndex ??= afterEditorLoads()
    .then(loadManifest)
    .then((found) => fetchJson(found.catalog, "default"))
    .then((value) => {
      if (!isCatalog(value)) throw new Error("The editor catalog is malformed: run `node scripts/build-editor-catalog.mjs`.");
      return indexCatalog(value);
    });
  catalogIndex.catch(() => (catalogIndex = undefined));
  return catalogIndex;
}

/** One service's action and condition-key descriptions, fetched on first use. */
export function loadServiceDescriptions(service: string): Promise<ServiceDescriptions> {
  const prefix = service.toLowerCase();
  let pending = descriptions.get(prefix);
  if (!pending) {
    pending = loadManifest()
      .then((found) => fetchJson(`${found.descriptions}${encodeURIComponent(prefix)}.json`, "default"))
      .then(toServiceDescriptions)
      .then((loaded) => {
        loadedDescriptions.set(prefix, loaded);
        return loaded;
      });
    pending.catch(() => descriptions.delete(prefix));
    descriptions.set(prefix, pending);
  }
  return pending;
}

/** Descriptions already in memory, for synchronous callers; undefined until loaded. */
export function cachedServiceDescriptions(service: string): ServiceDescriptions | undefined {
  return loadedDescriptions.get(service.toLowerCase());
}
