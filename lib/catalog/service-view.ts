/**
 * Services and actions of the compiled catalog as the catalog browser shows them: resource types
 * with their ARN formats, condition keys with types and descriptions. Server-side (reads the
 * catalog and description files); the API routes and the server pages share it.
 */
import { serviceDescriptions } from "@/lib/catalog/descriptions";
import { loadCatalogIndex } from "@/lib/catalog/load";
import { ACCESS_LEVELS, type ActionResourceType, type CatalogIndex, type AccessLevel, type CatalogAction, type CatalogService } from "@/lib/iam/client";

export interface ConditionKeyView {
  key: string;
  /** String, ArrayOfString, Numeric, Date, Bool, ARN, IPAddress…; null when the catalog lacks it. */
  type: string | null;
  /** Empty when the source has none (global keys have none). */
  description: string;
}

export interface ActionView {
  service: string;
  serviceName: string;
  name: string;
  accessLevel: AccessLevel;
  description: string;
  resourceTypes: ActionResourceType[];
  conditionKeys: ConditionKeyView[];
}

export interface ServiceSummary {
  prefix: string;
  name: string;
  actionCount: number;
  accessLevelCounts: Record<AccessLevel, number>;
}

export interface ServiceView extends ServiceSummary {
  actions: ActionView[];
  resourceTypes: { name: string; arn: string; conditionKeys: string[] }[];
  conditionKeys: ConditionKeyView[];
}

function accessLevelCounts(service: CatalogService): Record<AccessLevel, number> {
  const counts = Object.fromEntries(ACCESS_LEVELS.map((level) => [level, 0])) as Record<AccessLevel, number>;
  for (const action of service.actions) counts[action.accessLevel] += 1;
  return counts;
}

export function summarizeService(service: CatalogService): ServiceSummary {
  return { prefix: service.prefix, name: service.name, actionCount: service.actions.length, accessLevelCounts: accessLevelCounts(service) };
}

/** A key's type from the catalog and its description from the defining service's file. */
function conditionKeyView(index: CatalogIndex, key: string): ConditionKeyView {
  const match = index.conditionKey(key);
  const description = match?.service ? (serviceDescriptions(match.service).conditionKeys[match.definition.key] ?? "") : "";
  return { key, type: match?.definition.type ?? null, description };
}

function actionView(index: CatalogIndex, service: CatalogService, action: CatalogAction): ActionView {
  return {
    service: service.prefix,
    serviceName: service.name,
    name: action.name,
    accessLevel: action.accessLevel,
    description: serviceDescriptions(service.prefix).actions[action.name] ?? "",
    resourceTypes: index.resourceTypesOf(action),
    conditionKeys: action.conditionKeys.map((key) => conditionKeyView(index, key)),
  };
}

/** Every service, by prefix, with its action counts. */
export function listServices(): ServiceSummary[] {
  return loadCatalogIndex().catalog.services.map(summarizeService);
}

/** One service in full, or undefined for a prefix the catalog does not have. */
export function getServiceView(prefix: string): ServiceView | undefined {
  const index = loadCatalogIndex();
  const service = index.service(prefix);
  if (!service) return undefined;
  const descriptions = serviceDescriptions(service.prefix);
  return {
    ...summarizeService(service),
    actions: service.actions.map((action) => actionView(index, service, action)),
    // The compiled file leaves conditionKeys out for ~500 resource types that have none.
    resourceTypes: service.resourceTypes.map(({ name, arn, conditionKeys }) => ({ name, arn, conditionKeys: conditionKeys ?? [] })),
    conditionKeys: service.conditionKeys.map(({ key, type }) => ({ key, type, description: descriptions.conditionKeys[key] ?? "" })),
  };
}

/** One action by "service:Action" in any case, or undefined when the catalog lacks it. */
export function getActionView(qualifiedName: string): ActionView | undefined {
  const index = loadCatalogIndex();
  const action = index.action(qualifiedName);
  const service = action && index.service(action.service);
  return action && service ? actionView(index, service, action) : undefined;
}
