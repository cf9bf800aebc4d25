import type { PolicyIssue } from "./types";

/** Whether a UTF-16 unit is white space as JavaScript's `\s` defines it. */
function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * IAM quotas (managed policy 6,144, inline per user 2,048, role 10,240, group 5,120, trust
 * policy 2,048 by default) do not count white space:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 * Organizations counts every character of an SCP or RCP (5,120), white space included, so
 * callers use `text.length` there. Characters are counted as code points.
 *
 * One pass over the UTF-16 units, no allocation, so it can run on any text before the parser
 * does. With `stopAbove`, counting stops as soon as the count passes it (the answer is then
 * `stopAbove + 1`), for callers that only need to know the text is too long.
 */
export function policySizeWithoutWhitespace(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let size = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (isWhitespace(code)) continue;
    // A surrogate pair is one code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    size += 1;
    if (size > stopAbove) return size;
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
