import { policySizeWithoutWhitespace } from "../../validate";
import type { PathSegment } from "../../validate/path";
import { DOCS } from "../docs";
import { hasPolicyVariable, isRecord, type Item, type LintContext, type StatementView } from "../context";

/** Where policy variables can stand: Resource, NotResource and condition values. */
function variableUses(statements: readonly StatementView[]): Item[] {
  const uses: Item[] = [];
  for (const statement of statements) {
    for (const item of [...(statement.resource ?? []), ...(statement.notResource ?? [])]) {
      if (hasPolicyVariable(item.value)) uses.push(item);
    }
    for (const [operator, block] of Object.entries(statement.condition ?? {})) {
      if (!isRecord(block)) continue;
      for (const [key, value] of Object.entries(block)) {
        const path: PathSegment[] = [...statement.path, "Condition", operator, key];
        if (typeof value === "string" && hasPolicyVariable(value)) uses.push({ value, path });
        if (!Array.isArray(value)) continue;
        value.forEach((item: unknown, index) => {
          if (typeof item === "string" && hasPolicyVariable(item)) uses.push({ value: item, path: [...path, index] });
        });
      }
    }
  }
  return uses;
}

/**
 * Without "Version": "2012-10-17" IAM reads the policy as 2008-10-17, where ${aws:username}
 * and the other variables are plain text.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
 */
export function checkVersion(document: Record<string, unknown>, statements: readonly StatementView[], context: LintContext): void {
  const version = document.Version;
  if (version === undefined) {
    context.report({
      code: "MissingVersion",
      severity: "warning",
      path: ["Version"],
      message: 'The policy has no Version, so IAM applies 2008-10-17, where policy variables are not substituted; add "Version": "2012-10-17".',
      docUrl: DOCS.version,
    });
  }
  if (version !== undefined && version !== "2008-10-17") return;
  const uses = variableUses(statements);
  if (uses.length === 0) return;
  const others = uses.length > 1 ? ` (and ${uses.length - 1} more)` : "";
  context.report({
    code: "PolicyVariableWithOldVersion",
    severity: "error",
    path: uses[0].path,
    message: `${JSON.stringify(uses[0].value)}${others} uses a policy variable, which the ${version === undefined ? "default " : ""}2008-10-17 version treats as literal text; set "Version": "2012-10-17".`,
    docUrl: DOCS.variables,
  });
}

/** IAM counts a policy's size without white space: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html */
export function checkSize(text: string, limit: number | undefined, context: Pick<LintContext, "report">): void {
  if (limit === undefined) return;
  const size = policySizeWithoutWhitespace(text);
  if (size <= limit) return;
  context.report({
    code: "PolicySizeExceedsQuota",
    severity: "error",
    path: [],
    message: `The policy is ${size} characters long without white space, over the quota of ${limit}; split it into several policies or remove entries it repeats.`,
    docUrl: DOCS.quotas,
  });
}
