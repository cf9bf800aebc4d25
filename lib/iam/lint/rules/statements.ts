import { DOCS } from "../docs";
import { isRecord, where, type LintContext, type StatementView } from "../context";

const COMPARED = ["Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];

/**
 * A form in which two statements that mean the same compare equal: order within lists and
 * objects does not matter, nor a lone string versus a one-item list, nor the case of actions.
 */
function canonical(value: unknown, lowerCase: boolean): string {
  if (typeof value === "string") return JSON.stringify(lowerCase ? value.toLowerCase() : value);
  if (Array.isArray(value)) {
    const items = value.map((item) => canonical(item, lowerCase)).sort();
    return items.length === 1 ? items[0] : `[${items.join(",")}]`;
  }
  if (isRecord(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key], lowerCase)}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

function statementKey(statement: StatementView): string {
  return COMPARED.map((element) => canonical(statement.raw[element], element === "Action" || element === "NotAction")).join("|");
}

/** Statements that repeat an earlier one (the Sid aside) add nothing. */
export function checkDuplicateStatements(statements: readonly StatementView[], context: LintContext): void {
  const seen = new Map<string, StatementView>();
  for (const statement of statements) {
    const key = statementKey(statement);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, statement);
      continue;
    }
    context.report({
      code: "DuplicateStatement",
      severity: "warning",
      path: statement.path,
      message: `${where(statement)} repeats ${where(first)} (same effect, actions, resources, principals and conditions); remove one of them.`,
      docUrl: DOCS.accessAnalyzerChecks,
    });
  }
}
