import type { CatalogIndex } from "../catalog";
import type { Span } from "../validate/parse";
import type { PathSegment } from "../validate/path";
import type { PolicyKind } from "../validate";
import type { LintSeverity } from "./types";
import type { LintIndex } from "./lint-index";
import { isRecord } from "../is-record";

export { isRecord };

export interface Item {
  value: string;
  path: PathSegment[];
}

/** One statement as the rules read it; elements of the wrong shape are left to the validator. */
export interface StatementView {
  path: PathSegment[];
  raw: Record<string, unknown>;
  effect: "Allow" | "Deny" | undefined;
  action: Item[] | undefined;
  notAction: Item[] | undefined;
  resource: Item[] | undefined;
  notResource: Item[] | undefined;
  condition: Record<string, unknown> | undefined;
}

export interface RawFinding {
  code: string;
  severity: LintSeverity;
  message: string;
  path: PathSegment[];
  span: Span;
  docUrl: string;
}

export interface LintContext {
  kind: PolicyKind;
  catalog: CatalogIndex;
  index: LintIndex;
  report(finding: Omit<RawFinding, "span"> & { span?: Span }): void;
}

/** The strings of a "string or array of strings" element; anything else reads as absent. */
export function strings(value: unknown, path: readonly PathSegment[]): Item[] | undefined {
  if (typeof value === "string") return [{ value, path: [...path] }];
  if (!Array.isArray(value)) return undefined;
  const items: Item[] = [];
  value.forEach((item: unknown, index) => {
    if (typeof item === "string") items.push({ value: item, path: [...path, index] });
  });
  return items;
}

export function viewStatement(raw: Record<string, unknown>, path: PathSegment[]): StatementView {
  const effect = raw.Effect === "Allow" || raw.Effect === "Deny" ? raw.Effect : undefined;
  return {
    path,
    raw,
    effect,
    action: strings(raw.Action, [...path, "Action"]),
    notAction: strings(raw.NotAction, [...path, "NotAction"]),
    resource: strings(raw.Resource, [...path, "Resource"]),
    notResource: strings(raw.NotResource, [...path, "NotResource"]),
    condition: isRecord(raw.Condition) ? raw.Condition : undefined,
  };
}

/** The statements of a document, whether Statement is one object or an array of them. */
export function statementsOf(document: Record<string, unknown>): StatementView[] {
  const value = document.Statement;
  if (isRecord(value)) return [viewStatement(value, ["Statement"])];
  if (!Array.isArray(value)) return [];
  const views: StatementView[] = [];
  value.forEach((item: unknown, index) => {
    if (isRecord(item)) views.push(viewStatement(item, ["Statement", index]));
  });
  return views;
}

/** How a statement is named in messages, e.g. `Statement[1]`. */
export function where(statement: StatementView): string {
  const index = statement.path[1];
  return typeof index === "number" ? `Statement[${index}]` : "Statement";
}

/** A `${` with a `}` after it (an index scan: the regex form is quadratic without a `}`). */
export function hasPolicyVariable(text: string): boolean {
  const start = text.indexOf("${");
  return start >= 0 && text.indexOf("}", start + 2) >= 0;
}
