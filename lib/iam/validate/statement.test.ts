import { describe, expect, it } from "vitest";
import { validatePolicy } from "./index";
import type { PolicyKind } from "./types";

const policy = (statement: unknown) => ({ Version: "2012-10-17", Statement: [statement] });
const codes = (document: unknown, kind: PolicyKind = "identity") => validatePolicy(document, kind).errors.map((e) => e.code);

const allow = { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/*" };

// Each rule: a statement that breaks it, and the nearest statement that keeps it (and is valid).
const rules: Array<{ code: string; bad: Record<string, unknown>; good: Record<string, unknown>; kind?: PolicyKind }> = [
  { code: "UnknownElement", bad: { ...allow, Actions: "s3:*" }, good: allow },
  { code: "UnknownElement", bad: { effect: "Allow", Action: "s3:*", Resource: "*" }, good: { Effect: "Allow", Action: "s3:*", Resource: "*" } },
  { code: "MissingEffect", bad: { Action: "s3:*", Resource: "*" }, good: { Effect: "Deny", Action: "s3:*", Resource: "*" } },
  { code: "InvalidEffect", bad: { ...allow, Effect: "allow" }, good: { ...allow, Effect: "Allow" } },
  { code: "InvalidEffect", bad: { ...allow, Effect: true }, good: allow },
  { code: "MissingAction", bad: { Effect: "Allow", Resource: "*" }, good: { Effect: "Allow", Action: "*", Resource: "*" } },
  { code: "ActionAndNotAction", bad: { ...allow, NotAction: "s3:DeleteObject" }, good: { Effect: "Allow", NotAction: "s3:DeleteObject", Resource: "*" } },
  { code: "InvalidAction", bad: { ...allow, Action: "s3GetObject" }, good: { ...allow, Action: "s3:Get*" } },
  { code: "InvalidAction", bad: { ...allow, Action: ["s3:GetObject", "s3:Get Object"] }, good: { ...allow, Action: ["s3:GetObject", "s3:?etObject"] } },
  { code: "InvalidAction", bad: { Effect: "Allow", NotAction: ":GetObject", Resource: "*" }, good: { ...allow, Action: "iam:*" } },
  { code: "EmptyArray", bad: { ...allow, Action: [] }, good: { ...allow, Action: ["s3:GetObject"] } },
  { code: "EmptyArray", bad: { ...allow, Resource: [] }, good: { ...allow, Resource: ["*"] } },
  { code: "WrongType", bad: { ...allow, Action: 42 }, good: allow },
  { code: "WrongType", bad: { ...allow, Resource: ["*", 7] }, good: { ...allow, Resource: ["*", "arn:aws:s3:::b"] } },
  { code: "MissingResource", bad: { Effect: "Allow", Action: "s3:*" }, good: { Effect: "Allow", Action: "s3:*", NotResource: "arn:aws:s3:::secret/*" } },
  { code: "ResourceAndNotResource", bad: { ...allow, NotResource: "arn:aws:s3:::b" }, good: allow },
  { code: "InvalidResourceArn", bad: { ...allow, Resource: "my-bucket" }, good: { ...allow, Resource: "arn:aws:s3:::my-bucket" } },
  { code: "InvalidResourceArn", bad: { ...allow, Resource: "arn:aws:s3:::" }, good: { ...allow, Resource: "arn:aws:s3:::*" } },
  { code: "InvalidResourceArn", bad: { ...allow, Resource: "arn:aws:iam::123456789012" }, good: { ...allow, Resource: "arn:aws:iam::${aws:PrincipalAccount}:user/${aws:username}" } },
  { code: "InvalidSid", bad: { ...allow, Sid: "Read objects" }, good: { ...allow, Sid: "ReadObjects2" } },
  { code: "WrongType", bad: { ...allow, Sid: 1 }, good: { ...allow, Sid: "One" } },
  { code: "PrincipalNotAllowed", bad: { ...allow, Principal: "*" }, good: allow },
  { code: "UnknownConditionOperator", bad: { ...allow, Condition: { StringEqual: { "aws:username": "a" } } }, good: { ...allow, Condition: { StringEquals: { "aws:username": "a" } } } },
  { code: "UnknownConditionOperator", bad: { ...allow, Condition: { stringequals: { "aws:username": "a" } } }, good: { ...allow, Condition: { "ForAnyValue:StringLikeIfExists": { "aws:TagKeys": ["a*"] } } } },
  { code: "UnknownConditionOperator", bad: { ...allow, Condition: { "ForSomeValues:StringLike": { "aws:TagKeys": "a" } } }, good: { ...allow, Condition: { "ForAllValues:StringLike": { "aws:TagKeys": "a" } } } },
  { code: "NullWithIfExists", bad: { ...allow, Condition: { NullIfExists: { "aws:TokenIssueTime": "true" } } }, good: { ...allow, Condition: { Null: { "aws:TokenIssueTime": "true" } } } },
  { code: "InvalidConditionKey", bad: { ...allow, Condition: { Bool: { MultiFactorAuthPresent: "true" } } }, good: { ...allow, Condition: { Bool: { "aws:MultiFactorAuthPresent": true } } } },
  { code: "EmptyCondition", bad: { ...allow, Condition: { StringEquals: {} } }, good: { ...allow, Condition: {} } },
  { code: "WrongType", bad: { ...allow, Condition: { StringEquals: { "aws:username": { a: 1 } } } }, good: { ...allow, Condition: { NumericLessThan: { "s3:max-keys": 10 } } } },
  { code: "WrongType", bad: { ...allow, Condition: { StringEquals: { "aws:username": [null] } } }, good: { ...allow, Condition: { StringEquals: { "aws:username": ["a", "b"] } } } },
  { code: "WrongType", bad: { ...allow, Condition: [] }, good: allow },
  { code: "WrongType", bad: { ...allow, Condition: { StringEquals: "aws:username" } }, good: allow },
];

describe("statement rules", () => {
  it.each(rules.map((rule, index) => ({ ...rule, index })))("$index: $code", ({ code, bad, good, kind }) => {
    expect(codes(policy(bad), kind)).toContain(code);
    expect(codes(policy(good), kind)).toEqual([]);
  });

  it("accepts the condition keys of web identity and OIDC providers and tag keys with spaces", () => {
    const condition = {
      StringEquals: {
        "accounts.google.com:aud": "app",
        "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE:sub": "system:serviceaccount:default:app",
        "aws:ResourceTag/Cost Center": "42",
      },
    };
    expect(codes(policy({ ...allow, Condition: condition }))).toEqual([]);
  });

  it("accepts every documented operator with and without IfExists and set prefixes", () => {
    for (const operator of ["StringNotEqualsIgnoreCase", "DateGreaterThanEquals", "BinaryEquals", "NotIpAddress", "ArnNotLike"]) {
      for (const name of [operator, `${operator}IfExists`, `ForAllValues:${operator}`]) {
        expect(codes(policy({ ...allow, Condition: { [name]: { "aws:SourceArn": "x" } } }))).toEqual([]);
      }
    }
  });

  it("collects every error of a statement instead of stopping at the first", () => {
    const errors = codes(policy({ Effect: "Maybe", Action: "nope", Resource: "nope", Principal: "*", Extra: 1 }));
    expect(errors).toEqual(expect.arrayContaining(["UnknownElement", "InvalidEffect", "InvalidAction", "InvalidResourceArn", "PrincipalNotAllowed"]));
  });

  it("says which statement and which element are wrong in words", () => {
    const result = validatePolicy({ Statement: [allow, { ...allow, Effect: "allow" }] }, "identity");
    expect(result.errors).toEqual([
      { code: "InvalidEffect", path: "Statement[1].Effect", message: 'Statement[1]: Effect must be "Allow" or "Deny", not "allow".' },
    ]);
  });

  it("reports a statement given as one object at Statement, without an index", () => {
    const result = validatePolicy({ Statement: { ...allow, Action: "s3" } }, "identity");
    expect(result.errors.map((e) => e.path)).toEqual(["Statement.Action"]);
    expect(result.errors[0].message).toMatch(/^Statement: Action "s3"/);
  });
});
