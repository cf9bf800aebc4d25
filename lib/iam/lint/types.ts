import type { SourceRange } from "../validate";

/** IAM Access Analyzer's four finding types, most to least urgent. */
export type LintSeverity = "error" | "security" | "warning" | "suggestion";

export interface LintFinding {
  /** Short stable code, e.g. "UnknownAction". */
  code: string;
  severity: LintSeverity;
  /** One plain sentence: what it means and what to do. */
  message: string;
  /** Where in the document, in lib/iam/validate's path syntax; "" for the whole document. */
  path: string;
  /** Present only when the policy was given as text. */
  range?: SourceRange;
  /** The AWS documentation page that explains the rule (shown as a link, never fetched). */
  docUrl: string;
}

export interface LintOptions {
  /** The quota the document must fit, in characters without white space. */
  sizeLimit?: number;
}
