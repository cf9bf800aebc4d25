import { describe, expect, it } from "vitest";
import { findTooDeepInText, MAX_ISSUES, MAX_POLICY_DEPTH, parsePolicyText, policySizeWithoutWhitespace, validatePolicy } from "./index";

// Bounds that keep validation cheap on hostile input. The size quotas (characters without white
// space) are IAM's: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
// The grammar has at most seven levels of nesting (policy, Statement, statement, Condition,
// operator, key, values): https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html

/** A document whose first statement's condition value is wrapped in arrays until `depth` levels. */
function nestedCondition(depth: number): string {
  // policy, Statement array, statement, Condition, StringEquals: five levels before the value.
  const arrays = depth - 5;
  return `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:username":${"[".repeat(arrays)}"x"${"]".repeat(arrays)}}}}]}`;
}

describe("nesting depth", () => {
  it("accepts 64 levels and refuses 65, naming the path where it goes too deep", () => {
    expect(findTooDeepInText(nestedCondition(MAX_POLICY_DEPTH))).toBeUndefined();
    const { errors } = validatePolicy(nestedCondition(MAX_POLICY_DEPTH + 1), "identity");
    expect(errors).toHaveLength(1);
    const expectedPath = `Statement[0].Condition.StringEquals["aws:username"]${"[0]".repeat(MAX_POLICY_DEPTH - 5)}`;
    expect(errors[0]).toMatchObject({ code: "TooDeep", path: expectedPath, range: { startLine: 1 } });
    expect(errors[0].message).toContain("more than 64 levels");
  });

  it("refuses 7,000 levels in text, in a parsed value and in a value built in code, without a stack overflow", () => {
    const deep = `${"[".repeat(7000)}${"]".repeat(7000)}`;
    expect(validatePolicy(deep, "identity").errors).toMatchObject([{ code: "TooDeep", path: "[0]".repeat(64) }]);
    expect(validatePolicy(JSON.parse(deep), "identity").errors).toMatchObject([{ code: "TooDeep" }]);
    let built: unknown = "x";
    for (let i = 0; i < 7000; i++) built = { Statement: built };
    expect(validatePolicy(built, "identity").errors).toMatchObject([{ code: "TooDeep", path: "Statement".concat(".Statement".repeat(63)) }]);
    expect(parsePolicyText(`{"Statement":${deep}}`).errors).toMatchObject([{ code: "TooDeep" }]);
  });

  it("ignores brackets inside strings, escaped quotes included", () => {
    const text = `{"Statement":[{"Sid":"a","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${"[{".repeat(100)}\\"${"[".repeat(100)}"}]}`;
    expect(findTooDeepInText(text)).toBeUndefined();
  });
});

describe("issue cap", () => {
  it("lists 100 issues and counts the rest for 100,000 bad statements", () => {
    const bad = '{"Effect":"Maybe","Action":1,"Resource":{}}';
    const text = `{"Version":"2012-10-17","Statement":[${Array(100_000).fill(bad).join(",")}]}`;
    const result = validatePolicy(text, "identity");
    expect(result.errors).toHaveLength(MAX_ISSUES);
    // Each statement has three problems: Effect, Action and Resource.
    expect(result.moreIssues).toBe(300_000 - MAX_ISSUES);
    expect(result.errors[99].path).toBe("Statement[33].Effect");
  });

  it("sets no moreIssues when everything fits", () => {
    expect(validatePolicy('{"Statement":[{"Effect":"Maybe","Action":"s3:GetObject","Resource":"*"}]}', "identity")).not.toHaveProperty("moreIssues");
  });

  it("caps syntax errors too", () => {
    const result = validatePolicy(`{"Statement":[${"@".repeat(5000)}]}`, "identity");
    expect(result.errors.length).toBeLessThanOrEqual(MAX_ISSUES);
    expect(result.errors.every((error) => error.code === "JsonSyntax")).toBe(true);
  });
});

describe("policySizeWithoutWhitespace", () => {
  it("counts code points that are not white space, as the quotas do", () => {
    expect(policySizeWithoutWhitespace('{ "a" :\n\t"b\u00a0c\u2028" }')).toBe(10);
    expect(policySizeWithoutWhitespace("é€😀\ufeff")).toBe(3);
  });

  it("stops counting once past the limit it is given", () => {
    const text = "x".repeat(1_000_000);
    expect(policySizeWithoutWhitespace(text, 6_144)).toBe(6_145);
    expect(policySizeWithoutWhitespace(text)).toBe(1_000_000);
  });
});
