/**
 * A statement's Condition block compiled into one closure. Operators in a block AND, keys
 * under an operator AND, values of one key OR (negated operators: NOR); condition key names
 * are case-insensitive ("IAM JSON policy elements: Condition", "Creating a condition with
 * multiple keys or values").
 */
import { parseTemplate, resolveTemplate, type ContextLookup, type KeyName, type Template } from "../variables";
import { parseOperator, type ParsedOperator, type ValueTest } from "./operators";
import { isRecord } from "../is-record";

export interface CompileIssue {
  code: string;
  message: string;
  path: string;
}

/**
 * One operator and key of the block with its values as written, for reasoning about which
 * request values would satisfy it (who-can's "with more context").
 */
export interface ConditionEntry {
  operator: ParsedOperator;
  key: KeyName;
  values: readonly string[];
  /** Whether one request value matches any of the policy values (the positive form). */
  matches(requestValue: string, lookup: ContextLookup): boolean;
  /** Whether this operator and key hold for the request (the block holds when every entry does). */
  test(lookup: ContextLookup): boolean;
}

export interface CompiledCondition {
  /** Context keys the block reads, including keys of variables in its values. */
  keys: KeyName[];
  entries: ConditionEntry[];
  test(lookup: ContextLookup): boolean;
}

type PolicyValue = { test: ValueTest | null } | { template: Template };

interface Entry {
  operator: ParsedOperator;
  key: string;
  name: string;
  texts: string[];
  values: PolicyValue[];
  /** Null operator: the expected presence for each value ("true" = absent). */
  nullExpectations: (boolean | null)[];
}

function scalarText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

function prepareValue(operator: ParsedOperator, text: string, substitute: boolean): PolicyValue {
  const template = parseTemplate(text, substitute);
  if (template.hasVariables) return { template };
  return { test: operator.base.prepare([{ text, literal: false }]) };
}

function resolveValue(operator: ParsedOperator, value: PolicyValue, lookup: ContextLookup): ValueTest | null {
  if ("test" in value) return value.test;
  const segments = resolveTemplate(value.template, lookup);
  return segments === null ? null : operator.base.prepare(segments);
}

const NO_VALUES: readonly string[] = [];

// How one entry evaluates, including the documented cases for missing keys:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
function evaluateEntry(entry: Entry, lookup: ContextLookup): boolean {
  const { operator } = entry;
  const raw = lookup.get(entry.key);
  // A single value is handled without wrapping it in an array: this runs on every request.
  if (typeof raw === "string") return evaluateOne(entry, raw, lookup);
  // An empty multivalued key counts as absent, as a missing key does.
  const values = raw ?? NO_VALUES;
  if (operator.base.family === "Null") {
    const absent = values.length === 0;
    return entry.nullExpectations.some((expected) => expected !== null && expected === absent);
  }
  if (values.length === 0) {
    if (operator.ifExists) return true;
    // ForAllValues over no values is vacuously true; ForAnyValue finds none. Without a set
    // operator, a negated operator is true for a missing key and a positive one false.
    if (operator.set === "ForAllValues") return true;
    if (operator.set === "ForAnyValue") return false;
    return operator.base.negated;
  }
  const negated = operator.base.negated;
  if (operator.set === "ForAllValues") {
    for (const value of values) if (matchesPolicy(entry, value, lookup) === negated) return false;
    return true;
  }
  if (operator.set === "ForAnyValue") {
    for (const value of values) if (matchesPolicy(entry, value, lookup) !== negated) return true;
    return false;
  }
  for (const value of values) if (matchesPolicy(entry, value, lookup)) return !negated;
  return negated;
}

function evaluateOne(entry: Entry, value: string, lookup: ContextLookup): boolean {
  const { operator } = entry;
  if (operator.base.family === "Null") {
    for (const expected of entry.nullExpectations) if (expected === false) return true;
    return false;
  }
  // Every set operator and the plain form agree on a single value.
  return matchesPolicy(entry, value, lookup) !== operator.base.negated;
}

/** Whether one request value matches any of the entry's policy values (the positive form). */
function matchesPolicy(entry: Entry, requestValue: string, lookup: ContextLookup): boolean {
  for (const value of entry.values) {
    const test = resolveValue(entry.operator, value, lookup);
    if (test !== null && test(requestValue)) return true;
  }
  return false;
}

export function compileCondition(
  block: unknown,
  substitute: boolean,
  path: string,
  issues: CompileIssue[],
): CompiledCondition | null {
  if (block === undefined) return null;
  if (!isRecord(block)) {
    issues.push({ code: "InvalidCondition", message: "Condition must be an object.", path });
    return null;
  }
  const entries: Entry[] = [];
  const keys: KeyName[] = [];
  for (const [operatorName, keyBlock] of Object.entries(block)) {
    const operatorPath = `${path}.${operatorName}`;
    const operator = parseOperator(operatorName);
    if (!operator) {
      issues.push({ code: "UnknownConditionOperator", message: `Unknown condition operator ${operatorName}.`, path: operatorPath });
      continue;
    }
    if (!isRecord(keyBlock)) {
      issues.push({ code: "InvalidCondition", message: `${operatorName} must map keys to values.`, path: operatorPath });
      continue;
    }
    for (const [key, rawValues] of Object.entries(keyBlock)) {
      const texts = (Array.isArray(rawValues) ? rawValues : [rawValues]).map(scalarText);
      if (texts.some((text) => text === null)) {
        issues.push({ code: "InvalidConditionValue", message: `Values of ${key} must be strings, numbers or booleans.`, path: `${operatorPath}.${key}` });
        continue;
      }
      const strings = texts as string[];
      const values = strings.map((text) => prepareValue(operator, text, substitute));
      for (const value of values) if ("template" in value) keys.push(...value.template.requiredKeys);
      keys.push({ name: key, lower: key.toLowerCase() });
      entries.push({
        operator,
        key: key.toLowerCase(),
        name: key,
        texts: strings,
        values,
        nullExpectations: strings.map((text) => (text.toLowerCase() === "true" ? true : text.toLowerCase() === "false" ? false : null)),
      });
    }
  }
  return {
    keys,
    entries: entries.map((entry) => ({
      operator: entry.operator,
      key: { name: entry.name, lower: entry.key },
      values: entry.texts,
      matches: (requestValue: string, lookup: ContextLookup) => matchesPolicy(entry, requestValue, lookup),
      test: (lookup: ContextLookup) => evaluateEntry(entry, lookup),
    })),
    test(lookup) {
      for (const entry of entries) if (!evaluateEntry(entry, lookup)) return false;
      return true;
    },
  };
}
