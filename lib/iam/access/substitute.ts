/**
 * Partial substitution of policy variables: the principal is known, so the variables it settles
 * are replaced by their values; every other variable stays as written, to be resolved from a
 * request's context later. The output is text in the grammar of version 2012-10-17 that parses
 * back into the same segments the engine would resolve, so the engine's own compilers read it.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
import { parseTemplate, type ContextLookup, type TemplatePart } from "../variables";

/**
 * Keys the engine derives from the principal alone (FORMAT.md, "Context keys the engine derives
 * from the principal"; aws:userid is not one: the caller may supply it). AWS sets them for every
 * request, so a request cannot bring other values: when the principal has no such key (no tag,
 * or aws:username for a role) it is known to be absent.
 */
export function isPrincipalKey(lowerKey: string): boolean {
  return (
    lowerKey === "aws:username" ||
    lowerKey === "aws:principalarn" ||
    lowerKey === "aws:principalaccount" ||
    lowerKey.startsWith("aws:principaltag/")
  );
}

/** A value that must match as written: the wildcard and variable characters escaped. */
function escapeLiteral(text: string): string {
  return text.replace(/[*?$]/g, (char) => `\${${char}}`);
}

/**
 * Text whose `*` and `?` stay wildcards. A `$` that could start a variable once the pieces are
 * joined (before `{`, or ending a piece that is not the last) is escaped; `${$}` is a literal
 * `$`, which a plain `$` in pattern text also is.
 */
function escapePattern(text: string, last: boolean): string {
  return text.replace(last ? /\$(?=\{)/g : /\$(?=\{|$)/g, () => "${$}");
}

function writeVariable(part: Extract<TemplatePart, { kind: "variable" }>): string {
  if (part.fallback === null) return `\${${part.name}}`;
  return `\${${part.name}, '${part.fallback.replaceAll("'", "''")}'}`;
}

export interface Substituted {
  text: string;
  /** A principal variable without value or default: the text matches nothing. */
  void: boolean;
}

/**
 * `substitute` is false for policies of an older Version, where `${…}` is plain text; the output
 * then escapes it so that it stays plain text under 2012-10-17.
 */
export function substituteKnown(text: string, substitute: boolean, known: ContextLookup): Substituted {
  const template = parseTemplate(text, substitute);
  if (!template.hasVariables) return { text: escapePattern(text, true), void: false };
  let out = "";
  let isVoid = false;
  template.parts.forEach((part, index) => {
    if (part.kind === "pattern") {
      out += escapePattern(part.text, index === template.parts.length - 1);
    } else if (part.kind === "literal") {
      out += escapeLiteral(part.text);
    } else if (!isPrincipalKey(part.key)) {
      out += writeVariable(part);
    } else {
      const value = known.get(part.key);
      if (typeof value === "string") out += escapeLiteral(value);
      else if (part.fallback !== null) out += escapeLiteral(part.fallback);
      else {
        // Kept as written: it resolves to nothing for this principal, here and in a request.
        out += writeVariable(part);
        isVoid = true;
      }
    }
  });
  return { text: out, void: isVoid };
}

/** Whether every variable of the text is one the principal settles. */
export function onlyPrincipalVariables(text: string, substitute: boolean): boolean {
  return parseTemplate(text, substitute).parts.every((part) => part.kind !== "variable" || isPrincipalKey(part.key));
}
