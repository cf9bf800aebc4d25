/**
 * Lookups over a compiled Catalog. Pure: the catalog is handed in (lib/catalog/load.ts reads it
 * on the server). Build the index once per catalog and reuse it; every lookup is a map hit
 * except condition keys with a placeholder (aws:RequestTag/${TagKey}), which fall back to a
 * short list of compiled patterns.
 */
import type {
  Catalog,
  CatalogAction,
  CatalogConditionKey,
  CatalogResourceType,
  CatalogService,
} from "./types";
import { compileTokens, tokenize, type StringMatcher } from "../match/glob";

/** Where a condition key is defined: the global list, or the first service that lists it. */
export type ConditionKeyScope = "global" | "service";

export interface ConditionKeyMatch {
  definition: CatalogConditionKey;
  scope: ConditionKeyScope;
  /** Service prefix for scope "service"; null for global keys. */
  service: string | null;
  /** True when the key matched a pattern such as aws:PrincipalTag/${TagKey}. */
  viaPattern: boolean;
}

/** A resource type as one action uses it, with the type's ARN pattern resolved. */
export interface ActionResourceType {
  name: string;
  required: boolean;
  /** ARN pattern, or null when the service does not define the type (a data gap upstream). */
  arn: string | null;
  /** Keys of the resource type itself plus those of this action's row for it. */
  conditionKeys: string[];
}

export interface CatalogIndex {
  readonly catalog: Catalog;
  readonly actionCount: number;
  /** An action by "service:Action" in any case. */
  action(qualifiedName: string): CatalogAction | undefined;
  /** A service by prefix in any case. */
  service(prefix: string): CatalogService | undefined;
  /** Every action of a service (empty for an unknown prefix). */
  actionsOf(prefix: string): readonly CatalogAction[];
  /** A condition key by name in any case; tag-style keys resolve through their pattern. */
  conditionKey(key: string): ConditionKeyMatch | undefined;
  /** The resource types an action can target, with ARN patterns. */
  resourceTypesOf(action: CatalogAction): ActionResourceType[];
}

interface KeyPattern {
  /** Tests a lower-cased key name. */
  matches: StringMatcher;
  /** Characters outside placeholders: the longer, the more specific the pattern. */
  literalLength: number;
  match: ConditionKeyMatch;
}

// The source spells placeholders two ways: ${TagKey} and <key> (s3:ExistingObjectTag/<key>).
const PLACEHOLDER = /\$\{[^}]+\}|<[^>]+>/;

function patternOf(definition: CatalogConditionKey, match: ConditionKeyMatch): KeyPattern | null {
  if (!PLACEHOLDER.test(definition.key)) return null;
  const literals = definition.key.split(PLACEHOLDER);
  // A placeholder stands for one or more characters ("?*"), "/" included since tag keys may
  // contain it. Condition key names are case-insensitive, so the whole pattern is too.
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
  const segments = literals.flatMap((text, i) => (i === 0 ? [{ text, literal: true }] : [{ text: "?*", literal: false }, { text, literal: true }]));
  return {
    matches: compileTokens(tokenize(segments, { lowerCase: true })),
    literalLength: literals.join("").length,
    match: { ...match, viaPattern: true },
  };
}

export function indexCatalog(catalog: Catalog): CatalogIndex {
  const services = new Map<string, CatalogService>();
  const actions = new Map<string, CatalogAction>();
  const resourceTypes = new Map<string, CatalogResourceType>();
  const keys = new Map<string, ConditionKeyMatch>();
  const patterns: KeyPattern[] = [];

  // First definition wins: global keys are registered before any service's copy of them.
  const addKey = (definition: CatalogConditionKey, service: string | null): void => {
    const lower = definition.key.toLowerCase();
    if (keys.has(lower)) return;
    const match: ConditionKeyMatch = {
      definition,
      scope: service === null ? "global" : "service",
      service,
      viaPattern: false,
    };
    keys.set(lower, match);
    const pattern = patternOf(definition, match);
    if (pattern) patterns.push(pattern);
  };

  for (const key of catalog.globalConditionKeys) addKey(key, null);
  let actionCount = 0;
  for (const service of catalog.services) {
    services.set(service.prefix, service);
    for (const action of service.actions) {
      actions.set(`${service.prefix}:${action.name.toLowerCase()}`, action);
      actionCount += 1;
    }
    for (const type of service.resourceTypes) resourceTypes.set(`${service.prefix}:${type.name}`, type);
    for (const key of service.conditionKeys) addKey(key, service.prefix);
  }
  // events:Metadata/x/Matcher must resolve to ".../${MetadataKey}/Matcher", not ".../${MetadataKey}".
  patterns.sort((a, b) => b.literalLength - a.literalLength);

  return {
    catalog,
    actionCount,
    action: (qualifiedName) => actions.get(qualifiedName.toLowerCase()),
    service: (prefix) => services.get(prefix.toLowerCase()),
    actionsOf: (prefix) => services.get(prefix.toLowerCase())?.actions ?? [],
    conditionKey(key) {
      const lower = key.toLowerCase();
      const exact = keys.get(lower);
      if (exact) return exact;
      return patterns.find((pattern) => pattern.matches(lower))?.match;
    },
    resourceTypesOf(action) {
      return action.resourceTypes.map((ref) => {
        const type = resourceTypes.get(`${action.service}:${ref.name}`);
        const ownKeys = type?.conditionKeys ?? [];
        return {
          name: ref.name,
          required: ref.required,
          arn: type?.arn ?? null,
          conditionKeys: [...new Set([...ownKeys, ...(ref.conditionKeys ?? [])])],
        };
      });
    },
  };
}
