import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import { findTooDeepInText, MAX_POLICY_DEPTH, type TooDeep } from "./depth";
import { formatPath, parsePath, type PathSegment } from "./path";
import { MAX_ISSUES } from "./issues";
import type { PolicyIssue, SourceRange } from "./types";

/** Which part of a located node to mark: its value, or the whole `"key": value` property. */
export type Span = "value" | "property";

export interface LocatedParse {
  value: unknown | undefined;
  errors: PolicyIssue[];
  /** Syntax errors found beyond the MAX_ISSUES listed. */
  moreErrors?: number;
  /** The syntax tree, when the text parsed. */
  tree: Node | undefined;
  locate(path: string): SourceRange | undefined;
  locateSegments(segments: readonly PathSegment[], span: Span): SourceRange | undefined;
  /** The range of `length` characters at `offset`. */
  rangeAt(offset: number, length: number): SourceRange;
}

// AWS rejects what strict JSON rejects: comments and trailing commas are errors here.
const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "expected a property name in double quotes (trailing commas are not allowed)",
  ValueExpected: "expected a value (trailing commas are not allowed)",
  ColonExpected: "expected a colon after the property name",
  CommaExpected: "expected a comma",
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: "unexpected content after the end of the document",
  InvalidCommentToken: "comments are not allowed in policy JSON",
  UnexpectedEndOfComment: "unterminated comment",
  UnexpectedEndOfString: "unterminated string",
  UnexpectedEndOfNumber: "incomplete number",
  InvalidUnicode: "invalid unicode escape",
  InvalidEscapeCharacter: "invalid escape sequence",
  InvalidCharacter: "invalid character in a string (control characters must be escaped)",
};

/** Offsets where each line starts, so offsets turn into 1-based lines and columns. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) starts.push(i + 1);
  }
  return starts;
}

function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low] + 1 };
}

function toRange(starts: readonly number[], offset: number, length: number): SourceRange {
  const start = position(starts, offset);
  const end = position(starts, offset + Math.max(length, 1));
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

function syntaxIssues(errors: readonly ParseError[], starts: readonly number[]): { issues: PolicyIssue[]; more: number } {
  const seen = new Set<number>();
  const issues: PolicyIssue[] = [];
  let more = 0;
  for (const error of errors) {
    // A trailing comma is reported twice at one offset; one sentence is enough.
    if (seen.has(error.offset)) continue;
    seen.add(error.offset);
    if (issues.length >= MAX_ISSUES) {
      more += 1;
      continue;
    }
    const range = toRange(starts, error.offset, error.length);
    const what = SYNTAX_MESSAGES[printParseErrorCode(error.error)] ?? "invalid JSON";
    issues.push({
      code: "JsonSyntax",
      message: `Line ${range.startLine}, column ${range.startColumn}: ${what}.`,
      path: "",
      range,
    });
  }
  return { issues, more };
}

/** The issue for a document nested deeper than MAX_POLICY_DEPTH (a path, or "" for the top). */
export function tooDeepIssue(found: TooDeep, range?: SourceRange): PolicyIssue {
  const path = formatPath(found.path);
  const issue: PolicyIssue = {
    code: "TooDeep",
    message: `${path === "" ? "Policy" : path}: the document nests objects and arrays more than ${MAX_POLICY_DEPTH} levels deep here; no policy element goes this deep.`,
    path,
  };
  if (range) issue.range = range;
  return issue;
}

/**
 * Parses policy text as strict JSON, keeping the syntax tree so any path can be mapped back to
 * a line and column. Never throws. Text nested deeper than MAX_POLICY_DEPTH is refused by a
 * flat scan before the (recursive) parser sees it, so no text can overflow the call stack.
 */
export function parseLocated(text: string): LocatedParse {
  const starts = lineStarts(text);
  const rangeAt = (offset: number, length: number) => toRange(starts, offset, length);
  const tooDeep = findTooDeepInText(text);
  if (tooDeep) {
    const errors = [tooDeepIssue(tooDeep, rangeAt(tooDeep.offset, 1))];
    return { value: undefined, errors, tree: undefined, locate: () => undefined, locateSegments: () => undefined, rangeAt };
  }
  const parseErrors: ParseError[] = [];
  const tree = parseTree(text, parseErrors, STRICT);

  const locateSegments = (segments: readonly PathSegment[], span: Span): SourceRange | undefined => {
    if (!tree) return undefined;
    const exact = findNodeAtLocation(tree, [...segments]);
    if (exact) {
      const node: Node = span === "property" && exact.parent?.type === "property" ? exact.parent : exact;
      return toRange(starts, node.offset, node.length);
    }
    // The element is missing: point at the opening of the nearest enclosing node that exists.
    for (let depth = segments.length - 1; depth >= 0; depth--) {
      const ancestor = depth === 0 ? tree : findNodeAtLocation(tree, segments.slice(0, depth));
      if (ancestor) return toRange(starts, ancestor.offset, 1);
    }
    return undefined;
  };
  const locate = (path: string): SourceRange | undefined => {
    const segments = parsePath(path);
    return segments ? locateSegments(segments, "value") : undefined;
  };

  if (text.trim() === "") {
    const range = toRange(starts, 0, 0);
    return {
      value: undefined,
      errors: [{ code: "JsonSyntax", message: "The policy text is empty.", path: "", range }],
      tree: undefined,
      locate,
      locateSegments,
      rangeAt,
    };
  }
  if (parseErrors.length > 0) {
    const { issues, more } = syntaxIssues(parseErrors, starts);
    return { value: undefined, errors: issues, moreErrors: more, tree: undefined, locate, locateSegments, rangeAt };
  }
  // JSON.parse builds the value: it keeps "__proto__" as a plain key, which a hand-built
  // object from the tree would not.
  try {
    const value: unknown = JSON.parse(text);
    return { value, errors: [], tree, locate, locateSegments, rangeAt };
  } catch (error) {
    const reason = error instanceof Error ? error.message : "invalid JSON";
    return {
      value: undefined,
      errors: [{ code: "JsonSyntax", message: `The policy is not valid JSON: ${reason}.`, path: "", range: toRange(starts, 0, 0) }],
      tree: undefined,
      locate,
      locateSegments,
      rangeAt,
    };
  }
}

export function parsePolicyText(text: string): {
  value: unknown | undefined;
  errors: PolicyIssue[];
  locate(path: string): SourceRange | undefined;
} {
  const { value, errors, locate } = parseLocated(text);
  return { value, errors, locate };
}
