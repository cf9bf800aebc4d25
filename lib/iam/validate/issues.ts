import { formatPath, type PathSegment } from "./path";
import type { Span } from "./parse";
import { isRecord } from "../is-record";

export { isRecord };

export type IssueCode =
  | "JsonSyntax"
  | "NotAnObject"
  | "UnknownElement"
  | "InvalidVersion"
  | "MissingStatement"
  | "MissingEffect"
  | "InvalidEffect"
  | "EffectNotSupported"
  | "MissingAction"
  | "ActionAndNotAction"
  | "NotActionNotAllowed"
  | "InvalidAction"
  | "MissingResource"
  | "ResourceAndNotResource"
  | "ResourceNotAllowed"
  | "InvalidResourceArn"
  | "PrincipalNotAllowed"
  | "MissingPrincipal"
  | "PrincipalAndNotPrincipal"
  | "NotPrincipalNotAllowed"
  | "InvalidPrincipal"
  | "UnknownConditionOperator"
  | "NullWithIfExists"
  | "InvalidConditionKey"
  | "EmptyCondition"
  | "InvalidSid"
  | "DuplicateSid"
  | "EmptyArray"
  | "WrongType"
  | "DuplicateKey"
  | "TooDeep";

export interface RawIssue {
  code: IssueCode;
  message: string;
  path: PathSegment[];
  span: Span;
}

/**
 * Lists stop here (the API's MAX_REPORTED_ISSUES); the rest are only counted, so a document of
 * 100,000 bad statements costs a count, not 100,000 messages with ranges.
 */
export const MAX_ISSUES = 100;

/**
 * Collects every problem found (never stops at the first), each with the path it is about; past
 * `limit` issues it keeps only a count.
 */
export class IssueList {
  readonly items: RawIssue[] = [];
  /** How many issues were found beyond `items`. */
  more = 0;

  constructor(private readonly limit = MAX_ISSUES) {}

  get full(): boolean {
    return this.items.length >= this.limit;
  }

  add(code: IssueCode, path: readonly PathSegment[], message: string, span: Span = "value"): void {
    if (this.full) this.more += 1;
    else this.items.push({ code, message, path: [...path], span });
  }
}

/** The words a message starts with: where the problem is, e.g. `Statement[1]`. */
export function label(path: readonly PathSegment[]): string {
  return path.length === 0 ? "Policy" : formatPath(path);
}

/**
 * Whether an element is present. A key holding `undefined` (possible only in a value built in
 * JavaScript, never in parsed JSON) counts as absent, as it would once serialised.
 */
export function has(record: Record<string, unknown>, key: string): boolean {
  return record[key] !== undefined;
}

/** The keys present in an object, in document order (see `has`). */
export function presentKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).filter((key) => record[key] !== undefined);
}

/** How a value reads in a message: strings quoted, other things by their JSON type. */
export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `${typeof value === "number" ? "the number" : "the value"} ${String(value)}`;
}

export interface ListItem {
  value: string;
  path: PathSegment[];
}

/**
 * Elements that take "a string or an array of strings" (Action, Resource, principal values).
 * Reports wrong types and empty arrays; returns the strings found for item-level checks.
 */
export function stringList(
  value: unknown,
  path: readonly PathSegment[],
  what: string,
  issues: IssueList,
): ListItem[] {
  if (typeof value === "string") return [{ value, path: [...path] }];
  if (!Array.isArray(value)) {
    issues.add("WrongType", path, `${what} must be a string or an array of strings, not ${describe(value)}.`);
    return [];
  }
  if (value.length === 0) {
    issues.add("EmptyArray", path, `${what} must not be an empty array.`);
    return [];
  }
  const items: ListItem[] = [];
  value.forEach((item: unknown, index) => {
    const itemPath = [...path, index];
    if (typeof item === "string") items.push({ value: item, path: itemPath });
    else issues.add("WrongType", itemPath, `${what} entries must be strings, not ${describe(item)}.`);
  });
  return items;
}
