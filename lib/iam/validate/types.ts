/** The kinds of policy document AWS accepts, each with its own grammar rules. */
export type PolicyKind = "identity" | "resource" | "trust" | "boundary" | "scp" | "rcp" | "session";

export const POLICY_KINDS: readonly PolicyKind[] = [
  "identity",
  "resource",
  "trust",
  "boundary",
  "scp",
  "rcp",
  "session",
];

/** 1-based, end-exclusive: the shape Monaco markers take. */
export interface SourceRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface PolicyIssue {
  /** Short stable code, e.g. "InvalidEffect". */
  code: string;
  /** A sentence saying what is wrong and where. */
  message: string;
  /** Where in the document, e.g. `Statement[1].Effect`; "" for the whole document. */
  path: string;
  /** Present only when the policy was given as text. */
  range?: SourceRange;
}

export interface ValidationResult {
  /** At most MAX_ISSUES (100) errors, in document order within each check. */
  errors: PolicyIssue[];
  /** How many errors were found beyond those listed; absent when none. */
  moreIssues?: number;
  /** The parsed JSON when the text parsed (or the value given), else undefined. */
  document: unknown | undefined;
}
