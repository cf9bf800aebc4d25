import type { ActionResourceType } from "../../catalog";
import { DOCS } from "../docs";
import { hasWildcard, intersects } from "../glob";
import { where, type LintContext, type StatementView } from "../context";
import { policyGlob, type CatalogArn } from "../lint-index";

function describeTypes(types: readonly ActionResourceType[]): string {
  const shown = types.slice(0, 3).map((type) => `${type.name} (${type.arn})`);
  const more = types.length > 3 ? ` and ${types.length - 3} more` : "";
  return `${shown.join(", ")}${more}`;
}

/**
 * The classic mistake: s3:GetObject on "arn:aws:s3:::my_bucket" names the bucket, and the
 * action acts on objects ("arn:aws:s3:::my_bucket/*"), so the statement never applies to it.
 * Flagged only when no resource of the statement can be any resource type of the action;
 * actions without resource types (they need "*") and wildcard actions are left alone. ARNs
 * are compared whole: the catalog's placeholders stay within their field, but a policy's `*`
 * may run past a colon (lenient, as a warning should be).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
export function checkResourceTypes(statement: StatementView, context: LintContext): void {
  const resources = statement.resource?.map((item) => policyGlob(item.value));
  if (!statement.action || !resources || resources.length === 0) return;
  // "*" can be anything.
  if (resources.some((resource) => !resource.startsWith("arn:"))) return;
  // Actions of one service share resource types: compare each pattern with the resources once.
  const matched = new Map<string, boolean>();
  const anyResourceMatches = (pattern: CatalogArn): boolean => {
    let result = matched.get(pattern.glob);
    if (result === undefined) {
      result = resources.some((resource) => intersects(pattern.glob, resource, pattern.resourceStart));
      matched.set(pattern.glob, result);
    }
    return result;
  };
  for (const item of statement.action) {
    if (hasWildcard(item.value)) continue;
    const action = context.catalog.action(item.value);
    if (!action || action.resourceTypes.length === 0) continue;
    const types = context.catalog.resourceTypesOf(action);
    // A type without an ARN pattern is a gap in the catalog: do not guess.
    if (types.some((type) => type.arn === null)) continue;
    const patterns = types.flatMap((type) => context.index.catalogArns(type.arn ?? ""));
    if (patterns.some(anyResourceMatches)) continue;
    const hint = action.service === "s3" ? ' (objects are "arn:aws:s3:::bucket/*", not the bucket)' : "";
    context.report({
      code: "NoMatchingResourceType",
      severity: "warning",
      path: item.path,
      message:
        `${where(statement)}: ${action.service}:${action.name} acts on ${describeTypes(types)}, and no Resource of this statement matches those ARNs, ` +
        `so the statement never applies to it; name the resource it acts on${hint}.`,
      docUrl: DOCS.resource,
    });
  }
}
