import type { CatalogIndex } from "../catalog";
import type { PolicyKind, SourceRange } from "../validate";
import { parseLocated, type LocatedParse } from "../validate/parse";
import { formatPath } from "../validate/path";
import { isRecord, statementsOf, type LintContext, type RawFinding } from "./context";
import { lintIndexOf } from "./lint-index";
import { checkActions } from "./rules/actions";
import { checkArns } from "./rules/arns";
import { checkConditions } from "./rules/conditions";
import { checkSize, checkVersion } from "./rules/document";
import { checkGrants } from "./rules/grants";
import { checkResourceTypes } from "./rules/resource-types";
import { checkDuplicateStatements } from "./rules/statements";
import { checkWildcardResourceTypes } from "./rules/wildcard-resource-types";
import { compareFindings } from "./severity";
import type { LintFinding, LintOptions } from "./types";

function lintDocument(document: unknown, text: string, kind: PolicyKind, catalog: CatalogIndex, options: LintOptions): RawFinding[] {
  const findings: RawFinding[] = [];
  const context: LintContext = {
    kind,
    catalog,
    index: lintIndexOf(catalog),
    report: (finding) => findings.push({ span: "value", ...finding }),
  };
  checkSize(text, options.sizeLimit, context);
  if (!isRecord(document)) return findings;
  const statements = statementsOf(document);
  checkVersion(document, statements, context);
  for (const statement of statements) {
    checkActions(statement, context);
    checkArns(statement, context);
    checkResourceTypes(statement, context);
    checkWildcardResourceTypes(statement, context);
    checkConditions(statement, context);
    checkGrants(statement, context);
  }
  checkDuplicateStatements(statements, context);
  return findings;
}

/** A value's JSON text for the size check; values JSON cannot hold (BigInt, cycles) count as empty. */
function serialized(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}

/** The whole document is marked by its first character only, not underlined end to end. */
function rangeOf(finding: RawFinding, parsed: LocatedParse): SourceRange | undefined {
  const range = parsed.locateSegments(finding.path, finding.span);
  if (!range || finding.path.length > 0) return range;
  return { startLine: range.startLine, startColumn: range.startColumn, endLine: range.startLine, endColumn: range.startColumn + 1 };
}

/** Where a whole-document finding is marked without a parse: the first character that is not white space. */
function firstCharacter(text: string): SourceRange {
  let line = 1;
  let column = 1;
  for (const char of text) {
    if (!/\s/.test(char)) break;
    if (char === "\n") {
      line += 1;
      column = 1;
    } else column += 1;
  }
  return { startLine: line, startColumn: column, endLine: line, endColumn: column + 1 };
}

/**
 * The size quota alone (IAM counts characters without white space), for text that need not
 * parse and without the catalog: the editor shows it live, from the first keystroke.
 */
export function lintPolicySize(text: string, limit: number | undefined): LintFinding[] {
  const found: RawFinding[] = [];
  checkSize(text, limit, { report: (finding) => found.push({ span: "value", ...finding }) });
  return found.map((raw) => ({ code: raw.code, severity: raw.severity, message: raw.message, path: "", range: firstCharacter(text), docUrl: raw.docUrl }));
}

/**
 * Access Analyzer-style checks on a policy that parses: unknown actions and keys, resources
 * no action can touch, conditions that cannot work as written, and grants wider than they
 * look. Grammar errors are lib/iam/validate's; this never repeats them. Pure, synchronous,
 * and never throws: the editor runs it on every (debounced) keystroke.
 */
export function lintPolicy(input: string | unknown, kind: PolicyKind, catalog: CatalogIndex, options: LintOptions = {}): LintFinding[] {
  let parsed: LocatedParse | undefined;
  let document: unknown = input;
  let text: string;
  if (typeof input === "string") {
    parsed = parseLocated(input);
    if (parsed.errors.length > 0) return [];
    document = parsed.value;
    text = input;
  } else {
    text = serialized(input);
  }
  const findings = lintDocument(document, text, kind, catalog, options).map((raw): LintFinding => {
    const finding: LintFinding = { code: raw.code, severity: raw.severity, message: raw.message, path: formatPath(raw.path), docUrl: raw.docUrl };
    const range = parsed ? rangeOf(raw, parsed) : undefined;
    if (range) finding.range = range;
    return finding;
  });
  return findings.sort(compareFindings);
}
