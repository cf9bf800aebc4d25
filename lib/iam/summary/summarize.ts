/**
 * summarizePolicy: what one policy grants and denies, service by service, as the IAM console's
 * policy summary shows it. Access levels are counted over the catalog: "Full" for a level when
 * the policy names every action of that level in the service, "Full access" when it names every
 * action of the service; resources and conditions are listed beside, never folded into the
 * access level.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary-access-level-summaries.html
 */
import { ACCESS_LEVELS, type AccessLevel, type Catalog, type CatalogService } from "../catalog/types";
import type { Effect } from "../types";
import type { CatalogAction } from "../catalog/types";
import { byResourceTypes, withoutApplicableResource, type ApplicableTest } from "./applicable";
import { matchService, readPolicy, type ReadPolicy } from "./statements";
import { uncategorizedActions } from "./uncategorized";
import type { ConditionClause, LevelSummary, PolicySummaryResult, ResourceScope, ServiceSummary, SummaryAction } from "./types";

function distinct<T>(items: Iterable<T>): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) byKey.set(JSON.stringify(item), item);
  return [...byKey.values()];
}

function summarizeService(policy: ReadPolicy, service: CatalogService, matches: readonly (number[] | null)[], unfit: ApplicableTest): ServiceSummary {
  const levels = new Map<AccessLevel, LevelSummary>();
  const statements = new Set<number>();
  const withoutResource: CatalogAction[] = [];
  let count = 0;
  service.actions.forEach((action, i) => {
    let level = levels.get(action.accessLevel);
    if (!level) levels.set(action.accessLevel, (level = { accessLevel: action.accessLevel, extent: "Limited", count: 0, total: 0, actions: [] }));
    level.total++;
    const named = matches[i];
    if (!named) return;
    level.count++;
    count++;
    const entry: SummaryAction = { name: action.name, statements: named };
    if (unfit(action, named)) {
      entry.noApplicableResource = true;
      withoutResource.push(action);
    }
    level.actions.push(entry);
    for (const position of named) statements.add(position);
  });
  const named = ACCESS_LEVELS.flatMap((accessLevel) => {
    const level = levels.get(accessLevel);
    if (!level || level.count === 0) return [];
    level.extent = level.count === level.total ? "Full" : "Limited";
    return [level];
  });
  const used = [...statements].sort((a, b) => a - b).map((position) => policy.statements[position]);
  return {
    service: service.prefix,
    name: service.name,
    fullAccess: count === service.actions.length,
    levels: named,
    count,
    total: service.actions.length,
    resources: distinct<ResourceScope>(used.map((statement) => statement.resources)),
    conditions: distinct<ConditionClause>(used.flatMap((statement) => statement.conditions)),
    unconditional: used.some((statement) => statement.conditions.length === 0),
    withoutResource: byResourceTypes(withoutResource).map((action) => action.name),
    statements: [...statements].sort((a, b) => a - b),
  };
}

function servicesFor(policy: ReadPolicy, catalog: Catalog, effect: Effect, unfit: ApplicableTest): ServiceSummary[] {
  const services: ServiceSummary[] = [];
  for (const service of catalog.services) {
    const matches = matchService(policy, service, effect);
    if (matches) services.push(summarizeService(policy, service, matches, unfit));
  }
  return services;
}

/**
 * `document` is the policy's JSON text or its parsed value. Statements the engine cannot read
 * are skipped and counted; the rest are summarized, so a summary follows a document being typed.
 */
export function summarizePolicy(document: unknown, catalog: Catalog): PolicySummaryResult {
  const policy = readPolicy(document);
  if ("unreadable" in policy) return { kind: "unreadable", message: policy.unreadable };
  const unfit = withoutApplicableResource(policy.statements, catalog);
  return {
    kind: "summary",
    statements: policy.statements,
    explicitDeny: servicesFor(policy, catalog, "Deny", unfit),
    allow: servicesFor(policy, catalog, "Allow", unfit),
    uncategorized: uncategorizedActions(policy, catalog),
    catalogServices: catalog.services.length,
    skippedStatements: policy.skipped,
  };
}
