/**
 * Reads a policy for summaries and diffs: the engine compiles it (action matchers), and each
 * compiled statement's resources and conditions are kept as written, since a summary describes
 * the policy itself rather than one principal's view of it (no variable is substituted).
 */
import type { CatalogService } from "../catalog/types";
import type { CompileIssue } from "../conditions/compile";
import { compilePolicy, readDocument, statementsForService, type CompiledPolicy, type CompiledStatement } from "../compile/policy";
import { isRecord } from "../is-record";
import { actionName } from "../match/action";
import type { Effect } from "../types";
import type { ConditionClause, ResourceScope, SummaryStatement } from "./types";

export interface ReadPolicy {
  compiled: CompiledPolicy;
  /** One per compiled statement, in document order. */
  statements: SummaryStatement[];
  /** Position of each compiled statement in `statements`. */
  position: Map<CompiledStatement, number>;
  /** Per statement, its Action patterns as written (none for a NotAction statement). */
  actionPatterns: string[][];
  skipped: number;
}

function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((item) => (typeof item === "string" ? [item] : typeof item === "number" || typeof item === "boolean" ? [String(item)] : []));
}

const EVERY_RESOURCE: ResourceScope = { element: "Resource", patterns: ["*"] };

function resourceScope(raw: Record<string, unknown>, statement: CompiledStatement): ResourceScope {
  // A statement without Resource is refused by the validator; read it as the engine does.
  if (statement.resources === null) return EVERY_RESOURCE;
  const element = statement.notResource ? "NotResource" : "Resource";
  return { element, patterns: strings(raw[element]) };
}

function conditionClauses(block: unknown): ConditionClause[] {
  if (!isRecord(block)) return [];
  return Object.entries(block).flatMap(([operator, keys]) =>
    isRecord(keys) ? Object.entries(keys).map(([key, values]) => ({ operator, key, values: strings(values) })) : [],
  );
}

/** The policy compiled and read, or a sentence saying why it cannot be read at all. */
export function readPolicy(document: unknown): ReadPolicy | { unreadable: string } {
  const issues: CompileIssue[] = [];
  const raw = readDocument(document, issues);
  if (!raw) return { unreadable: issues[0]?.message ?? "The policy cannot be read." };
  const compiled = compilePolicy(raw);
  const list = Array.isArray(raw.Statement) ? raw.Statement : raw.Statement === undefined ? [] : [raw.Statement];
  const position = new Map<CompiledStatement, number>();
  const actionPatterns: string[][] = [];
  const statements = compiled.statements.map((statement, i): SummaryStatement => {
    position.set(statement, i);
    const element: unknown = list[statement.index];
    const rawStatement = isRecord(element) ? element : {};
    actionPatterns.push(statement.notAction ? [] : strings(rawStatement.Action));
    return {
      index: statement.index,
      sid: statement.sid,
      effect: statement.effect,
      resources: resourceScope(rawStatement, statement),
      conditions: conditionClauses(rawStatement.Condition),
    };
  });
  return { compiled, statements, position, actionPatterns, skipped: list.length - compiled.statements.length };
}

/**
 * Per action of the service, the positions of the statements of that effect naming it (null
 * for none); null when no such statement names any action of the service. Statements covering
 * the whole service are not tested per action (the sweep's trick).
 */
export function matchService(policy: ReadPolicy, service: CatalogService, effect: Effect): (number[] | null)[] | null {
  const entries = statementsForService(policy.compiled, service.prefix).filter((entry) => entry.statement.effect === effect);
  if (entries.length === 0) return null;
  const always = entries.filter((entry) => entry.everyAction).map((entry) => policy.position.get(entry.statement) ?? -1);
  const tested = entries.filter((entry) => !entry.everyAction);
  if (tested.length === 0) return service.actions.map(() => always);
  let any = always.length > 0;
  const matches = service.actions.map((action) => {
    const name = actionName(`${service.prefix}:${action.name}`);
    const found = [...always];
    for (const { statement } of tested) {
      if (statement.actions.matches(name) !== statement.notAction) found.push(policy.position.get(statement) ?? -1);
    }
    if (found.length === 0) return null;
    any = true;
    return found.sort((a, b) => a - b);
  });
  return any ? matches : null;
}
