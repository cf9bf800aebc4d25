import { findTooDeepInValue } from "./depth";
import { describe, has, isRecord, IssueList, label, MAX_ISSUES, presentKeys, type RawIssue } from "./issues";
import { findDuplicateKeys } from "./keys";
import { KIND_RULES, type KindRules } from "./kinds";
import { parseLocated, tooDeepIssue, type LocatedParse } from "./parse";
import { formatPath, type PathSegment } from "./path";
import { checkStatement } from "./statement";
import type { PolicyIssue, PolicyKind, ValidationResult } from "./types";

const DOCUMENT_ELEMENTS = ["Version", "Id", "Statement"];

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
const VERSIONS = ["2012-10-17", "2008-10-17"];

function checkStatements(value: unknown, rules: KindRules, issues: IssueList): void {
  const path: PathSegment[] = ["Statement"];
  const statements: Array<{ statement: Record<string, unknown>; path: PathSegment[] }> = [];
  if (isRecord(value)) {
    statements.push({ statement: value, path });
  } else if (Array.isArray(value)) {
    if (value.length === 0) issues.add("EmptyArray", path, "Statement must contain at least one statement.");
    value.forEach((item: unknown, index) => {
      if (isRecord(item)) statements.push({ statement: item, path: [...path, index] });
      else issues.add("WrongType", [...path, index], `${label([...path, index])}: a statement must be an object, not ${describe(item)}.`);
    });
  } else {
    issues.add("WrongType", path, `Statement must be an object or an array of objects, not ${describe(value)}.`);
  }

  const sids = new Map<string, string>();
  for (const { statement, path: statementPath } of statements) {
    checkStatement(statement, statementPath, rules, issues);
    const sid = statement.Sid;
    if (!rules.strictSid || typeof sid !== "string" || sid === "") continue;
    // "In IAM, the Sid value must be unique within a JSON policy."
    const first = sids.get(sid);
    if (first) {
      issues.add("DuplicateSid", [...statementPath, "Sid"], `${label(statementPath)}: Sid ${JSON.stringify(sid)} is already used by ${first}; Sids must be unique within a policy.`);
    } else {
      sids.set(sid, label(statementPath));
    }
  }
}

function checkDocument(document: unknown, kind: PolicyKind, issues: IssueList): void {
  if (!isRecord(document)) {
    issues.add("NotAnObject", [], `The policy must be a JSON object, not ${describe(document)}.`);
    return;
  }
  for (const key of presentKeys(document)) {
    if (DOCUMENT_ELEMENTS.includes(key)) continue;
    const known = DOCUMENT_ELEMENTS.find((element) => element.toLowerCase() === key.toLowerCase());
    const hint = known ? ` Did you mean "${known}"? Element names are case-sensitive.` : " A policy has only Version, Id and Statement.";
    issues.add("UnknownElement", [key], `Policy: unknown element ${JSON.stringify(key)}.${hint}`, "property");
  }
  const version = document.Version;
  if (has(document, "Version") && (typeof version !== "string" || !VERSIONS.includes(version))) {
    issues.add("InvalidVersion", ["Version"], `Version must be "2012-10-17" or "2008-10-17", not ${describe(version)}.`);
  }
  if (has(document, "Id") && typeof document.Id !== "string") {
    issues.add("WrongType", ["Id"], `Id must be a string, not ${describe(document.Id)}.`);
  }
  if (!(has(document, "Statement"))) {
    issues.add("MissingStatement", ["Statement"], "Statement is required.");
  } else {
    checkStatements(document.Statement, KIND_RULES[kind], issues);
  }
}

function toPolicyIssue(issue: RawIssue, parsed: LocatedParse | undefined): PolicyIssue {
  const result: PolicyIssue = { code: issue.code, message: issue.message, path: formatPath(issue.path) };
  const range = parsed?.locateSegments(issue.path, issue.span);
  if (range) result.range = range;
  return result;
}

function result(errors: PolicyIssue[], more: number, document: unknown): ValidationResult {
  return more > 0 ? { errors, moreIssues: more, document } : { errors, document };
}

/**
 * Validates a policy against the IAM JSON policy grammar and the rules of its kind. Text is
 * parsed as strict JSON and every error carries its line and column; an already-parsed value
 * is checked as is. Errors are collected up to MAX_ISSUES, the rest counted in `moreIssues`.
 * Nothing deeper than MAX_POLICY_DEPTH is walked. Never throws.
 */
export function validatePolicy(input: string | unknown, kind: PolicyKind): ValidationResult {
  if (typeof input !== "string") {
    const tooDeep = findTooDeepInValue(input);
    if (tooDeep) return { errors: [tooDeepIssue(tooDeep)], document: input };
    const issues = new IssueList();
    checkDocument(input, kind, issues);
    return result(issues.items.map((issue) => toPolicyIssue(issue, undefined)), issues.more, input);
  }
  const parsed = parseLocated(input);
  if (parsed.errors.length > 0) return result(parsed.errors, parsed.moreErrors ?? 0, undefined);
  const { duplicates, more } = parsed.tree ? findDuplicateKeys(parsed.tree, parsed, MAX_ISSUES) : { duplicates: [], more: 0 };
  const errors: PolicyIssue[] = duplicates.map((duplicate) => ({ code: "DuplicateKey", message: duplicate.message, path: formatPath(duplicate.path), range: duplicate.range }));
  const issues = new IssueList(MAX_ISSUES - errors.length);
  checkDocument(parsed.value, kind, issues);
  for (const issue of issues.items) errors.push(toPolicyIssue(issue, parsed));
  return result(errors, more + issues.more, parsed.value);
}
