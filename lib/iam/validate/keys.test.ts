import { describe, expect, it } from "vitest";
import { MAX_ISSUES, validatePolicy } from "./index";

// RFC 8259 §4: "The names within an object SHOULD be unique", and implementations differ on
// duplicates (JSON.parse keeps the last). IAM's grammar has each element at most once:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
// So a repeated key is an error: the text would read differently from how it is evaluated.

describe("duplicate keys", () => {
  it("reports Effect written twice, at the second occurrence, with both lines", () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    "Effect": "Allow",\n    "Action": "iam:*",\n    "Resource": "*"\n  }]\n}';
    const { errors } = validatePolicy(text, "identity");
    expect(errors).toEqual([
      {
        code: "DuplicateKey",
        path: "Statement[0].Effect",
        message: 'Statement[0]: "Effect" appears twice (lines 4 and 5); JSON keeps only the last, so the text would read differently from how it is evaluated.',
        range: { startLine: 5, startColumn: 5, endLine: 5, endColumn: 13 },
      },
    ]);
  });

  it("reports two Statement keys at the top level", () => {
    const statement = '[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]';
    const { errors } = validatePolicy(`{"Statement":${statement},\n"Statement":${statement}}`, "identity");
    expect(errors).toMatchObject([{ code: "DuplicateKey", path: "Statement", range: { startLine: 2, startColumn: 1 } }]);
    expect(errors[0].message).toMatch(/^Policy: "Statement" appears twice \(lines 1 and 2\)/);
  });

  it("finds duplicates at any depth, once per repetition, alongside the grammar errors", () => {
    const text = `{"Statement":[{"Effect":"Maybe","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:username":"a","aws:username":"b","aws:username":"c"}}}]}`;
    const { errors } = validatePolicy(text, "identity");
    const duplicates = errors.filter((error) => error.code === "DuplicateKey");
    expect(duplicates.map((error) => error.path)).toEqual(['Statement[0].Condition.StringEquals["aws:username"]', 'Statement[0].Condition.StringEquals["aws:username"]']);
    expect(duplicates[0].message).toContain('"aws:username" appears 3 times');
    expect(duplicates[0].range?.startColumn).toBe(text.indexOf('"aws:username":"b"') + 1);
    expect(duplicates[1].range?.startColumn).toBe(text.indexOf('"aws:username":"c"') + 1);
    expect(errors.some((error) => error.code === "InvalidEffect")).toBe(true);
  });

  it("compares keys as decoded strings and is case-sensitive, as JSON.parse is", () => {
    const escaped = validatePolicy('{"Statement":[{"Effect":"Deny","\\u0045ffect":"Allow","Action":"*","Resource":"*"}]}', "identity");
    expect(escaped.errors).toMatchObject([{ code: "DuplicateKey", path: "Statement[0].Effect" }]);
    const cased = validatePolicy('{"Statement":[{"Effect":"Deny","effect":"Allow","Action":"*","Resource":"*"}]}', "identity");
    expect(cased.errors.map((error) => error.code)).toEqual(["UnknownElement"]);
  });

  it("stops listing at the cap and counts the rest", () => {
    const keys = Array.from({ length: 300 }, (_, i) => `"k":${i}`).join(",");
    const result = validatePolicy(`{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Null":{${keys}}}}]}`, "identity");
    expect(result.errors).toHaveLength(MAX_ISSUES);
    // 299 repetitions of "k", plus the invalid condition key "k" (kept once by JSON.parse).
    expect(result.moreIssues).toBe(299 + 1 - MAX_ISSUES);
    expect(result.errors[0].message).toContain("(lines 1, 1, 1, 1, … and 1)");
  });
});
