/**
 * The condition operators and how one request value compares with one policy value
 * ("IAM JSON policy elements: Condition operators"). Each operator is defined by its positive
 * form; the negated operators (StringNotEquals, NotIpAddress, ArnNotLike, ...) are the
 * negation of their positive twin over all the policy values.
 */
import { compileTokens, tokenize, type GlobToken, type StringMatcher } from "../match/glob";
import { segmentsText, type Segment } from "../variables";
import { cidrContains, parseAddress, parseCidr } from "./ip";

/** Tests one request value against one (resolved) policy value. */
export type ValueTest = (requestValue: string) => boolean;

export type OperatorFamily = "String" | "Numeric" | "Date" | "Bool" | "Binary" | "IpAddress" | "Arn" | "Null";

export interface BaseOperator {
  family: OperatorFamily;
  negated: boolean;
  /** Prepares the test for one policy value; null when the policy value can never match. */
  prepare(policyValue: readonly Segment[]): ValueTest | null;
}

// Decimal integers and decimals only: JavaScript's Number() would also take "0x10" or "".
// The dot and its digits are one optional group: `\d+\.?\d*` split a run of digits in n ways.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : null;
}

// Dates are ISO 8601 ("2020-01-01T00:00:00Z") or epoch seconds ("1577836800").
const EPOCH = /^-?\d+(?:\.\d+)?$/;
export function parseDate(text: string): number | null {
  const trimmed = text.trim();
  if (EPOCH.test(trimmed)) return Number(trimmed) * 1000;
  const value = Date.parse(trimmed);
  return Number.isNaN(value) ? null : value;
}

type Compare = (request: number, policy: number) => boolean;

function ordered(family: "Numeric" | "Date", negated: boolean, compare: Compare): BaseOperator {
  const parse = family === "Numeric" ? parseNumber : parseDate;
  return {
    family,
    negated,
    prepare(segments) {
      const policy = parse(segmentsText(segments));
      if (policy === null) return null;
      return (value) => {
        const request = parse(value);
        return request !== null && compare(request, policy);
      };
    },
  };
}

const stringEquals: BaseOperator["prepare"] = (segments) => {
  const policy = segmentsText(segments);
  return (value) => value === policy;
};

const stringEqualsIgnoreCase: BaseOperator["prepare"] = (segments) => {
  const policy = segmentsText(segments).toLowerCase();
  return (value) => value.toLowerCase() === policy;
};

const stringLike: BaseOperator["prepare"] = (segments) => compileTokens(tokenize(segments));

/**
 * ArnEquals and ArnLike: each of the six colon-separated parts of the ARN is compared on its
 * own, and each may hold `*` and `?`.
 */
const arnLike: BaseOperator["prepare"] = (segments) => {
  const tokens = tokenize(segments);
  const parts = splitArnTokens(tokens);
  // A pattern without colons ("*") is matched against the whole value; one with some colons
  // but fewer than six parts can match no ARN.
  if (parts.length === 1) return compileTokens(tokens);
  if (parts.length < 6) return null;
  const matchers: StringMatcher[] = parts.map(compileTokens);
  return (value) => {
    const valueParts = splitArn(value);
    return valueParts !== null && matchers.every((matcher, i) => matcher(valueParts[i]));
  };
};

function splitArn(value: string): string[] | null {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const colon = value.indexOf(":", start);
    if (colon < 0) return null;
    parts.push(value.slice(start, colon));
    start = colon + 1;
  }
  parts.push(value.slice(start));
  return parts;
}

function splitArnTokens(tokens: readonly GlobToken[]): GlobToken[][] {
  const parts: GlobToken[][] = [[]];
  for (const token of tokens) {
    if (typeof token !== "string" || parts.length === 6) {
      parts[parts.length - 1].push(token);
      continue;
    }
    const pieces = token.split(":");
    pieces.forEach((piece, i) => {
      if (i > 0 && parts.length < 6) parts.push([]);
      else if (i > 0) piece = `:${piece}`;
      if (piece) parts[parts.length - 1].push(piece);
    });
  }
  return parts;
}

const booleanEquals: BaseOperator["prepare"] = (segments) => {
  const policy = segmentsText(segments).toLowerCase();
  return (value) => value.toLowerCase() === policy;
};

const ipAddress: BaseOperator["prepare"] = (segments) => {
  const cidr = parseCidr(segmentsText(segments));
  if (!cidr) return null;
  return (value) => {
    const address = parseAddress(value);
    return address !== null && cidrContains(cidr, address);
  };
};

// Null is decided from the key's presence alone (see conditions/compile.ts).
const presence: BaseOperator["prepare"] = () => null;

export const BASE_OPERATORS: Readonly<Record<string, BaseOperator>> = {
  stringequals: { family: "String", negated: false, prepare: stringEquals },
  stringnotequals: { family: "String", negated: true, prepare: stringEquals },
  stringequalsignorecase: { family: "String", negated: false, prepare: stringEqualsIgnoreCase },
  stringnotequalsignorecase: { family: "String", negated: true, prepare: stringEqualsIgnoreCase },
  stringlike: { family: "String", negated: false, prepare: stringLike },
  stringnotlike: { family: "String", negated: true, prepare: stringLike },
  numericequals: ordered("Numeric", false, (a, b) => a === b),
  numericnotequals: ordered("Numeric", true, (a, b) => a === b),
  numericlessthan: ordered("Numeric", false, (a, b) => a < b),
  numericlessthanequals: ordered("Numeric", false, (a, b) => a <= b),
  numericgreaterthan: ordered("Numeric", false, (a, b) => a > b),
  numericgreaterthanequals: ordered("Numeric", false, (a, b) => a >= b),
  dateequals: ordered("Date", false, (a, b) => a === b),
  datenotequals: ordered("Date", true, (a, b) => a === b),
  datelessthan: ordered("Date", false, (a, b) => a < b),
  datelessthanequals: ordered("Date", false, (a, b) => a <= b),
  dategreaterthan: ordered("Date", false, (a, b) => a > b),
  dategreaterthanequals: ordered("Date", false, (a, b) => a >= b),
  bool: { family: "Bool", negated: false, prepare: booleanEquals },
  binaryequals: { family: "Binary", negated: false, prepare: stringEquals },
  ipaddress: { family: "IpAddress", negated: false, prepare: ipAddress },
  notipaddress: { family: "IpAddress", negated: true, prepare: ipAddress },
  arnequals: { family: "Arn", negated: false, prepare: arnLike },
  arnlike: { family: "Arn", negated: false, prepare: arnLike },
  arnnotequals: { family: "Arn", negated: true, prepare: arnLike },
  arnnotlike: { family: "Arn", negated: true, prepare: arnLike },
  null: { family: "Null", negated: false, prepare: presence },
};

export type SetOperator = "ForAllValues" | "ForAnyValue" | null;

export interface ParsedOperator {
  name: string;
  base: BaseOperator;
  set: SetOperator;
  ifExists: boolean;
}

/** Splits `ForAllValues:StringLikeIfExists` into its parts; null for an unknown operator. */
export function parseOperator(name: string): ParsedOperator | null {
  let rest = name;
  let set: SetOperator = null;
  const colon = rest.indexOf(":");
  if (colon >= 0) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === "forallvalues") set = "ForAllValues";
    else if (prefix === "foranyvalue") set = "ForAnyValue";
    else return null;
    rest = rest.slice(colon + 1);
  }
  let lower = rest.toLowerCase();
  let ifExists = false;
  if (lower.endsWith("ifexists") && lower !== "null") {
    ifExists = true;
    lower = lower.slice(0, -"ifexists".length);
  }
  const base = BASE_OPERATORS[lower];
  if (!base || (base.family === "Null" && ifExists)) return null;
  // Null asks only whether the key is present; a set operator changes nothing about that.
  return { name, base, set: base.family === "Null" ? null : set, ifExists };
}
