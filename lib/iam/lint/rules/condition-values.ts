import type { ConditionOperatorName } from "../../validate";
import { DOCS } from "../docs";
import { hasPolicyVariable } from "../context";
import { replaceBraced } from "../../variables";

/** What an operator compares, as the catalog names key types (ARN, Bool, Date, …). */
export type OperatorFamily = "String" | "Numeric" | "Date" | "Bool" | "Binary" | "IPAddress" | "ARN" | "Null";

export function familyOf(operator: ConditionOperatorName): OperatorFamily {
  if (operator.startsWith("String")) return "String";
  if (operator.startsWith("Numeric")) return "Numeric";
  if (operator.startsWith("Date")) return "Date";
  if (operator.startsWith("Arn")) return "ARN";
  if (operator === "Bool") return "Bool";
  if (operator === "BinaryEquals") return "Binary";
  if (operator === "Null") return "Null";
  return "IPAddress";
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const EPOCH = /^\d+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const BOOLEAN = /^(true|false)$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function isIpv4(text: string): boolean {
  const octets = text.split(".");
  return octets.length === 4 && octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255);
}

function isIpv6(text: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(text) || (text.match(/::/g) ?? []).length > 1) return false;
  const groups = text.split(":");
  const last = groups[groups.length - 1];
  const tailV4 = last.includes(".");
  if (tailV4 && !isIpv4(last)) return false;
  const hex = tailV4 ? groups.slice(0, -1) : groups;
  const count = hex.filter((group) => group !== "").length + (tailV4 ? 2 : 0);
  if (!hex.every((group) => group === "" || /^[0-9A-Fa-f]{1,4}$/.test(group))) return false;
  return text.includes("::") ? count < 8 : count === 8;
}

/** "203.0.113.0/24", "2001:DB8::/32" or a single address. */
export function isIpRange(text: string): boolean {
  const [address, prefix, extra] = text.split("/");
  if (extra !== undefined) return false;
  const v4 = isIpv4(address);
  if (!v4 && !isIpv6(address)) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (v4 ? 32 : 128);
}

/** Why a value cannot be compared by the operator's family, or undefined when it can. */
export function valueProblem(family: OperatorFamily, value: string | number | boolean): string | undefined {
  const text = String(value);
  switch (family) {
    case "Numeric":
      return typeof value === "number" || NUMBER.test(text) ? undefined : "a number";
    case "Date":
      return typeof value === "number" || EPOCH.test(text) || (ISO_DATE.test(text) && !Number.isNaN(Date.parse(text)))
        ? undefined
        : 'a date such as "2026-01-31T12:00:00Z" or epoch seconds';
    case "Bool":
    case "Null":
      return typeof value === "boolean" || BOOLEAN.test(text) ? undefined : "true or false";
    case "IPAddress":
      return isIpRange(text) ? undefined : 'an IP address or CIDR range such as "203.0.113.0/24"';
    case "Binary":
      return BASE64.test(text) ? undefined : "base-64 encoded binary";
    default:
      return undefined;
  }
}

export interface ValueFinding {
  code: string;
  severity: "error" | "warning" | "suggestion";
  message: string;
  docUrl: string;
}

const LIKE: Partial<Record<ConditionOperatorName, ConditionOperatorName>> = {
  StringEquals: "StringLike",
  StringEqualsIgnoreCase: "StringLike",
  StringNotEquals: "StringNotLike",
  StringNotEqualsIgnoreCase: "StringNotLike",
  ArnEquals: "ArnLike",
  ArnNotEquals: "ArnNotLike",
};

/**
 * Checks one condition value: variables only work in string and ARN comparisons, wildcards
 * only in the Like operators, and typed operators need values of their type.
 */
export function checkValue(operator: ConditionOperatorName, key: string, value: string | number | boolean): ValueFinding | undefined {
  const family = familyOf(operator);
  const text = String(value);
  if (typeof value === "string" && hasPolicyVariable(value)) {
    if (family === "String" || family === "ARN") return undefined;
    return {
      code: "InvalidVariableForOperator",
      severity: "error",
      message: `${operator} cannot use the policy variable in ${JSON.stringify(text)}; variables are substituted only in string and ARN conditions (and Resource), so compare with a fixed value${family === "Null" ? ' ("true" or "false")' : ""}.`,
      docUrl: DOCS.variables,
    };
  }
  const like = LIKE[operator];
  if (like && /[*?]/.test(replaceBraced(text, () => ""))) {
    // ArnEquals treats * and ? as wildcards like ArnLike does; StringEquals compares them literally.
    return family === "ARN"
      ? { code: "WildcardWithoutLikeOperator", severity: "suggestion", message: `${operator} matches the wildcard in ${JSON.stringify(text)} just as ${like} does; write ${like} so the intent is plain.`, docUrl: DOCS.conditionOperators }
      : { code: "WildcardWithoutLikeOperator", severity: "warning", message: `${operator} compares ${JSON.stringify(text)} literally, so its * or ? is not a wildcard; use ${like} to match a pattern.`, docUrl: DOCS.conditionOperators };
  }
  const problem = valueProblem(family, value);
  if (!problem) return undefined;
  return {
    code: "ConditionValueTypeMismatch",
    severity: "error",
    message: `${operator} needs ${problem} for ${key}, not ${JSON.stringify(value)}; AWS cannot compare any other kind of value.`,
    docUrl: DOCS.conditionOperators,
  };
}
