/**
 * Search over the compiled catalog for the catalog browser: actions by name across all ~22,000
 * ("GetObject", "s3:Get", "s3:Get*Acl") and services by prefix or name. Pure: the catalog is
 * handed in; the flat action list is built once per catalog.
 */
import { compileGlob, type AccessLevel, type Catalog, type CatalogService } from "@/lib/iam/client";

export interface ActionHit {
  service: string;
  serviceName: string;
  name: string;
  accessLevel: AccessLevel;
}

export interface ActionSearch {
  total: number;
  items: ActionHit[];
}

interface Entry extends ActionHit {
  lowerName: string;
}

const flat = new WeakMap<Catalog, Entry[]>();

function entriesOf(catalog: Catalog): Entry[] {
  let entries = flat.get(catalog);
  if (!entries) {
    entries = catalog.services.flatMap((service) =>
      service.actions.map((action) => ({
        service: service.prefix,
        serviceName: service.name,
        name: action.name,
        accessLevel: action.accessLevel,
        lowerName: action.name.toLowerCase(),
      })),
    );
    flat.set(catalog, entries);
  }
  return entries;
}

/**
 * How well a name fits the typed text: 0 exact, 1 prefix, 2 anywhere, null not at all. Text with
 * `*` or `?` is a wildcard pattern over the whole name, as in a policy's Action element.
 */
function nameMatcher(text: string): (lowerName: string) => number | null {
  if (/[*?]/.test(text)) {
    const matches = compileGlob(text);
    return (name) => (matches(name) ? 0 : null);
  }
  return (name) => (name === text ? 0 : name.startsWith(text) ? 1 : name.includes(text) ? 2 : null);
}

/**
 * Actions matching `query`, best first (exact, then starting with, then containing the text; by
 * service and name within each), `pageSize` of them from `page` (1-based). "service:text" looks
 * only in that service; text alone looks at every action's name.
 */
export function searchActions(catalog: Catalog, query: string, page: number, pageSize: number): ActionSearch {
  const text = query.trim().toLowerCase();
  if (text === "") return { total: 0, items: [] };
  const colon = text.indexOf(":");
  const service = colon < 0 ? null : text.slice(0, colon);
  const fits = nameMatcher(colon < 0 ? text : text.slice(colon + 1));
  const ranked: Entry[][] = [[], [], []];
  for (const entry of entriesOf(catalog)) {
    if (service !== null && entry.service !== service) continue;
    const rank = fits(entry.lowerName);
    if (rank !== null) ranked[rank].push(entry);
  }
  const all = ranked.flat();
  const start = (page - 1) * pageSize;
  const items = all.slice(start, start + pageSize).map(({ service: prefix, serviceName, name, accessLevel }) => ({ service: prefix, serviceName, name, accessLevel }));
  return { total: all.length, items };
}

/** Services whose prefix or name contains `query` (the part before ":" when there is one). */
export function searchServices(catalog: Catalog, query: string): CatalogService[] {
  const text = query.trim().toLowerCase().split(":")[0];
  if (text === "") return catalog.services;
  return catalog.services.filter((service) => service.prefix.includes(text) || service.name.toLowerCase().includes(text));
}
