export type { PolicyIssue, PolicyKind, SourceRange, ValidationResult } from "./types";
export { POLICY_KINDS } from "./types";
export { validatePolicy } from "./validate";
export { parsePolicyText } from "./parse";
export { checkPolicySize, policySizeWithoutWhitespace } from "./size";
export { CONDITION_OPERATORS, parseConditionOperator } from "./elements/condition";
export type { ConditionOperatorName, ParsedConditionOperator, SetOperator } from "./elements/condition";
export type { IssueCode } from "./issues";
