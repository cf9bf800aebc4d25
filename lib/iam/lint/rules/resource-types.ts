import type { ActionResourceType } from "../../catalog";
import { DOCS } from "../docs";
import { hasWildcard, intersects } from "../glob";
import { where, type LintContext, type StatementView } from "../context";
import { policyGlob, splitArn, type ArnParts } from "../lint-index";

function partsMatch(resource: ArnParts, type: ArnParts): boolean {
  return (
    intersects(resource.partition, type.partition) &&
    intersects(resource.service.toLowerCase(), type.service.toLowerCase()) &&
    intersects(resource.region, type.region) &&
    intersects(resource.account, type.account) &&
    intersects(resource.resource, type.resource)
  );
}

function describeTypes(types: readonly ActionResourceType[]): string {
  const shown = types.slice(0, 3).map((type) => `${type.name} (${type.arn})`);
  const more = types.length > 3 ? ` and ${types.length - 3} more` : "";
  return `${shown.join(", ")}${more}`;
}

/**
 * The classic mistake: s3:GetObject on "arn:aws:s3:::my_bucket" names the bucket, and the
 * action acts on objects ("arn:aws:s3:::my_bucket/*"), so the statement never applies to it.
 * Flagged only when no resource of the statement can be any resource type of the action;
 * actions without resource types (they need "*") and wildcard actions are left alone.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
export function checkResourceTypes(statement: StatementView, context: LintContext): void {
  const resources = statement.resource;
  if (!statement.action || !resources || resources.length === 0) return;
  const parsed: ArnParts[] = [];
  for (const item of resources) {
    const parts = splitArn(policyGlob(item.value));
    // "*", "arn:*" and other shapes the ARN split cannot judge match anything.
    if (!parts) return;
    parsed.push(parts);
  }
  for (const item of statement.action) {
    if (hasWildcard(item.value)) continue;
    const action = context.catalog.action(item.value);
    if (!action || action.resourceTypes.length === 0) continue;
    const types = context.catalog.resourceTypesOf(action);
    const patterns: ArnParts[] = [];
    for (const type of types) {
      const parts = type.arn === null ? undefined : context.index.catalogArn(type.arn);
      if (!parts) break; // a gap in the catalog: do not guess
      patterns.push(parts);
    }
    if (patterns.length < types.length) continue;
    if (parsed.some((resource) => patterns.some((pattern) => partsMatch(resource, pattern)))) continue;
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
