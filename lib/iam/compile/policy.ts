/**
 * Compiles a policy document once into matchers and closures (STYLE.md pattern 10), so that
 * evaluating it — once or for every action of the catalog — builds nothing. Compilation is
 * defensive: whatever it cannot read becomes an issue and is left out; grammar checks proper
 * are lib/iam/validate's job.
 */
import { compileCondition, type CompileIssue, type CompiledCondition } from "../conditions/compile";
import { compileActionPatterns, type ActionPatterns, type Coverage } from "../match/action";
import { compilePrincipal, type PrincipalMatcher } from "../match/principal";
import { compileResourcePatterns, type ResourcePatterns } from "../match/resource";
import type { Effect } from "../types";
import { VARIABLES_VERSION } from "../variables";
import { isRecord } from "../is-record";

export interface CompiledStatement {
  index: number;
  sid: string | null;
  effect: Effect;
  actions: ActionPatterns;
  notAction: boolean;
  /** null when the statement has neither Resource nor NotResource (trust policies). */
  resources: ResourcePatterns | null;
  notResource: boolean;
  /** null when the statement has neither Principal nor NotPrincipal (identity-side policies). */
  principal: PrincipalMatcher | null;
  notPrincipal: boolean;
  condition: CompiledCondition | null;
}

export interface CompiledPolicy {
  statements: CompiledStatement[];
  issues: CompileIssue[];
  /** Per service prefix, the statements that can apply to its actions; filled on first use. */
  byService: Map<string, ServiceStatement[]>;
}

/** A statement that may apply to a service's actions; `everyAction` when no test is needed. */
export interface ServiceStatement {
  statement: CompiledStatement;
  everyAction: boolean;
}

/** How a statement's Action or NotAction covers one service's actions. */
export function statementCoverage(statement: CompiledStatement, service: string): Coverage {
  const coverage = statement.actions.coverage(service);
  if (!statement.notAction || coverage === "some") return coverage;
  return coverage === "all" ? "none" : "all";
}

/** The policy's statements that may apply to one service's actions, in document order. */
export function statementsForService(policy: CompiledPolicy, service: string): ServiceStatement[] {
  let entries = policy.byService.get(service);
  if (!entries) {
    entries = [];
    for (const statement of policy.statements) {
      const coverage = statementCoverage(statement, service);
      if (coverage !== "none") entries.push({ statement, everyAction: coverage === "all" });
    }
    policy.byService.set(service, entries);
  }
  return entries;
}

const VERSIONS = new Set(["2012-10-17", "2008-10-17"]);

function stringList(value: unknown, path: string, issues: CompileIssue[]): string[] | null {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || list.some((item) => typeof item !== "string")) {
    issues.push({ code: "InvalidElement", message: "Expected a string or an array of strings.", path });
    return null;
  }
  return list as string[];
}

/** Accepts the parsed document or its JSON text. */
export function readDocument(input: unknown, issues: CompileIssue[]): Record<string, unknown> | null {
  let document = input;
  if (typeof input === "string") {
    try {
      document = JSON.parse(input) as unknown;
    } catch {
      issues.push({ code: "InvalidJson", message: "The policy is not valid JSON.", path: "" });
      return null;
    }
  }
  if (!isRecord(document)) {
    issues.push({ code: "InvalidDocument", message: "A policy must be a JSON object.", path: "" });
    return null;
  }
  return document;
}

function compileStatement(
  raw: unknown,
  index: number,
  path: string,
  substitute: boolean,
  issues: CompileIssue[],
): CompiledStatement | null {
  if (!isRecord(raw)) {
    issues.push({ code: "InvalidStatement", message: "A statement must be an object.", path });
    return null;
  }
  const effect = raw.Effect;
  if (effect !== "Allow" && effect !== "Deny") {
    issues.push({ code: "InvalidEffect", message: 'Effect must be "Allow" or "Deny".', path: `${path}.Effect` });
    return null;
  }
  const notAction = raw.Action === undefined && raw.NotAction !== undefined;
  if ((raw.Action === undefined) === (raw.NotAction === undefined)) {
    issues.push({ code: "ActionRequired", message: "A statement needs exactly one of Action and NotAction.", path });
    return null;
  }
  const actions = stringList(notAction ? raw.NotAction : raw.Action, `${path}.${notAction ? "NotAction" : "Action"}`, issues);
  if (!actions) return null;

  const notResource = raw.Resource === undefined && raw.NotResource !== undefined;
  const resourceElement = notResource ? raw.NotResource : raw.Resource;
  let resources: ResourcePatterns | null = null;
  if (resourceElement !== undefined) {
    const patterns = stringList(resourceElement, `${path}.${notResource ? "NotResource" : "Resource"}`, issues);
    if (!patterns) return null;
    resources = compileResourcePatterns(patterns, substitute);
  }

  const notPrincipal = raw.Principal === undefined && raw.NotPrincipal !== undefined;
  const principalElement = notPrincipal ? raw.NotPrincipal : raw.Principal;
  const condition = compileCondition(raw.Condition, substitute, `${path}.Condition`, issues);
  return {
    index,
    sid: typeof raw.Sid === "string" ? raw.Sid : null,
    effect,
    actions: compileActionPatterns(actions),
    notAction,
    resources,
    notResource,
    principal: principalElement === undefined ? null : compilePrincipal(principalElement),
    notPrincipal,
    condition,
  };
}

export function compilePolicy(input: unknown): CompiledPolicy {
  const issues: CompileIssue[] = [];
  const document = readDocument(input, issues);
  if (!document) return { statements: [], issues, byService: new Map() };
  const version = document.Version;
  if (version !== undefined && (typeof version !== "string" || !VERSIONS.has(version))) {
    issues.push({ code: "InvalidVersion", message: 'Version must be "2012-10-17" or "2008-10-17".', path: "Version" });
  }
  // Policy variables are substituted only under the 2012-10-17 language version.
  const substitute = version === VARIABLES_VERSION;
  const raw = document.Statement;
  if (raw === undefined) {
    issues.push({ code: "StatementRequired", message: "A policy needs a Statement.", path: "Statement" });
    return { statements: [], issues, byService: new Map() };
  }
  const list = Array.isArray(raw) ? raw : [raw];
  const statements: CompiledStatement[] = [];
  list.forEach((statement, index) => {
    const path = Array.isArray(raw) ? `Statement[${index}]` : "Statement";
    const compiled = compileStatement(statement, index, path, substitute, issues);
    if (compiled) statements.push(compiled);
  });
  return { statements, issues, byService: new Map() };
}
