import { describe, isRecord, type IssueList } from "../issues";
import type { PathSegment } from "../path";

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
export const CONDITION_OPERATORS = [
  "StringEquals",
  "StringNotEquals",
  "StringEqualsIgnoreCase",
  "StringNotEqualsIgnoreCase",
  "StringLike",
  "StringNotLike",
  "NumericEquals",
  "NumericNotEquals",
  "NumericLessThan",
  "NumericLessThanEquals",
  "NumericGreaterThan",
  "NumericGreaterThanEquals",
  "DateEquals",
  "DateNotEquals",
  "DateLessThan",
  "DateLessThanEquals",
  "DateGreaterThan",
  "DateGreaterThanEquals",
  "Bool",
  "BinaryEquals",
  "IpAddress",
  "NotIpAddress",
  "ArnEquals",
  "ArnLike",
  "ArnNotEquals",
  "ArnNotLike",
  "Null",
] as const;

export type ConditionOperatorName = (typeof CONDITION_OPERATORS)[number];
export type SetOperator = "ForAllValues" | "ForAnyValue";

export interface ParsedConditionOperator {
  base: ConditionOperatorName;
  setOperator: SetOperator | undefined;
  ifExists: boolean;
}

/**
 * Splits `ForAnyValue:StringLikeIfExists` into its parts. Names are matched exactly as the
 * documentation spells them; undefined for anything else.
 */
export function parseConditionOperator(name: string): ParsedConditionOperator | undefined {
  const set = /^(ForAllValues|ForAnyValue):(.*)$/.exec(name);
  const setOperator = set ? (set[1] as SetOperator) : undefined;
  let rest = set ? set[2] : name;
  const ifExists = rest.endsWith("IfExists");
  if (ifExists) rest = rest.slice(0, -"IfExists".length);
  const base = CONDITION_OPERATORS.find((operator) => operator === rest);
  return base ? { base, setOperator, ifExists } : undefined;
}

// Keys are `prefix:name`. Prefixes are service namespaces or, for web identity and OIDC
// providers, host names and paths ("accounts.google.com:aud",
// "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE:sub"); names may hold tag keys with spaces.
const CONDITION_KEY = /^[^:\s]+:.+$/;

function isConditionValue(value: unknown): boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** Checks a Condition block: operator → { key → value or array of values }. */
export function checkCondition(value: unknown, path: readonly PathSegment[], where: string, issues: IssueList): void {
  if (!isRecord(value)) {
    issues.add("WrongType", path, `${where}: Condition must be an object, not ${describe(value)}.`);
    return;
  }
  for (const [operator, block] of Object.entries(value)) {
    const operatorPath = [...path, operator];
    const parsed = parseConditionOperator(operator);
    if (!parsed) {
      issues.add(
        "UnknownConditionOperator",
        operatorPath,
        `${where}: Condition operator ${JSON.stringify(operator)} is not a known operator (names are case-sensitive, e.g. "StringEquals").`,
        "property",
      );
    } else if (parsed.base === "Null" && parsed.ifExists) {
      issues.add("NullWithIfExists", operatorPath, `${where}: the Null condition operator cannot take the IfExists suffix.`, "property");
    }
    if (!isRecord(block)) {
      issues.add("WrongType", operatorPath, `${where}: Condition ${JSON.stringify(operator)} must map condition keys to values, not ${describe(block)}.`);
      continue;
    }
    if (Object.keys(block).length === 0) {
      issues.add("EmptyCondition", operatorPath, `${where}: Condition ${JSON.stringify(operator)} must name at least one condition key.`);
      continue;
    }
    for (const [key, keyValue] of Object.entries(block)) {
      const keyPath = [...operatorPath, key];
      if (!CONDITION_KEY.test(key)) {
        issues.add(
          "InvalidConditionKey",
          keyPath,
          `${where}: condition key ${JSON.stringify(key)} must look like "prefix:name", for example "aws:SourceIp".`,
          "property",
        );
      }
      const values: unknown[] = Array.isArray(keyValue) ? keyValue : [keyValue];
      values.forEach((item, index) => {
        if (isConditionValue(item)) return;
        const itemPath = Array.isArray(keyValue) ? [...keyPath, index] : keyPath;
        issues.add(
          "WrongType",
          itemPath,
          `${where}: the value of condition key ${JSON.stringify(key)} must be a string, number or boolean (or an array of them), not ${describe(item)}.`,
        );
      });
    }
  }
}
