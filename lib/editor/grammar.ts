/**
 * Grammar findings only — what AWS refuses to save — without the linter, so forms can check a
 * document before submitting it without loading the editor's heavier chunk.
 */
import { compareFindings, parsePolicyText, validatePolicy, type LintSeverity, type PolicyKind, type SourceRange } from "@/lib/iam/client";

export interface EditorFinding {
  /** "grammar" findings block saving (AWS refuses the document); "lint" ones are advice. */
  source: "grammar" | "lint";
  code: string;
  severity: LintSeverity;
  message: string;
  path: string;
  range?: SourceRange;
  docUrl: string;
}

const GUIDE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/";
const GRAMMAR_PAGE = `${GUIDE}reference_policies_grammar.html`;

// The IAM User Guide has one page per policy element; a grammar error links to its element's.
const ELEMENT_PAGES: Record<string, string> = {
  Version: "reference_policies_elements_version.html",
  Id: "reference_policies_elements_id.html",
  Statement: "reference_policies_elements_statement.html",
  Sid: "reference_policies_elements_sid.html",
  Effect: "reference_policies_elements_effect.html",
  Principal: "reference_policies_elements_principal.html",
  NotPrincipal: "reference_policies_elements_notprincipal.html",
  Action: "reference_policies_elements_action.html",
  NotAction: "reference_policies_elements_notaction.html",
  Resource: "reference_policies_elements_resource.html",
  NotResource: "reference_policies_elements_notresource.html",
  Condition: "reference_policies_elements_condition.html",
};

/** The documentation page of the innermost policy element named in a path. */
export function grammarDocUrl(path: string): string {
  const elements = path.match(/[A-Za-z]+/g) ?? [];
  for (let i = elements.length - 1; i >= 0; i--) {
    const page = ELEMENT_PAGES[elements[i]];
    if (page) return `${GUIDE}${page}`;
  }
  return GRAMMAR_PAGE;
}

interface Issue {
  code: string;
  message: string;
  path: string;
  range?: SourceRange;
}

// Problems of the JSON itself, not of one element: they link the grammar page.
const DOCUMENT_CODES = new Set(["DuplicateKey", "TooDeep"]);

function grammarFinding(issue: Issue): EditorFinding {
  const docUrl = DOCUMENT_CODES.has(issue.code) ? GRAMMAR_PAGE : grammarDocUrl(issue.path);
  const finding: EditorFinding = { source: "grammar", code: issue.code, severity: "error", message: issue.message, path: issue.path, docUrl };
  if (issue.range) finding.range = issue.range;
  return finding;
}

/** Grammar errors only: exactly what the server's MalformedPolicyDocument check refuses. */
export function grammarFindings(text: string, kind: PolicyKind): EditorFinding[] {
  return validatePolicy(text, kind).errors.map(grammarFinding);
}

/**
 * The server's MalformedPolicyDocument issues placed in the text as the editor holds it (the API
 * sends paths; ranges are found again here).
 */
export function serverFindings(issues: readonly Issue[], text: string): EditorFinding[] {
  const { locate } = parsePolicyText(text);
  return issues.map((issue) => grammarFinding({ ...issue, range: issue.range ?? (issue.path ? locate(issue.path) : undefined) })).sort(compareFindings);
}
