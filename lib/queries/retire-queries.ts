import type { Query, QueryClient, QueryKey } from "@tanstack/react-query";

const startsWith = (key: QueryKey, prefix: QueryKey) => prefix.every((part, index) => key[index] === part);

/** True when the query's key starts with one of `prefixes`. */
export const underAny = (prefixes: readonly QueryKey[]) => (query: Query) => prefixes.some((prefix) => startsWith(query.queryKey, prefix));

/**
 * After a write removed an entity: its queries (`prefixes`) must never be fetched again, since
 * every fetch would answer 404. Fetches in flight are cancelled; a query nobody shows is dropped
 * at once; a query still on screen (the page that ran the delete, until it navigates away) keeps
 * its data and is dropped when its last observer leaves. Removing a shown query at once would
 * make its observer create and fetch a new one on its next render.
 */
export function retireQueries(client: QueryClient, prefixes: readonly QueryKey[]): Promise<void> {
  if (prefixes.length === 0) return Promise.resolve();
  const cache = client.getQueryCache();
  const gone = underAny(prefixes);
  const dropUnobserved = (): boolean => {
    let left = 0;
    for (const query of cache.findAll({ predicate: gone })) {
      if (query.getObserversCount() === 0) cache.remove(query);
      else left += 1;
    }
    return left === 0;
  };
  const cancelled = client.cancelQueries({ predicate: gone });
  if (!dropUnobserved()) {
    const unsubscribe = cache.subscribe((event) => {
      if (event.type === "observerRemoved" && gone(event.query) && dropUnobserved()) unsubscribe();
    });
  }
  return cancelled;
}
