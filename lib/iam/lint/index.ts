export { lintPolicy } from "./lint";
export { compareFindings, groupFindings, severityRank, SEVERITY_LABELS, SEVERITY_ORDER } from "./severity";
export type { FindingGroup } from "./severity";
export type { LintFinding, LintOptions, LintSeverity } from "./types";
