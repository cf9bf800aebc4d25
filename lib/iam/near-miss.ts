/**
 * Near misses of an implicit deny: the Allow statements whose Action (or NotAction) covers the
 * request's action, that name the caller, but whose Resource, NotResource or Condition does not
 * hold for the request. Each says which part missed and what would match. "Policy evaluation
 * logic": an Allow applies only when every element of the statement matches the request.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 *
 * Matching is the engine's own (compiled statements); the patterns and values are read from the
 * document as written, since people need to see them.
 */
import type { CatalogIndex } from "./catalog";
import { readDocument, statementsForService, type CompiledPolicy, type CompiledStatement } from "./compile/policy";
import type { RequestShape } from "./evaluate/decide";
import { actionApplies, principalGrant, resourceApplies } from "./evaluate/statement";
import { isRecord } from "./is-record";
import { actionName } from "./match/action";
import { compileResourcePatterns } from "./match/resource";
import { bucketObjectHint, resourceTypeHint, type BucketObjectHint, type ResourceTypeHint } from "./near-miss-hints";
import type { PolicyDocument, PolicySource } from "./types";
import { VARIABLES_VERSION, type ContextLookup } from "./variables";

/** One operator and key of the Condition block that does not hold. */
export interface ConditionMiss {
  operator: string;
  key: string;
  policyValues: string[];
  /** The request's values for the key; null when the context lacks it. */
  requestValues: string[] | null;
}

export type NearMissPart =
  | {
      kind: "resource";
      resources: string[];
      bucketObject: BucketObjectHint | null;
      resourceType: ResourceTypeHint | null;
      /** Policy variables of the patterns without a value in the request. */
      missingVariables: string[];
    }
  | { kind: "notResource"; excludedBy: string[]; resourceType: ResourceTypeHint | null }
  | { kind: "condition"; failures: ConditionMiss[] };

/** A miss, and the statement's conditions that fail too (a fixed Resource alone would not do). */
type MissWithConditions = NearMissPart & { alsoConditions?: ConditionMiss[] };

export interface NearMiss {
  source: PolicySource;
  /** For scp/rcp: the level (0 = organization root). */
  level?: number;
  policyIndex: number;
  statementIndex: number;
  sid: string | null;
  /** Action or NotAction as written. */
  actions: string[];
  notAction: boolean;
  part: NearMissPart;
  /** What the statement allows, what missed and what would match; put the statement's name before it. */
  text: string;
}

/** One policy to look through, as compiled, with its document as given (object or JSON text). */
export interface NearMissPolicy {
  source: PolicySource;
  level?: number;
  policyIndex: number;
  document: PolicyDocument;
  compiled: CompiledPolicy;
}

export interface NearMissRequest {
  action: string;
  resource: string;
  context: ContextLookup;
  shape: RequestShape;
}

export interface NearMissOptions {
  catalog?: CatalogIndex;
  /** At most this many near misses (default 5): the search stops there. */
  limit?: number;
  /** Statements as written, by document, shared across calls. */
  cache?: Map<PolicyDocument, RawPolicy>;
}

export interface RawPolicy {
  statements: unknown[];
  substitute: boolean;
}

export const NEAR_MISS_LIMIT = 5;

const strings = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === "string");

function rawPolicy(document: PolicyDocument, cache: Map<PolicyDocument, RawPolicy> | undefined): RawPolicy {
  const known = cache?.get(document);
  if (known) return known;
  const read = readDocument(document, []);
  const statement = read?.Statement;
  const raw: RawPolicy = { statements: Array.isArray(statement) ? statement : statement === undefined ? [] : [statement], substitute: read?.Version === VARIABLES_VERSION };
  cache?.set(document, raw);
  return raw;
}

function conditionMisses(statement: CompiledStatement, context: ContextLookup): ConditionMiss[] {
  const failures: ConditionMiss[] = [];
  for (const entry of statement.condition?.entries ?? []) {
    if (entry.test(context)) continue;
    const value = context.get(entry.key.lower);
    const requestValues = value === undefined ? null : typeof value === "string" ? [value] : [...value];
    failures.push({ operator: entry.operator.name, key: entry.key.name, policyValues: [...entry.values], requestValues: requestValues?.length === 0 ? null : requestValues });
  }
  return failures;
}

function resourcePart(statement: CompiledStatement, raw: Record<string, unknown>, substitute: boolean, request: NearMissRequest, catalog: CatalogIndex | undefined): NearMissPart {
  const patterns = strings(statement.notResource ? raw.NotResource : raw.Resource);
  const resourceType = resourceTypeHint(catalog, request.action, request.resource);
  if (statement.notResource) {
    const excludedBy = patterns.filter((pattern) => compileResourcePatterns([pattern], substitute).matches(request.resource, request.context));
    return { kind: "notResource", excludedBy, resourceType };
  }
  const missingVariables = (statement.resources?.variableKeys ?? []).filter((key) => !request.context.has(key.lower)).map((key) => key.name);
  return { kind: "resource", resources: patterns, bucketObject: bucketObjectHint(patterns, request.resource), resourceType, missingVariables: [...new Set(missingVariables)] };
}

const list = (items: readonly string[], max = 3): string => (items.length <= max ? items.join(", ") : `${items.slice(0, max).join(", ")} and ${items.length - max} more`);
const quoted = (items: readonly string[]): string => list(items.map((item) => JSON.stringify(item)));

function conditionText(miss: ConditionMiss): string {
  const wants = `${miss.operator} ${miss.key} with ${quoted(miss.policyValues)}`;
  if (miss.requestValues === null) return `the condition ${wants} does not hold because the request's context has no ${miss.key}; it would match with ${miss.key} set to a value the condition accepts`;
  return `the condition ${wants} does not hold for the request's ${miss.key} ${quoted(miss.requestValues)}; it would match with a value the condition accepts`;
}

function partText(part: MissWithConditions, request: NearMissRequest): string {
  const text = missText(part, request);
  if (!part.alsoConditions?.length) return text;
  return `${text}; and besides, ${part.alsoConditions.map(conditionText).join("; ")}`;
}

function missText(part: NearMissPart, request: NearMissRequest): string {
  switch (part.kind) {
    case "resource": {
      if (part.bucketObject) {
        return `the request's resource ${request.resource} is an object, which that ARN does not cover — objects are ${part.bucketObject.objectsArn}`;
      }
      const variables = part.missingVariables.length > 0 ? ` (the policy variable ${list(part.missingVariables.map((key) => `\${${key}}`))} has no value in the request)` : "";
      const type = part.resourceType ? `; the action's resource type is ${part.resourceType.name}: ${part.resourceType.arn}` : "";
      return `the request's resource ${request.resource} is not among them${variables}${type}; a Resource that covers ${request.resource} would match`;
    }
    case "notResource":
      return `its NotResource ${list(part.excludedBy)} covers the request's resource ${request.resource}, so the statement leaves it out; it matches only resources outside those patterns`;
    case "condition":
      return part.failures.map(conditionText).join("; ");
  }
}

function describe(actions: readonly string[], notAction: boolean, raw: Record<string, unknown>, part: MissWithConditions, request: NearMissRequest): string {
  // A document not at hand (or unreadable) still has its compiled matchers: name the request's action.
  const what = actions.length === 0 ? request.action : notAction ? `every action except ${list(actions)}` : list(actions);
  const patterns = strings(raw.Resource !== undefined ? raw.Resource : raw.NotResource);
  const where = raw.Resource !== undefined ? ` on ${list(patterns)}` : raw.NotResource !== undefined ? ` on every resource except ${list(patterns)}` : "";
  return `allows ${what}${where}; ${partText(part, request)}`;
}

/** The near miss of one statement, or null when its action does not match or it applies. */
function nearMissOf(statement: CompiledStatement, policy: NearMissPolicy, raw: RawPolicy, request: NearMissRequest, catalog: CatalogIndex | undefined): NearMiss | null {
  if (statement.effect !== "Allow" || principalGrant(statement, request.shape) === null) return null;
  const written = raw.statements[statement.index];
  const fields = isRecord(written) ? written : {};
  let part: MissWithConditions;
  if (!resourceApplies(statement, request.resource, request.context)) {
    part = resourcePart(statement, fields, raw.substitute, request, catalog);
    // A Resource that covers the request would still leave it denied if a condition fails too.
    if (statement.condition && !statement.condition.test(request.context)) part = { ...part, alsoConditions: conditionMisses(statement, request.context) };
  } else if (statement.condition && !statement.condition.test(request.context)) {
    part = { kind: "condition", failures: conditionMisses(statement, request.context) };
  } else {
    return null;
  }
  const actions = strings(statement.notAction ? fields.NotAction : fields.Action);
  const miss: NearMiss = {
    source: policy.source,
    policyIndex: policy.policyIndex,
    statementIndex: statement.index,
    sid: statement.sid,
    actions,
    notAction: statement.notAction,
    part,
    text: describe(actions, statement.notAction, fields, part, request),
  };
  if (policy.level !== undefined) miss.level = policy.level;
  return miss;
}

/**
 * The near misses among `policies`, in their order, at most `limit`. Only Allow statements whose
 * action matches and that name the caller are considered; a statement that applies is none.
 */
export function findNearMisses(policies: readonly NearMissPolicy[], request: NearMissRequest, options: NearMissOptions = {}): NearMiss[] {
  const limit = options.limit ?? NEAR_MISS_LIMIT;
  const action = actionName(request.action);
  const misses: NearMiss[] = [];
  for (const policy of policies) {
    let raw: RawPolicy | null = null;
    for (const { statement, everyAction } of statementsForService(policy.compiled, action.service)) {
      if (misses.length >= limit) return misses;
      if (!everyAction && !actionApplies(statement, action)) continue;
      raw ??= rawPolicy(policy.document, options.cache);
      const miss = nearMissOf(statement, policy, raw, request, options.catalog);
      if (miss) misses.push(miss);
    }
  }
  return misses;
}
