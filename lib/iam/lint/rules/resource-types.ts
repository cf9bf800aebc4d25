import type { ActionResourceType } from "../../catalog";
import { resourceFit } from "../applicable";
import { DOCS } from "../docs";
import { hasWildcard } from "../glob";
import { where, type LintContext, type StatementView } from "../context";

export function describeTypes(types: readonly ActionResourceType[]): string {
  const shown = types.slice(0, 3).map((type) => `${type.name} (${type.arn})`);
  const more = types.length > 3 ? ` and ${types.length - 3} more` : "";
  return `${shown.join(", ")}${more}`;
}

/** The S3 lesson in a few words, for messages about S3 actions. */
export function s3Hint(service: string): string {
  return service === "s3" ? ' (objects are "arn:aws:s3:::bucket/*", not the bucket)' : "";
}

/**
 * The classic mistake: s3:GetObject on "arn:aws:s3:::my_bucket" names the bucket, and the
 * action acts on objects ("arn:aws:s3:::my_bucket/*"), so the statement never applies to it.
 * Flagged when no resource of the statement can be any resource type of the action; an action
 * without resource types applies only to "*", so a statement naming only ARNs never applies to
 * it either. Wildcard actions are rules/wildcard-resource-types.ts's. ARNs are compared whole:
 * the catalog's placeholders stay within their field (and a bucket name within its segment),
 * but a policy's `*` may run past a colon (lenient, as a warning should be).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
export function checkResourceTypes(statement: StatementView, context: LintContext): void {
  if (!statement.action || !statement.resource) return;
  const fit = resourceFit(
    statement.resource.map((item) => item.value),
    context.catalog,
  );
  if (!fit) return;
  for (const item of statement.action) {
    if (hasWildcard(item.value)) continue;
    const action = context.catalog.action(item.value);
    if (!action) continue;
    const applicability = fit(action);
    if (applicability === "needsEveryResource") {
      context.report({
        code: "ActionNeedsEveryResource",
        severity: "warning",
        path: item.path,
        message:
          `${where(statement)}: ${action.service}:${action.name} supports no resource ARN (it has no resource type), so it applies only with "Resource": "*", ` +
          `and this statement, naming only ARNs, never applies to it; move it to a statement with "Resource": "*".`,
        docUrl: DOCS.resource,
      });
    }
    if (applicability !== "noMatchingResource") continue;
    const types = context.catalog.resourceTypesOf(action);
    context.report({
      code: "NoMatchingResourceType",
      severity: "warning",
      path: item.path,
      message:
        `${where(statement)}: ${action.service}:${action.name} acts on ${describeTypes(types)}, and no Resource of this statement matches those ARNs, ` +
        `so the statement never applies to it; name the resource it acts on${s3Hint(action.service)}.`,
      docUrl: DOCS.resource,
    });
  }
}
