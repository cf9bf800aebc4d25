/**
 * Action patterns that name nothing in the catalog: an unknown service prefix, or a known
 * service without such an action. The IAM console lists them as uncategorized: a typo there
 * grants nothing, silently.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-service-summary.html
 */
import type { Catalog, CatalogService } from "../catalog/types";
import { actionName, compileActionPatterns } from "../match/action";
import type { ReadPolicy } from "./statements";
import type { UncategorizedAction, UncategorizedReason } from "./types";

const servicesByCatalog = new WeakMap<Catalog, Map<string, CatalogService>>();

function servicesOf(catalog: Catalog): Map<string, CatalogService> {
  let services = servicesByCatalog.get(catalog);
  if (!services) {
    services = new Map(catalog.services.map((service) => [service.prefix, service]));
    servicesByCatalog.set(catalog, services);
  }
  return services;
}

function namesAnAction(pattern: string, service: CatalogService): boolean {
  const matcher = compileActionPatterns([pattern]);
  const coverage = matcher.coverage(service.prefix);
  if (coverage !== "some") return coverage === "all";
  return service.actions.some((action) => matcher.matches(actionName(`${service.prefix}:${action.name}`)));
}

/** Why the pattern names no action of the catalog, or null when it names one. */
function reasonFor(pattern: string, catalog: Catalog): UncategorizedReason | null {
  if (pattern === "*") return null;
  const { service } = actionName(pattern);
  if (/[*?]/.test(service) || !pattern.includes(":")) {
    return catalog.services.some((candidate) => namesAnAction(pattern, candidate)) ? null : "unknownService";
  }
  const known = servicesOf(catalog).get(service);
  if (!known) return "unknownService";
  return namesAnAction(pattern, known) ? null : "unknownAction";
}

export function uncategorizedActions(policy: ReadPolicy, catalog: Catalog): UncategorizedAction[] {
  const found: UncategorizedAction[] = [];
  policy.statements.forEach((statement, position) => {
    for (const pattern of policy.actionPatterns[position]) {
      const reason = reasonFor(pattern, catalog);
      if (reason) found.push({ effect: statement.effect, pattern, service: actionName(pattern).service, reason, statement: position });
    }
  });
  return found;
}
