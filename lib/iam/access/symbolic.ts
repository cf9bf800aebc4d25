/**
 * One statement as data: its Resource/NotResource patterns and Condition clauses, read from the
 * document the engine compiled, with what the principal settles already settled. The compiled
 * statement is kept alongside for its action matcher.
 */
import { compileCondition } from "../conditions/compile";
import { parseOperator } from "../conditions/operators";
import type { CompiledStatement } from "../compile/policy";
import type { ContextLookup } from "../variables";
import { onlyPrincipalVariables, substituteKnown, isPrincipalKey } from "./substitute";
import type { ConditionClause, Grant, ResourceScope, StatementRef } from "./types";
import { isRecord } from "../is-record";

export interface SymbolicStatement {
  /** Unique within one analysis. */
  id: number;
  compiled: CompiledStatement;
  /** This statement alone as a grant (sources: itself). */
  grant: Grant;
  /** Every resource, no condition. */
  universal: boolean;
  /** Equal for statements with the same resources and conditions. */
  signature: string;
}

const EVERYTHING: ResourceScope = { element: "Resource", patterns: ["*"] };

function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const texts: string[] = [];
  for (const item of list) {
    if (typeof item === "string") texts.push(item);
    else if (typeof item === "number" || typeof item === "boolean") texts.push(String(item));
  }
  return texts;
}

/** Null when the statement can match no resource (every Resource pattern is void). */
function resourceScope(raw: Record<string, unknown>, statement: CompiledStatement, substitute: boolean, known: ContextLookup): ResourceScope | null {
  if (statement.resources === null) return EVERYTHING;
  const patterns: string[] = [];
  for (const pattern of strings(statement.notResource ? raw.NotResource : raw.Resource)) {
    const result = substituteKnown(pattern, substitute, known);
    // A void pattern matches no resource: it grants nothing, and excludes nothing.
    if (!result.void) patterns.push(result.text);
  }
  if (!statement.notResource) return patterns.length > 0 ? { element: "Resource", patterns } : null;
  return patterns.length > 0 ? { element: "NotResource", patterns } : EVERYTHING;
}

/**
 * The clauses left after deciding those the principal settles; null when one of those is
 * false (the statement never applies to this principal).
 */
function conditionClauses(block: unknown, substitute: boolean, known: ContextLookup): ConditionClause[] | null {
  const clauses: ConditionClause[] = [];
  if (!isRecord(block)) return clauses;
  for (const [operator, keys] of Object.entries(block)) {
    if (!isRecord(keys)) continue;
    // The Null operator reads its values as "true"/"false" and never substitutes them.
    const isNull = parseOperator(operator)?.base.family === "Null";
    for (const [key, raw] of Object.entries(keys)) {
      const texts = strings(raw);
      const values = isNull ? texts : texts.map((text) => substituteKnown(text, substitute, known).text);
      const settled = isPrincipalKey(key.toLowerCase()) && texts.every((text) => isNull || onlyPrincipalVariables(text, substitute));
      if (!settled) {
        clauses.push({ operator, key, values });
        continue;
      }
      const compiled = compileCondition({ [operator]: { [key]: values } }, true, "", []);
      if (compiled && !compiled.test(known)) return null;
    }
  }
  return clauses;
}

function isUniversal(resources: ResourceScope, conditions: readonly ConditionClause[]): boolean {
  return conditions.length === 0 && resources.element === "Resource" && resources.patterns.some((p) => /^\*+$/.test(p));
}

/**
 * `raw` is the statement as written; `substitute` whether its policy takes variables
 * (Version 2012-10-17); `known` the context keys derived from the principal. Null when the
 * statement cannot apply to this principal.
 */
export function symbolize(
  id: number,
  raw: Record<string, unknown>,
  compiled: CompiledStatement,
  ref: StatementRef,
  substitute: boolean,
  known: ContextLookup,
): SymbolicStatement | null {
  const resources = resourceScope(raw, compiled, substitute, known);
  if (resources === null) return null;
  const conditions = conditionClauses(raw.Condition, substitute, known);
  if (conditions === null) return null;
  return {
    id,
    compiled,
    grant: { resources, conditions, sources: [ref] },
    universal: isUniversal(resources, conditions),
    signature: JSON.stringify([resources, conditions]),
  };
}

/** Whether a grant covers every resource under every context. */
export function grantIsUniversal(grant: Grant): boolean {
  return isUniversal(grant.resources, grant.conditions);
}
