/** Policy summaries (the IAM console's Explicit deny / Allow / Uncategorized view) and diffs. */
export { coversAllResources, describeAccessLevels, describeCondition, describeResourceScope } from "./describe";
export { diffPolicyAccess } from "./diff";
export { summarizePolicy } from "./summarize";
export * from "./types";
