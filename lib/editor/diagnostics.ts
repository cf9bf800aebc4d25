/**
 * The editor's findings: lib/iam/validate's grammar errors (what AWS refuses to save) and
 * lib/iam/lint's Access Analyzer-style findings, in one list with severities, ranges and an AWS
 * documentation page each. Pure and synchronous; the editor runs it debounced as you type. The
 * linter (and its catalog) load with the editor; lib/editor/grammar.ts is the light part.
 */
import { compareFindings, defaultSizeLimit, lintPolicy, lintPolicySize, type CatalogIndex, type PolicyKind } from "@/lib/iam/client";
import { grammarFindings, type EditorFinding } from "./grammar";

export type { EditorFinding } from "./grammar";

export interface DiagnoseOptions {
  /**
   * The quota the document must fit, in characters without white space; by default the kind's
   * (a managed policy's 6,144 for identity-based policies, 2,048 for a trust policy).
   */
  sizeLimit?: number;
}

/**
 * Every finding for the text: grammar errors and the size quota (at once, whether or not the
 * text parses), then (once the catalog is loaded and the text parses) the linter's; most urgent
 * first, in document order within a severity.
 */
export function diagnosePolicy(text: string, kind: PolicyKind, catalog: CatalogIndex | undefined, options: DiagnoseOptions = {}): EditorFinding[] {
  const findings = grammarFindings(text, kind);
  for (const size of lintPolicySize(text, options.sizeLimit ?? defaultSizeLimit(kind))) findings.push({ source: "lint", ...size });
  if (catalog && !findings.some((finding) => finding.code === "JsonSyntax")) {
    for (const lint of lintPolicy(text, kind, catalog)) {
      findings.push({ source: "lint", ...lint });
    }
  }
  return findings.sort(compareFindings);
}
