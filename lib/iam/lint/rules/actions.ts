import { closest } from "../distance";
import { DOCS } from "../docs";
import { actionMatcher, coverMatcher, hasWildcard } from "../glob";
import { where, type Item, type LintContext, type StatementView } from "../context";

function didYouMean(suggestion: string | undefined): string {
  return suggestion ? ` Did you mean "${suggestion}"?` : "";
}

/** Unknown services, unknown actions and patterns that match no action. */
function checkKnown(items: readonly Item[], element: string, statement: StatementView, context: LintContext): void {
  for (const item of items) {
    const colon = item.value.indexOf(":");
    if (item.value === "*" || colon <= 0) continue; // "*" is fine; a missing prefix is a grammar error
    const prefix = item.value.slice(0, colon);
    const name = item.value.slice(colon + 1);
    if (!context.catalog.service(prefix)) {
      context.report({
        code: "UnknownService",
        severity: "error",
        path: item.path,
        message: `${where(statement)}: ${element} ${JSON.stringify(item.value)} names service "${prefix}", which does not exist.${didYouMean(context.index.suggestService(prefix, "actions"))}`,
        docUrl: DOCS.action,
      });
      continue;
    }
    if (!hasWildcard(name)) {
      if (context.catalog.action(item.value)) continue;
      context.report({
        code: "UnknownAction",
        severity: "error",
        path: item.path,
        message: `${where(statement)}: ${element} ${JSON.stringify(item.value)} is not an action of ${prefix}.${didYouMean(closest(item.value, context.index.actionNames(prefix)))}`,
        docUrl: DOCS.action,
      });
      continue;
    }
    const matcher = actionMatcher(item.value);
    if (context.index.actionNames(prefix).some((action) => matcher(action))) continue;
    context.report({
      code: "ActionPatternMatchesNothing",
      severity: "error",
      path: item.path,
      message: `${where(statement)}: ${element} ${JSON.stringify(item.value)} matches no ${prefix} action; check the spelling of the pattern.`,
      docUrl: DOCS.action,
    });
  }
}

interface Cover {
  index: number;
  value: string;
  matches(specific: string): boolean;
}

/**
 * An entry another entry of the same list already covers (s3:GetObject beside s3:Get*), or a
 * repeat (action names are case-insensitive). Of two equivalent entries the later is flagged.
 * Only wildcard entries cover others, and only within their own service (or "*"), so the
 * search stays small even for managed policies listing thousands of actions.
 */
function checkRedundant(items: readonly Item[], element: string, statement: StatementView, context: LintContext): void {
  const firstIndex = new Map<string, number>();
  const wildcards = new Map<string, Cover[]>();
  items.forEach((item, index) => {
    const lower = item.value.toLowerCase();
    if (!firstIndex.has(lower)) firstIndex.set(lower, index);
    if (!hasWildcard(item.value)) return;
    const service = item.value === "*" ? "*" : lower.split(":")[0];
    const list = wildcards.get(service) ?? [];
    list.push({ index, value: item.value, matches: coverMatcher(item.value, true) });
    wildcards.set(service, list);
  });
  items.forEach((item, index) => {
    const lower = item.value.toLowerCase();
    const first = firstIndex.get(lower) ?? index;
    let cover: string | undefined = first < index ? items[first].value : undefined;
    if (cover === undefined) {
      const candidates = [...(wildcards.get(lower.split(":")[0]) ?? []), ...(wildcards.get("*") ?? [])];
      // Of two different patterns covering each other ("s3:*" and "s3:**"), keep the first.
      cover = candidates.find(
        (other) =>
          other.index !== index &&
          other.value.toLowerCase() !== lower &&
          other.matches(item.value) &&
          (other.index < index || !coverMatcher(item.value, true)(other.value)),
      )?.value;
    }
    if (cover === undefined) return;
    const same = cover.toLowerCase() === lower;
    context.report({
      code: "RedundantAction",
      severity: "suggestion",
      path: item.path,
      message: same
        ? `${where(statement)}: ${element} lists ${JSON.stringify(item.value)} twice; remove the repeat.`
        : `${where(statement)}: ${element} ${JSON.stringify(item.value)} is already covered by ${JSON.stringify(cover)}; remove it.`,
      docUrl: DOCS.accessAnalyzerChecks,
    });
  });
}

export function checkActions(statement: StatementView, context: LintContext): void {
  for (const [element, items] of [
    ["Action", statement.action],
    ["NotAction", statement.notAction],
  ] as const) {
    if (!items) continue;
    checkKnown(items, element, statement, context);
    checkRedundant(items, element, statement, context);
  }
}
