// Catalog browser URLs. The catalog is the same for every account; `account` only remembers the
// account the visitor came from, so links to AWS managed policies open in it. Segments are
// encoded like every console URL (service prefixes hold "-", action names are alphanumeric).

export interface CatalogContext {
  account: string | null;
}

type Query = Record<string, string | number | null | undefined>;

function withQuery(base: string, ctx: CatalogContext, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== "" && !(key === "page" && value === 1)) params.set(key, String(value));
  }
  if (ctx.account) params.set("account", ctx.account);
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}

const enc = encodeURIComponent;

export const catalogPaths = {
  home: (ctx: CatalogContext, query?: { q?: string; page?: number }) => withQuery("/catalog", ctx, query),
  service: (ctx: CatalogContext, prefix: string, query?: { level?: string | null }) => withQuery(`/catalog/${enc(prefix)}`, ctx, query),
  action: (ctx: CatalogContext, service: string, name: string, query?: { effect?: string | null; policy?: string | null; page?: number }) =>
    withQuery(`/catalog/${enc(service)}/${enc(name)}`, ctx, query),
};

/** The catalog context from a page's search params: an account id of 12 digits, or none. */
export function catalogContext(params: Record<string, string | string[] | undefined>): CatalogContext {
  const account = params.account;
  return { account: typeof account === "string" && /^\d{12}$/.test(account) ? account : null };
}

/** A search param as one trimmed string ("" when absent or repeated). */
export function textParam(params: Record<string, string | string[] | undefined>, key: string): string {
  const value = params[key];
  return typeof value === "string" ? value.trim().slice(0, 128) : "";
}

/** A 1-based page number from the search params (1 when absent or not a positive integer). */
export function pageParam(params: Record<string, string | string[] | undefined>): number {
  const page = Number(textParam(params, "page"));
  return Number.isInteger(page) && page > 0 ? page : 1;
}
