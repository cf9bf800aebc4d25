import type { CatalogAction } from "../../catalog/types";
import { resourceFit } from "../applicable";
import { DOCS } from "../docs";
import { actionMatcher, hasWildcard } from "../glob";
import { where, type Item, type LintContext, type StatementView } from "../context";

/** Action names a message shows before "and n more": a wildcard can match hundreds. */
const NAMED = 5;
/** Resource types named in a message. */
const TYPES_NAMED = 3;

interface Group {
  /** The resource types the actions act on, or none for actions that need "*". */
  types: string[];
  actions: CatalogAction[];
}

/**
 * The actions that cannot apply, grouped by the resource types they act on: the largest group
 * first (s3:Get* on a bucket: the object actions), those that need "*" last.
 */
function groupsOf(unfit: readonly { action: CatalogAction; needsEvery: boolean }[]): Group[] {
  const byTypes = new Map<string, Group>();
  for (const { action, needsEvery } of unfit) {
    const types = needsEvery ? [] : action.resourceTypes.map((type) => type.name);
    const key = types.join("+");
    const group = byTypes.get(key) ?? { types, actions: [] };
    group.actions.push(action);
    byTypes.set(key, group);
  }
  const weight = (group: Group) => (group.types.length === 0 ? -1 : group.actions.length);
  return [...byTypes.values()].sort((a, b) => weight(b) - weight(a));
}

function typesOf(groups: readonly Group[]): string[] {
  return [...new Set(groups.flatMap((group) => group.types))];
}

/** The S3 lesson, when the actions left out are the bucket's or the objects'. */
function s3Hint(service: string, groups: readonly Group[]): string {
  if (service !== "s3") return "";
  const types = typesOf(groups);
  if (types.includes("object")) return ' (objects are "arn:aws:s3:::bucket/*", not the bucket)';
  if (types.includes("bucket")) return ' (the bucket itself is "arn:aws:s3:::bucket", without "/*")';
  return "";
}

function describeUnfit(groups: readonly Group[]): string {
  const names = groups.flatMap((group) => group.actions.map((action) => `${action.service}:${action.name}`));
  const shown = names.slice(0, NAMED).join(", ");
  const more = names.length > NAMED ? ` and ${names.length - NAMED} more` : "";
  const types = typesOf(groups);
  const parts: string[] = [];
  if (types.length > 0) {
    const others = types.length > TYPES_NAMED ? ` and ${types.length - TYPES_NAMED} more resource types` : "";
    parts.push(`they act on ${types.slice(0, TYPES_NAMED).join(", ")}${others}`);
  }
  const needEvery = groups.find((group) => group.types.length === 0)?.actions.length ?? 0;
  if (needEvery > 0) parts.push(`${needEvery === 1 ? "one applies" : `${needEvery} apply`} only to "Resource": "*"`);
  return `${shown}${more}; ${parts.join(", and ")}`;
}

function checkPattern(item: Item, statement: StatementView, fit: NonNullable<ReturnType<typeof resourceFit>>, context: LintContext): void {
  const colon = item.value.indexOf(":");
  const prefix = item.value.slice(0, colon);
  // "*" and "*:Get*" mean every service: the Resource narrows them, nobody lists them all.
  if (colon <= 0 || hasWildcard(prefix) || !context.catalog.service(prefix)) return;
  const matcher = actionMatcher(item.value);
  const matched = context.catalog.actionsOf(prefix).filter((action) => matcher(`${prefix}:${action.name}`));
  const unfit: { action: CatalogAction; needsEvery: boolean }[] = [];
  for (const action of matched) {
    const applicability = fit(action);
    if (applicability === "noMatchingResource" || applicability === "needsEveryResource") {
      unfit.push({ action, needsEvery: applicability === "needsEveryResource" });
    }
  }
  if (unfit.length === 0) return;
  const count = unfit.length === matched.length ? "none of them can" : `${unfit.length} of them cannot`;
  const service = matched[0].service;
  const groups = groupsOf(unfit);
  context.report({
    code: "ActionsWithoutApplicableResource",
    severity: "warning",
    path: item.path,
    message:
      `${where(statement)}: ${JSON.stringify(item.value)} matches ${matched.length} action${matched.length === 1 ? "" : "s"}, and ${count} apply to a Resource of this statement: ` +
      `${describeUnfit(groups)}. Name the resources they act on${s3Hint(service, groups)}, or narrow the pattern.`,
    docUrl: DOCS.resource,
  });
}

/**
 * The wildcard form of the my_bucket lesson, as the IAM console's policy summary warns "One or
 * more actions do not have an applicable resource": "s3:Get*" on "arn:aws:s3:::my_bucket" matches
 * the object actions too (s3:GetObject…), and the statement never applies to them. Counts the
 * matched actions no Resource can be a resource type of (or that need "*") and names a few.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
export function checkWildcardResourceTypes(statement: StatementView, context: LintContext): void {
  if (!statement.action || !statement.resource) return;
  if (!statement.action.some((item) => hasWildcard(item.value))) return;
  const fit = resourceFit(
    statement.resource.map((item) => item.value),
    context.catalog,
  );
  if (!fit) return;
  for (const item of statement.action) {
    if (hasWildcard(item.value)) checkPattern(item, statement, fit, context);
  }
}
