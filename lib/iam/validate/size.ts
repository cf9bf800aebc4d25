import type { PolicyIssue } from "./types";

/**
 * IAM quotas (managed policy 6,144, inline per user 2,048, role 10,240, group 5,120, trust
 * policy 2,048 by default) do not count white space:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 * Organizations counts every character of an SCP or RCP (5,120), white space included, so
 * callers use `text.length` there. Characters are counted as code points.
 */
export function policySizeWithoutWhitespace(text: string): number {
  let size = 0;
  for (const char of text) {
    if (!/\s/.test(char)) size += 1;
  }
  return size;
}

/** A LimitExceeded issue when the policy is over `limit` characters (white space excluded). */
export function checkPolicySize(text: string, limit: number): PolicyIssue | undefined {
  const size = policySizeWithoutWhitespace(text);
  if (size <= limit) return undefined;
  return {
    code: "LimitExceeded",
    message: `The policy is ${size} characters long without white space; the limit is ${limit}.`,
    path: "",
  };
}
