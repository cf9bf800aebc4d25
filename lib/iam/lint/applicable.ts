/**
 * Whether a statement's Resource list gives an action something to apply to: some Resource can
 * be one of the action's resource types (their ARN formats, from the catalog), or the action
 * has no resource type and the list holds "*". The Service Authorization Reference: an action
 * with an empty "Resource types" column "doesn't support specifying a resource ARN", so only
 * "Resource": "*" applies to it.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 * https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 *
 * Shared by the linter's resource-type rules and the policy summary's resource warning.
 */
import type { CatalogIndex } from "../catalog";
import type { CatalogAction } from "../catalog/types";
import { intersects } from "./glob";
import { lintIndexOf, policyGlob, type CatalogArn } from "./lint-index";

export type Applicability =
  /** Some Resource can be one of the action's resource types. */
  | "applies"
  /** The action has no resource type: it applies only to "Resource": "*". */
  | "needsEveryResource"
  /** The action has resource types, and no Resource can be any of them. */
  | "noMatchingResource"
  /** The catalog has a gap (a resource type without an ARN format): no judgement. */
  | "unknown";

export interface ResourceFit {
  (action: CatalogAction): Applicability;
}

/**
 * A test of actions against one statement's Resource patterns (as written; policy variables
 * read as `*`), or undefined when the list holds something other than an ARN ("*", or text
 * that is not an ARN): then every action may apply, and there is nothing to say. Comparisons
 * of a catalog ARN with the resources are remembered, since actions of one service share their
 * resource types: a wildcard matching hundreds of actions costs a few dozen comparisons.
 */
export function resourceFit(resources: readonly string[], catalog: CatalogIndex): ResourceFit | undefined {
  const globs = resources.map(policyGlob);
  if (globs.length === 0 || globs.some((resource) => !resource.startsWith("arn:"))) return undefined;
  const index = lintIndexOf(catalog);
  const matched = new Map<string, boolean>();
  const anyResourceMatches = (pattern: CatalogArn): boolean => {
    let result = matched.get(pattern.fit);
    if (result === undefined) {
      result = globs.some((resource) => intersects(pattern.fit, resource, pattern.resourceStart));
      matched.set(pattern.fit, result);
    }
    return result;
  };
  return (action) => {
    if (action.resourceTypes.length === 0) return "needsEveryResource";
    const types = catalog.resourceTypesOf(action);
    if (types.some((type) => type.arn === null)) return "unknown";
    const patterns = types.flatMap((type) => index.catalogArns(type.arn ?? ""));
    return patterns.some(anyResourceMatches) ? "applies" : "noMatchingResource";
  };
}

/**
 * Whether `resource` (a policy's Resource, variables read as `*`, or a request's ARN) can be an
 * ARN of the resource type whose catalog format is `typeArn`, by the same matching as above.
 */
export function fitsResourceType(typeArn: string, resource: string, catalog: CatalogIndex): boolean {
  const glob = policyGlob(resource);
  if (!glob.startsWith("arn:")) return false;
  return lintIndexOf(catalog)
    .catalogArns(typeArn)
    .some((pattern) => intersects(pattern.fit, glob, pattern.resourceStart));
}

