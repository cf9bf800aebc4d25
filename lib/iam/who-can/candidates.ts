/**
 * The values worth trying for one context key: for each condition that reads it, values that
 * satisfy its operator ("IAM JSON policy elements: Condition operators") — the policy's own
 * values, a number or a date either side of each, a CIDR's address, a pattern with its wildcards
 * filled — and one value that matches none. Values that every condition on the key treats alike
 * are kept once: for a single-valued key a condition's answer depends only on whether the value
 * matches one of its policy values, so one value of each pattern of matches is enough.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
import type { ConditionEntry } from "../conditions/compile";
import { parseDate, type OperatorFamily } from "../conditions/operators";
import type { ContextValue } from "../types";
import { parseTemplate, resolveTemplate, segmentsText, type ContextLookup } from "../variables";

/** A value no policy value is expected to match (kept if no other value behaves as it does). */
export const OTHER_VALUE = "any-other-value";

function numberAround(text: string): string[] {
  const value = Number(text.trim());
  return text.trim() !== "" && Number.isFinite(value) ? [String(value - 1), String(value), String(value + 1)] : [];
}

function dateAround(text: string): string[] {
  const time = parseDate(text);
  if (time === null) return [];
  return [time - 1000, time, time + 1000].flatMap((t) => (Number.isFinite(t) && Math.abs(t) < 8.64e15 ? [new Date(t).toISOString()] : []));
}

/** Request values that match (or sit just beside) one policy value, by the operator's family. */
function valuesFor(family: OperatorFamily, text: string): string[] {
  switch (family) {
    case "String":
    case "Arn":
      // `*` may match nothing and `?` any one character.
      return [text.replaceAll("*", "").replaceAll("?", "x"), text];
    case "Numeric":
      return numberAround(text);
    case "Date":
      return dateAround(text);
    case "Bool":
      return ["true", "false"];
    case "IpAddress":
      return [text.split("/")[0]];
    case "Binary":
      return [text];
    case "Null":
      // Only presence counts: any value will do, and OTHER_VALUE is always tried.
      return [];
  }
}

/** A policy value with its variables resolved from what the request already holds. */
function resolved(text: string, lookup: ContextLookup): string | null {
  const template = parseTemplate(text, true);
  if (!template.hasVariables) return text;
  const segments = resolveTemplate(template, lookup);
  return segments === null ? null : segmentsText(segments);
}

/**
 * One value for each distinct pattern of matches over the conditions on the key: a value made
 * for an operator first (a pattern's filled-in form reads better than the pattern), then the
 * policy's own values as written; for a key some condition reads with ForAnyValue or
 * ForAllValues, also the matching values together as one multivalued value.
 */
export function candidateValues(entries: readonly ConditionEntry[], lookup: ContextLookup): ContextValue[] {
  const pool: string[] = [];
  for (const entry of entries) {
    for (const text of entry.values) {
      const value = resolved(text, lookup);
      if (value !== null) pool.push(...valuesFor(entry.operator.base.family, value));
    }
  }
  for (const entry of entries) if (entry.operator.base.family !== "Null") pool.push(...entry.values);
  pool.push(OTHER_VALUE);
  const bySignature = new Map<string, string>();
  for (const value of pool) {
    const signature = entries.map((entry) => (entry.matches(value, lookup) ? "1" : "0")).join("");
    if (!bySignature.has(signature)) bySignature.set(signature, value);
  }
  const values: ContextValue[] = [...bySignature.values()];
  if (entries.some((entry) => entry.operator.set !== null)) {
    const matching = [...bySignature].filter(([signature]) => signature.includes("1")).map(([, value]) => value);
    if (matching.length > 1) values.push(matching);
  }
  return values;
}
