export { lintPolicy, lintPolicySize } from "./lint";
export { resourceFit } from "./applicable";
export type { Applicability, ResourceFit } from "./applicable";
export { compareFindings, groupFindings, severityRank, SEVERITY_LABELS, SEVERITY_ORDER } from "./severity";
export type { FindingGroup } from "./severity";
export type { LintFinding, LintOptions, LintSeverity } from "./types";
