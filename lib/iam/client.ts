/**
 * The engine's browser entry: what the editor, the summaries and the catalog pages need (parse,
 * validate, lint, summarize, catalog lookups). It leaves out evaluation, the symbolic access
 * analysis and sweeps, and never loads the catalog's data: callers hand an index in. Server code
 * imports lib/iam/index.ts, which re-exports this file.
 */
export * from "./arn";
export { isRecord } from "./is-record";
export { ACCESS_LEVELS } from "./catalog/types";
export type { AccessLevel, Catalog, CatalogAction, CatalogConditionKey, CatalogResourceType, CatalogService } from "./catalog/types";
export type { ContextValue } from "./types";
export { indexCatalog } from "./catalog";
export type { ActionResourceType, CatalogIndex, ConditionKeyMatch } from "./catalog";
export { compileGlob } from "./match/glob";
export {
  checkPolicySize,
  findTooDeepInText,
  formatPolicyPath,
  MAX_POLICY_DEPTH,
  parsePolicyText,
  POLICY_KINDS,
  policySizeWithoutWhitespace,
  validatePolicy,
} from "./validate";
export type { PolicyIssue, PolicyKind, SourceRange, ValidationResult } from "./validate";
export { policyJsonSchema } from "./schema/policy-schema";
export { defaultSizeLimit, POLICY_SIZE_LIMITS } from "./validate/quotas";
export type { PolicyQuota } from "./validate/quotas";
export { compareFindings, groupFindings, lintPolicy, lintPolicySize, SEVERITY_LABELS, SEVERITY_ORDER } from "./lint";
export type { FindingGroup, LintFinding, LintSeverity } from "./lint";
export * from "./summary";
// Types only: the results of the server's access analysis, as the effective-permissions view shows them.
export type {
  AccessCounts,
  AccessExtent,
  AccessStatus,
  ConditionClause,
  LimitLayer,
  ResourceScope,
  StatusCounts,
} from "./access/types";
