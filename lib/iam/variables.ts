/**
 * Policy variables in Resource, NotResource and condition values: `${aws:username}`,
 * `${aws:PrincipalTag/team, 'none'}`, and the escapes `${*}`, `${?}`, `${$}`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 *
 * Variables exist only in policies whose Version is "2012-10-17"; in older or unversioned
 * policies `${...}` is plain text. Actions never take variables.
 */
import type { ContextValue } from "./types";

/** Text as written (wildcards stay wildcards), text that must match literally, or a variable. */
export type TemplatePart =
  | { kind: "pattern"; text: string }
  | { kind: "literal"; text: string }
  | { kind: "variable"; key: string; name: string; fallback: string | null };

/** A context key as written in the policy, with its lower-case form for lookups. */
export interface KeyName {
  name: string;
  lower: string;
}

export interface Template {
  parts: TemplatePart[];
  /** Variable keys that have no default: a missing one voids the value. */
  requiredKeys: KeyName[];
  hasVariables: boolean;
}

/** A resolved piece: `literal` pieces never act as wildcards. */
export interface Segment {
  text: string;
  literal: boolean;
}

/** Reads the request context by lower-case key (a Map of lower-case keys is one). */
export interface ContextLookup {
  get(lowerKey: string): ContextValue | undefined;
  has(lowerKey: string): boolean;
}

const ESCAPES: Record<string, string> = { "*": "*", "?": "?", $: "$" };

// `${ key }` or `${ key, 'default' }`; two single quotes inside the default stand for one.
const VARIABLE_BODY = /^\s*([^\s,'}]+)\s*(?:,\s*'((?:[^']|'')*)'\s*)?$/;

export const VARIABLES_VERSION = "2012-10-17";

export function parseTemplate(value: string, substitute: boolean): Template {
  if (!substitute || !value.includes("${")) {
    return { parts: [{ kind: "pattern", text: value }], requiredKeys: [], hasVariables: false };
  }
  const parts: TemplatePart[] = [];
  const requiredKeys: KeyName[] = [];
  let text = "";
  let index = 0;
  while (index < value.length) {
    const start = value.indexOf("${", index);
    const end = start < 0 ? -1 : value.indexOf("}", start + 2);
    if (start < 0 || end < 0) {
      text += value.slice(index);
      break;
    }
    text += value.slice(index, start);
    const body = value.slice(start + 2, end);
    const escaped = ESCAPES[body.trim()];
    const variable = escaped === undefined ? VARIABLE_BODY.exec(body) : null;
    if (escaped === undefined && variable === null) {
      // Not a variable AWS would recognise: keep the characters as written.
      text += value.slice(start, end + 1);
    } else {
      if (text) parts.push({ kind: "pattern", text });
      text = "";
      if (escaped !== undefined) {
        parts.push({ kind: "literal", text: escaped });
      } else if (variable) {
        const name = variable[1];
        const fallback = variable[2] === undefined ? null : variable[2].replaceAll("''", "'");
        parts.push({ kind: "variable", key: name.toLowerCase(), name, fallback });
        if (fallback === null) requiredKeys.push({ name, lower: name.toLowerCase() });
      }
    }
    index = end + 1;
  }
  if (text) parts.push({ kind: "pattern", text });
  return { parts, requiredKeys, hasVariables: true };
}

/**
 * Substitutes the variables. A variable whose key is missing (or multivalued: only
 * single-valued keys can be variables) takes its default; without one the value is void (null)
 * and matches nothing.
 */
export function resolveTemplate(template: Template, lookup: ContextLookup): Segment[] | null {
  const segments: Segment[] = [];
  for (const part of template.parts) {
    if (part.kind === "pattern") {
      segments.push({ text: part.text, literal: false });
    } else if (part.kind === "literal") {
      segments.push({ text: part.text, literal: true });
    } else {
      const value = lookup.get(part.key);
      if (typeof value === "string") segments.push({ text: value, literal: true });
      else if (part.fallback !== null) segments.push({ text: part.fallback, literal: true });
      else return null;
    }
  }
  return segments;
}

/**
 * Replaces each `${…}` (up to its first `}`) by what `replace` makes of its body, as
 * `text.replace(/\$\{[^}]*\}/g, …)` would, in one pass: that regex rescans to the end from
 * every `${` when no `}` follows, quadratic in a hostile string. `replace` is also told where the
 * `${` starts in `text`.
 */
export function replaceBraced(text: string, replace: (body: string, start: number) => string): string {
  let out = "";
  let index = 0;
  for (;;) {
    const start = text.indexOf("${", index);
    const end = start < 0 ? -1 : text.indexOf("}", start + 2);
    if (end < 0) return out + text.slice(index);
    out += text.slice(index, start) + replace(text.slice(start + 2, end), start);
    index = end + 1;
  }
}

/** The resolved text, for operators that have no wildcards. */
export function segmentsText(segments: readonly Segment[]): string {
  return segments.length === 1 ? segments[0].text : segments.map((s) => s.text).join("");
}
