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
        message: `${where(statement)}: ${element} ${JSON.stringify(item.value)} names service "${prefix}", which does not exist.${didYouMean(closest(prefix, context.index.servicePrefixes))}`,
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
    if (context.index.actionNames(prefix).some((action) => matcher.test(action))) continue;
    context.report({
      code: "ActionPatternMatchesNothing",
      severity: "error",
      path: item.path,
      message: `${where(statement)}: ${element} ${JSON.stringify(item.value)} matches no ${prefix} action; check the spelling of the pattern.`,
      docUrl: DOCS.action,
    });
  }
}

/**
 * An entry another entry of the same list already covers (s3:GetObject beside s3:Get*), or a
 * repeat (action names are case-insensitive). Of two equivalent entries the later is flagged.
 */
function checkRedundant(items: readonly Item[], element: string, statement: StatementView, context: LintContext): void {
  const matchers = items.map((item) => coverMatcher(item.value, true));
  items.forEach((item, index) => {
    const cover = items.find((other, otherIndex) => {
      if (otherIndex === index || !matchers[otherIndex](item.value)) return false;
      return otherIndex < index || !matchers[index](other.value);
    });
    if (!cover) return;
    const same = cover.value.toLowerCase() === item.value.toLowerCase();
    context.report({
      code: "RedundantAction",
      severity: "suggestion",
      path: item.path,
      message: same
        ? `${where(statement)}: ${element} lists ${JSON.stringify(item.value)} twice; remove the repeat.`
        : `${where(statement)}: ${element} ${JSON.stringify(item.value)} is already covered by ${JSON.stringify(cover.value)}; remove it.`,
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
