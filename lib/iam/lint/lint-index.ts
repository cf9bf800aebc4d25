/**
 * What the linter derives from the catalog, built once per CatalogIndex and kept beside it:
 * the editor lints on every (debounced) keystroke, so nothing here is rebuilt per call.
 */
import type { CatalogIndex } from "../catalog";
import { closest } from "./distance";
import { SEGMENT_STAR } from "./glob";
import { replaceBraced } from "../variables";

/** The five colon-separated fields of an ARN plus the resource part, as wildcard patterns. */
export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

export interface LintIndex {
  /**
   * The known service prefix (or ARN service) closest to an unknown one, memoised: a policy
   * repeats a misspelt prefix in every entry.
   */
  suggestService(prefix: string, among: "actions" | "arns"): string | undefined;
  /** "service:Action" names of a service's actions (empty for an unknown service). */
  actionNames(prefix: string): readonly string[];
  /** Resource ARN patterns per ARN service field (lower case), from every resource type. */
  arnShapes(service: string): readonly ArnParts[] | undefined;
  /**
   * A catalog ARN pattern as wildcard patterns (${Placeholders} become `*`), computed once. A
   * few resource types list alternatives: "arn:…/apis/${ApiId}, arn:…/restapis/${RestApiId}".
   */
  catalogArns(pattern: string): readonly CatalogArn[];
  globalKeys: readonly string[];
  serviceKeys(prefix: string): readonly string[];
}

/** A catalog ARN as a wildcard pattern, and where its resource part starts (after the 5th colon). */
export interface CatalogArn {
  glob: string;
  resourceStart: number;
  /**
   * `glob` with the placeholders of one path segment as SEGMENT_STAR (see segmentPlaceholders):
   * the pattern to compare a policy's Resource with (lib/iam/lint/glob.ts `intersects`).
   */
  fit: string;
}

/** Where the resource part starts: after the 5th colon (placeholders hold no colon). */
function resourceStartOf(text: string): number {
  let colons = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ":" && ++colons === 5) return i + 1;
  }
  return text.length;
}

function toCatalogArn(pattern: string, segments: ReadonlySet<string> | undefined): CatalogArn {
  const glob = catalogGlob(pattern);
  const split = resourceStartOf(pattern);
  const resource = pattern.slice(split);
  const fit = catalogGlob(pattern.slice(0, split)) + replaceBraced(resource, (name, start) => (segments?.has(segmentKey(resource, start, name)) ? SEGMENT_STAR : "*"));
  return { glob, resourceStart: resourceStartOf(glob), fit };
}

/**
 * A placeholder where it stands in a resource pattern: the pattern's text before it, then it
 * ("${BucketName}" of the bucket and of "${BucketName}/${ObjectName}"; "rule/${EventBusName}").
 */
const segmentKey = (resource: string, start: number, name: string) => `${resource.slice(0, start)}\${${name}}`;

/**
 * Per ARN service field, the placeholders its own resource types follow with "/", each keyed by
 * the text before it (the bucket of "arn:${Partition}:s3:::${BucketName}/${ObjectName}"): the
 * catalog itself shows they name one path segment where the same text leads to them, so
 * "arn:aws:s3:::my_bucket/*" is an object and never the bucket. Only the same lead-in counts:
 * "rule/${EventBusName}/…" says nothing of "event-bus/${EventBusName}" (partner buses hold "/"),
 * nor "assumed-role/${RoleName}/…" of "role/${RoleNameWithPath}".
 */
function segmentPlaceholders(catalog: CatalogIndex): Map<string, Set<string>> {
  const byService = new Map<string, Set<string>>();
  for (const service of catalog.catalog.services) {
    for (const type of service.resourceTypes) {
      for (const pattern of type.arn.split(/,\s*(?=arn:)/)) {
        const arnService = pattern.split(":")[2]?.toLowerCase();
        if (!arnService || arnService.includes("$")) continue;
        const resource = pattern.slice(resourceStartOf(pattern));
        for (const match of resource.matchAll(/\$\{([^}]+)\}\//g)) {
          const set = byService.get(arnService) ?? new Set<string>();
          set.add(segmentKey(resource, match.index, match[1]));
          byService.set(arnService, set);
        }
      }
    }
  }
  return byService;
}

export function splitArn(arn: string): ArnParts | undefined {
  const fields = arn.split(":");
  if (fields.length < 6 || fields[0] !== "arn") return undefined;
  return {
    partition: fields[1],
    service: fields[2],
    region: fields[3],
    account: fields[4],
    resource: fields.slice(5).join(":"),
  };
}

/** A catalog pattern's placeholders stand for any text. */
function catalogGlob(pattern: string): string {
  return replaceBraced(pattern, () => "*");
}

/**
 * A policy's own text as a pattern: ${*}, ${?} and ${$} are the literal characters (read
 * loosely as "one character"); any other variable is unknown until request time, so `*`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
export function policyGlob(text: string): string {
  return replaceBraced(text, (name) => (name === "$" ? "$" : name === "*" || name === "?" ? "?" : "*"));
}

const cache = new WeakMap<CatalogIndex, LintIndex>();

function build(catalog: CatalogIndex): LintIndex {
  const arns = new Map<string, CatalogArn[]>();
  const segments = segmentPlaceholders(catalog);
  const catalogArns = (pattern: string): readonly CatalogArn[] => {
    let list = arns.get(pattern);
    if (!list) {
      list = pattern.split(/,\s*(?=arn:)/).map((one) => toCatalogArn(one, segments.get(one.split(":")[2]?.toLowerCase() ?? "")));
      arns.set(pattern, list);
    }
    return list;
  };
  const shapes = new Map<string, ArnParts[]>();
  for (const service of catalog.catalog.services) {
    for (const type of service.resourceTypes) {
      for (const { glob } of catalogArns(type.arn)) {
        const parts = splitArn(glob);
        if (!parts || parts.service.includes("*")) continue;
        const key = parts.service.toLowerCase();
        const list = shapes.get(key) ?? [];
        list.push(parts);
        shapes.set(key, list);
      }
    }
  }
  const names = new Map<string, string[]>();
  const servicePrefixes = catalog.catalog.services.map((service) => service.prefix);
  const suggestions = new Map<string, string | undefined>();
  const arnServices = [...shapes.keys()];
  const keys = new Map<string, string[]>();
  return {
    suggestService(prefix, among) {
      const key = `${among}:${prefix.toLowerCase()}`;
      if (!suggestions.has(key)) {
        // Bounded: an editor session types many half-finished prefixes.
        if (suggestions.size >= 1000) suggestions.clear();
        suggestions.set(key, closest(prefix, among === "actions" ? servicePrefixes : arnServices));
      }
      return suggestions.get(key);
    },
    actionNames(prefix) {
      const lower = prefix.toLowerCase();
      let list = names.get(lower);
      if (!list) {
        list = catalog.actionsOf(lower).map((action) => `${action.service}:${action.name}`);
        names.set(lower, list);
      }
      return list;
    },
    arnShapes: (service) => shapes.get(service.toLowerCase()),
    catalogArns,
    globalKeys: catalog.catalog.globalConditionKeys.map((key) => key.key),
    serviceKeys(prefix) {
      const lower = prefix.toLowerCase();
      let list = keys.get(lower);
      if (!list) {
        list = (catalog.service(lower)?.conditionKeys ?? []).map((key) => key.key);
        keys.set(lower, list);
      }
      return list;
    },
  };
}

export function lintIndexOf(catalog: CatalogIndex): LintIndex {
  let index = cache.get(catalog);
  if (!index) {
    index = build(catalog);
    cache.set(catalog, index);
  }
  return index;
}
