import type { CompiledPolicy } from "./compile/policy";
import { isRecord } from "./is-record";

/**
 * What limits a statement beyond its actions, read from the document as written, so the catalog
 * can say "limited to arn:aws:s3:::reports/*" or "only when aws:SourceIp …" for a statement
 * that matches an action. The compiled matchers answer yes/no; people need the patterns.
 */
export interface StatementScope {
  /** Resource or NotResource patterns as written; null when the statement has neither. */
  resources: string[] | null;
  notResource: boolean;
  /** Each operator and key of the Condition block, e.g. { operator: "IpAddress", key: "aws:SourceIp" }. */
  conditions: { operator: string; key: string }[];
}

const strings = (value: unknown): string[] | null => {
  const list = Array.isArray(value) ? value : [value];
  return list.every((item): item is string => typeof item === "string") ? list : null;
};

function scopeOf(raw: Record<string, unknown>): StatementScope {
  const notResource = raw.Resource === undefined && raw.NotResource !== undefined;
  const element = notResource ? raw.NotResource : raw.Resource;
  const conditions: StatementScope["conditions"] = [];
  if (isRecord(raw.Condition)) {
    for (const [operator, block] of Object.entries(raw.Condition)) {
      if (isRecord(block)) for (const key of Object.keys(block)) conditions.push({ operator, key });
    }
  }
  return { resources: element === undefined ? null : strings(element), notResource, conditions };
}

/**
 * The scope of every statement the compiler kept, by its index in Statement. `document` is the
 * parsed document the policy was compiled from (text that is not JSON compiles to nothing).
 */
export function statementScopes(document: unknown, compiled: CompiledPolicy): Map<number, StatementScope> {
  const scopes = new Map<number, StatementScope>();
  if (!isRecord(document)) return scopes;
  const raw = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  for (const statement of compiled.statements) {
    const entry: unknown = raw[statement.index];
    if (isRecord(entry)) scopes.set(statement.index, scopeOf(entry));
  }
  return scopes;
}

/**
 * Whether the statement applies to fewer than all resources: AWS reads `"Resource": "*"` as every
 * resource; any other pattern, or NotResource, narrows it.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
export function limitedByResources(scope: StatementScope): boolean {
  if (scope.resources === null) return false;
  return scope.notResource || !scope.resources.includes("*");
}
