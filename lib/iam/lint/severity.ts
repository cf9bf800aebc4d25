import type { LintFinding, LintSeverity } from "./types";

/** Most urgent first, the order Access Analyzer lists its findings in. */
export const SEVERITY_ORDER: readonly LintSeverity[] = ["error", "security", "warning", "suggestion"];

export const SEVERITY_LABELS: Record<LintSeverity, string> = {
  error: "Errors",
  security: "Security warnings",
  warning: "Warnings",
  suggestion: "Suggestions",
};

export function severityRank(severity: LintSeverity): number {
  return SEVERITY_ORDER.indexOf(severity);
}

/** Most urgent first; within one severity, in document order. */
export function compareFindings(a: LintFinding, b: LintFinding): number {
  const bySeverity = severityRank(a.severity) - severityRank(b.severity);
  if (bySeverity !== 0) return bySeverity;
  const lineA = a.range?.startLine ?? 0;
  const lineB = b.range?.startLine ?? 0;
  if (lineA !== lineB) return lineA - lineB;
  return (a.range?.startColumn ?? 0) - (b.range?.startColumn ?? 0);
}

export interface FindingGroup {
  severity: LintSeverity;
  label: string;
  findings: LintFinding[];
}

/** Findings grouped like Access Analyzer's list; groups without findings are left out. */
export function groupFindings(findings: readonly LintFinding[]): FindingGroup[] {
  return SEVERITY_ORDER.map((severity) => ({
    severity,
    label: SEVERITY_LABELS[severity],
    findings: findings.filter((finding) => finding.severity === severity).sort(compareFindings),
  })).filter((group) => group.findings.length > 0);
}
