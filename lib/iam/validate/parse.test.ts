import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPolicySize, parsePolicyText, policySizeWithoutWhitespace, POLICY_KINDS, validatePolicy } from "./index";
import { formatPath, parsePath } from "./path";

const text = [
  "{", //                                                          line 1
  '  "Version": "2012-10-17",', //                                 line 2
  '  "Statement": [', //                                           line 3
  '    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" },', // line 4
  "    {", //                                                      line 5
  '      "Effect": "allow",', //                                   line 6
  '      "Action": ["s3:GetObject", "GetObject"],', //             line 7
  '      "Resource": "*",', //                                     line 8
  '      "Conditon": {}', //                                       line 9
  "    }", //                                                      line 10
  "  ]", //                                                        line 11
  "}",
].join("\n");

describe("ranges in policy text", () => {
  const errors = validatePolicy(text, "identity").errors;
  const byCode = (code: string) => errors.find((e) => e.code === code);

  it("marks the offending value", () => {
    expect(byCode("InvalidEffect")?.range).toEqual({ startLine: 6, startColumn: 17, endLine: 6, endColumn: 24 });
  });

  it("marks one entry of an array", () => {
    expect(byCode("InvalidAction")).toMatchObject({ path: "Statement[1].Action[1]", range: { startLine: 7, startColumn: 34, endLine: 7, endColumn: 45 } });
  });

  it("marks the whole property of an unknown element", () => {
    expect(byCode("UnknownElement")?.range).toEqual({ startLine: 9, startColumn: 7, endLine: 9, endColumn: 21 });
  });

  it("points at the opening brace of a statement missing an element", () => {
    const missing = validatePolicy('{"Statement": [\n  {"Effect": "Allow",\n   "Resource": "*"}]}', "identity").errors;
    expect(missing).toEqual([
      expect.objectContaining({ code: "MissingAction", path: "Statement[0].Action", range: { startLine: 2, startColumn: 3, endLine: 2, endColumn: 4 } }),
    ]);
  });

  it("handles Windows line endings", () => {
    const crlf = validatePolicy(text.replaceAll("\n", "\r\n"), "identity").errors;
    expect(crlf.find((e) => e.code === "InvalidEffect")?.range).toEqual({ startLine: 6, startColumn: 17, endLine: 6, endColumn: 24 });
  });
});

describe("parsePolicyText", () => {
  it("locates any path it is given", () => {
    const parsed = parsePolicyText(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.locate("Version")).toEqual({ startLine: 2, startColumn: 14, endLine: 2, endColumn: 26 });
    expect(parsed.locate("Statement[0].Action")).toEqual({ startLine: 4, startColumn: 36, endLine: 4, endColumn: 50 });
    expect(parsed.locate("not a path!")).toBeUndefined();
  });

  it("rejects comments and trailing commas, as AWS does", () => {
    const comment = parsePolicyText('{\n  // read only\n  "Statement": []\n}');
    expect(comment.value).toBeUndefined();
    expect(comment.errors).toEqual([
      { code: "JsonSyntax", path: "", message: "Line 2, column 3: comments are not allowed in policy JSON.", range: { startLine: 2, startColumn: 3, endLine: 2, endColumn: 15 } },
    ]);
    const trailing = parsePolicyText('{"Statement": [],\n}');
    expect(trailing.errors.map((e) => [e.code, e.range?.startLine])).toEqual([["JsonSyntax", 2]]);
    expect(parsePolicyText('{"Action": ["s3:GetObject",]}').errors).toHaveLength(1);
  });

  it("reports empty text and stops before grammar checks", () => {
    expect(validatePolicy("  \n", "identity")).toEqual({
      document: undefined,
      errors: [expect.objectContaining({ code: "JsonSyntax", message: "The policy text is empty." })],
    });
    expect(validatePolicy('{"Statement": ', "identity").errors.every((e) => e.code === "JsonSyntax")).toBe(true);
  });

  it("keeps __proto__ as a plain key", () => {
    const parsed = parsePolicyText('{"__proto__": {"polluted": true}}');
    expect(Object.getPrototypeOf(parsed.value)).toBe(Object.prototype);
    expect(validatePolicy('{"__proto__": {}, "Statement": {"Effect": "Deny", "Action": "*", "Resource": "*"}}', "identity").errors.map((e) => e.code)).toEqual(["UnknownElement"]);
  });
});

describe("paths", () => {
  it("round-trip keys that are not identifiers", () => {
    const segments = ["Statement", 0, "Condition", "StringEquals", "aws:PrincipalTag/Cost \"Center\""];
    expect(formatPath(segments)).toBe('Statement[0].Condition.StringEquals["aws:PrincipalTag/Cost \\"Center\\""]');
    expect(parsePath(formatPath(segments))).toEqual(segments);
  });
});

describe("policy size", () => {
  it("counts characters without white space", () => {
    expect(policySizeWithoutWhitespace('{ "a" :\n\t"b c" }')).toBe(10);
    expect(policySizeWithoutWhitespace("é€😀")).toBe(3);
  });

  it("reports LimitExceeded only over the limit", () => {
    const policy = JSON.stringify({ Statement: { Effect: "Allow", Action: "*", Resource: "*" } }, null, 2);
    const size = policySizeWithoutWhitespace(policy);
    expect(checkPolicySize(policy, size)).toBeUndefined();
    expect(checkPolicySize(policy, size - 1)).toMatchObject({ code: "LimitExceeded", path: "" });
  });
});

describe("robustness", () => {
  it("never throws and keeps ranges inside the text, for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(...POLICY_KINDS), (value, kind) => {
        const policyText = JSON.stringify({ Statement: [value] }, null, 2);
        const lines = policyText.split("\n");
        for (const error of validatePolicy(policyText, kind).errors) {
          if (!error.range) return false;
          if (error.range.startLine < 1 || error.range.endLine > lines.length) return false;
        }
        validatePolicy(value, kind);
        return true;
      }),
    );
  });

  it("never throws on arbitrary text", () => {
    fc.assert(fc.property(fc.string(), (input) => Array.isArray(validatePolicy(input, "identity").errors)));
  });
});
