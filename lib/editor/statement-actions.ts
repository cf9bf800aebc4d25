/**
 * The catalog actions a statement's Action strings stand for, wildcards expanded within their
 * service (action names are case-insensitive; * and ? are the only wildcards):
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
import { compileGlob, type CatalogAction, type CatalogIndex } from "@/lib/iam/client";

/** Services named by the Action strings (lower-case prefixes), in order of first mention. */
export function servicesOf(actions: readonly string[], index: CatalogIndex): string[] {
  const prefixes = new Set<string>();
  for (const action of actions) {
    const colon = action.indexOf(":");
    if (colon <= 0) continue;
    const service = index.service(action.slice(0, colon));
    if (service) prefixes.add(service.prefix);
  }
  return [...prefixes];
}

/** The catalog actions matched by the Action strings; "*" alone matches nothing here (too broad to help). */
export function expandActions(actions: readonly string[], index: CatalogIndex): CatalogAction[] {
  const found = new Map<string, CatalogAction>();
  for (const action of actions) {
    const colon = action.indexOf(":");
    if (colon <= 0) continue;
    const name = action.slice(colon + 1);
    const prefix = action.slice(0, colon);
    if (!/[*?]/.test(name)) {
      const exact = index.action(action);
      if (exact) found.set(`${exact.service}:${exact.name}`, exact);
      continue;
    }
    // The engine's linear-time matcher: a regex built from the typed pattern could backtrack.
    const matches = compileGlob(name, { lowerCase: true });
    for (const candidate of index.actionsOf(prefix)) {
      if (matches(candidate.name.toLowerCase())) found.set(`${candidate.service}:${candidate.name}`, candidate);
    }
  }
  return [...found.values()];
}
