import { describe, expect, it } from "vitest";
import { loadCatalogIndex } from "@/lib/catalog/load";
import type { PolicyKind } from "../validate";
import { lintPolicy } from "./index";
import type { LintSeverity } from "./types";

const catalog = loadCatalogIndex();
const doc = (...statements: unknown[]) => ({ Version: "2012-10-17", Statement: statements });
const allow = { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/*" };
const withCondition = (condition: unknown, base: Record<string, unknown> = allow) => doc({ ...base, Condition: condition });
const trust = (statement: Record<string, unknown>) => doc({ Effect: "Allow", Action: "sts:AssumeRole", ...statement });

interface Rule {
  code: string;
  severity: LintSeverity;
  bad: unknown;
  /** The nearest document that keeps the rule. */
  good: unknown;
  kind?: PolicyKind;
  /** The near miss may instead be the same document in another kind of policy. */
  goodKind?: PolicyKind;
  sizeLimit?: number;
}

const rules: Rule[] = [
  { code: "UnknownService", severity: "error", bad: doc({ ...allow, Action: "s3x:GetObject" }), good: doc(allow) },
  { code: "UnknownAction", severity: "error", bad: doc({ ...allow, Action: "s3:GetObjekt" }), good: doc({ ...allow, Action: "s3:getobject" }) },
  { code: "ActionPatternMatchesNothing", severity: "error", bad: doc({ ...allow, Action: "s3:Zzz*" }), good: doc({ ...allow, Action: "s3:Get*Tagging" }) },
  { code: "RedundantAction", severity: "suggestion", bad: doc({ ...allow, Action: ["s3:GetObject", "s3:Get*"] }), good: doc({ ...allow, Action: ["s3:GetObject", "s3:Put*"] }) },
  { code: "RedundantAction", severity: "suggestion", bad: doc({ ...allow, Action: ["s3:GetObject", "s3:getobject"] }), good: doc({ ...allow, Action: ["s3:GetObject", "s3:GetObjectAcl"] }) },
  { code: "NoMatchingResourceType", severity: "warning", bad: doc({ ...allow, Resource: "arn:aws:s3:::my_bucket" }), good: doc({ ...allow, Resource: "arn:aws:s3:::my_bucket/*" }) },
  {
    code: "NoMatchingResourceType",
    severity: "warning",
    bad: doc({ Effect: "Allow", Action: "iam:GetRole", Resource: "arn:aws:iam::123456789012:user/alice" }),
    good: doc({ Effect: "Allow", Action: "iam:GetRole", Resource: ["arn:aws:iam::123456789012:user/alice", "arn:aws:iam::123456789012:role/*"] }),
  },
  { code: "InvalidArnPartition", severity: "error", bad: doc({ ...allow, Resource: "arn:awz:s3:::bucket/*" }), good: doc({ ...allow, Resource: "arn:aws-cn:s3:::bucket/*" }) },
  { code: "InvalidArnServiceCase", severity: "error", bad: doc({ ...allow, Resource: "arn:aws:S3:::bucket/*" }), good: doc(allow) },
  {
    code: "UnknownArnService",
    severity: "warning",
    bad: doc({ Effect: "Allow", Action: "ec2:StartInstances", Resource: "arn:aws:ec3:us-east-1:123456789012:instance/*" }),
    good: doc({ Effect: "Allow", Action: "ec2:StartInstances", Resource: "arn:aws:ec2:us-east-1:123456789012:instance/*" }),
  },
  { code: "ArnRegionNotAllowed", severity: "error", bad: doc({ ...allow, Resource: "arn:aws:s3:us-east-1::bucket/*" }), good: doc({ ...allow, Resource: "arn:aws:s3:us-east-1:123456789012:accesspoint/ap/object/*" }) },
  { code: "ArnAccountNotAllowed", severity: "error", bad: doc({ ...allow, Resource: "arn:aws:s3::123456789012:bucket/*" }), good: doc({ ...allow, Resource: "arn:aws:s3:::bucket/*" }) },
  {
    code: "InvalidArnRegion",
    severity: "error",
    bad: doc({ Effect: "Allow", Action: "ec2:StartInstances", Resource: "arn:aws:ec2:us-east:123456789012:instance/*" }),
    good: doc({ Effect: "Allow", Action: "ec2:StartInstances", Resource: "arn:aws:ec2:us-gov-west-1:123456789012:instance/*" }),
  },
  {
    code: "InvalidArnAccount",
    severity: "error",
    bad: doc({ Effect: "Allow", Action: "iam:GetRole", Resource: "arn:aws:iam::12345:role/app" }),
    good: doc({ Effect: "Allow", Action: "iam:GetRole", Resource: "arn:aws:iam::${aws:PrincipalAccount}:role/app" }),
  },
  { code: "WildcardWithoutLikeOperator", severity: "warning", bad: withCondition({ StringEquals: { "aws:username": "dev-*" } }), good: withCondition({ StringLike: { "aws:username": "dev-*" } }) },
  { code: "WildcardWithoutLikeOperator", severity: "warning", bad: withCondition({ StringEquals: { "aws:username": "dev-?" } }), good: withCondition({ StringEquals: { "aws:username": "dev-${*}" } }) },
  {
    code: "WildcardWithoutLikeOperator",
    severity: "suggestion",
    bad: withCondition({ ArnEquals: { "aws:SourceArn": "arn:aws:sns:*:123456789012:alerts" } }),
    good: withCondition({ ArnLike: { "aws:SourceArn": "arn:aws:sns:*:123456789012:alerts" } }),
  },
  {
    code: "ForAllValuesWithSingleValuedKey",
    severity: "warning",
    bad: withCondition({ "ForAllValues:StringEquals": { "aws:PrincipalTag/team": "data" } }),
    good: withCondition({ StringEquals: { "aws:PrincipalTag/team": "data" } }),
  },
  {
    code: "ForAnyValueWithSingleValuedKey",
    severity: "warning",
    bad: withCondition({ "ForAnyValue:StringEquals": { "aws:username": "alice" } }),
    good: withCondition({ "ForAnyValue:StringEquals": { "aws:TagKeys": "team" } }),
  },
  {
    code: "ForAllValuesWithAllow",
    severity: "security",
    bad: withCondition({ "ForAllValues:StringEquals": { "aws:TagKeys": ["team"] } }),
    good: withCondition({ "ForAllValues:StringEquals": { "aws:TagKeys": ["team"] }, Null: { "aws:TagKeys": "false" } }),
  },
  {
    code: "ForAllValuesWithAllow",
    severity: "security",
    bad: withCondition({ "ForAllValues:StringEquals": { "aws:TagKeys": ["team"] } }),
    good: withCondition({ "ForAllValues:StringEquals": { "aws:TagKeys": ["team"] } }, { ...allow, Effect: "Deny" }),
  },
  {
    code: "InvalidVariableForOperator",
    severity: "error",
    bad: withCondition({ Null: { "aws:TokenIssueTime": "${aws:username}" } }),
    good: withCondition({ Null: { "aws:TokenIssueTime": "true" } }),
  },
  {
    code: "InvalidVariableForOperator",
    severity: "error",
    bad: withCondition({ NumericLessThan: { "s3:max-keys": "${aws:username}" } }),
    good: withCondition({ StringEquals: { "s3:prefix": "${aws:username}/" } }),
  },
  { code: "ConditionValueTypeMismatch", severity: "error", bad: withCondition({ Bool: { "aws:SecureTransport": "yes" } }), good: withCondition({ Bool: { "aws:SecureTransport": "True" } }) },
  { code: "ConditionValueTypeMismatch", severity: "error", bad: withCondition({ NumericLessThan: { "s3:max-keys": "ten" } }), good: withCondition({ NumericLessThan: { "s3:max-keys": "10" } }) },
  {
    code: "ConditionValueTypeMismatch",
    severity: "error",
    bad: withCondition({ DateLessThan: { "aws:CurrentTime": "2026-13-45" } }),
    good: withCondition({ DateLessThan: { "aws:CurrentTime": "2026-12-31T23:59:59Z" } }),
  },
  {
    code: "ConditionValueTypeMismatch",
    severity: "error",
    bad: withCondition({ IpAddress: { "aws:SourceIp": ["203.0.113.0/24", "10.0.0.300/8"] } }),
    good: withCondition({ IpAddress: { "aws:SourceIp": ["203.0.113.0/24", "2001:DB8::/32"] } }),
  },
  { code: "ConditionValueTypeMismatch", severity: "error", bad: withCondition({ Null: { "aws:TokenIssueTime": "no" } }), good: withCondition({ Null: { "aws:TokenIssueTime": false } }) },
  {
    code: "ConditionTypeMismatch",
    severity: "warning",
    bad: withCondition({ StringEquals: { "aws:MultiFactorAuthPresent": "true" } }),
    good: withCondition({ Bool: { "aws:MultiFactorAuthPresent": "true" } }),
  },
  { code: "UnknownConditionKey", severity: "warning", bad: withCondition({ StringEquals: { "aws:usrname": "alice" } }), good: withCondition({ StringEquals: { "AWS:UserName": "alice" } }) },
  {
    code: "UnknownConditionKey",
    severity: "warning",
    bad: withCondition({ StringEquals: { "s3:ExistingObjectTg/team": "data" } }),
    good: withCondition({ StringEquals: { "s3:ExistingObjectTag/team": "data" } }),
  },
  {
    code: "ConditionKeyNotForActions",
    severity: "warning",
    bad: withCondition({ StringEquals: { "ec2:Region": "us-east-1" } }),
    good: withCondition({ StringEquals: { "ec2:Region": "us-east-1" } }, { ...allow, Action: ["s3:GetObject", "ec2:StartInstances"], Resource: "*" }),
  },
  {
    code: "ConditionKeyNotForActions",
    severity: "warning",
    bad: withCondition({ StringEquals: { "iam:ResourceTag/team": "data" } }, { Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }),
    good: withCondition({ StringEquals: { "iam:ResourceTag/team": "data" } }, { Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }),
  },
  { code: "EmptyConditionValues", severity: "warning", bad: withCondition({ StringEquals: { "aws:username": [] } }), good: withCondition({ StringEquals: { "aws:username": ["alice"] } }) },
  {
    code: "PassRoleWithStarInResource",
    severity: "security",
    bad: doc({ Effect: "Allow", Action: ["iam:Pass*", "ec2:RunInstances"], Resource: "*" }),
    good: doc({ Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::123456789012:role/app-*" }),
  },
  {
    code: "AllowWithNotResource",
    severity: "security",
    bad: doc({ Effect: "Allow", Action: "s3:*", NotResource: "arn:aws:s3:::secret/*" }),
    good: doc({ Effect: "Deny", Action: "s3:*", NotResource: "arn:aws:s3:::secret/*" }),
  },
  // Access Analyzer's "Allow with NotAction": it grants every action not listed.
  {
    code: "AllowWithNotAction",
    severity: "security",
    bad: doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }),
    good: doc({ Effect: "Deny", NotAction: "iam:*", Resource: "*" }),
  },
  { code: "AllowWithNotAction", severity: "security", bad: doc({ Effect: "Allow", NotAction: "s3:DeleteBucket", Resource: "arn:aws:s3:::b" }), good: doc({ Effect: "Allow", NotAction: "s3:DeleteBucket", Resource: "arn:aws:s3:::b" }), goodKind: "boundary" },
  { code: "FullAdministratorAccess", severity: "security", bad: doc({ Effect: "Allow", Action: "*", Resource: "*" }), good: doc({ Effect: "Allow", Action: "s3:*", Resource: "*" }) },
  // In an SCP, "Allow * on *" is FullAWSAccess: it filters, it grants nothing.
  { code: "FullAdministratorAccess", severity: "security", bad: doc({ Effect: "Allow", Action: "*", Resource: "*" }), good: doc({ Effect: "Allow", Action: "*", Resource: "*" }), goodKind: "scp" },
  { code: "DuplicateStatement", severity: "warning", bad: doc({ ...allow, Sid: "A" }, { ...allow, Sid: "B", Action: ["S3:GetObject"] }), good: doc({ ...allow, Sid: "A" }, { ...allow, Sid: "B", Action: "s3:GetObjectAcl" }) },
  { code: "MissingVersion", severity: "warning", bad: { Statement: [allow] }, good: { Version: "2012-10-17", Statement: [allow] } },
  {
    code: "PolicyVariableWithOldVersion",
    severity: "error",
    bad: { Version: "2008-10-17", Statement: [{ ...allow, Resource: "arn:aws:s3:::bucket/${aws:username}/*" }] },
    good: { Version: "2012-10-17", Statement: [{ ...allow, Resource: "arn:aws:s3:::bucket/${aws:username}/*" }] },
  },
  { code: "PolicySizeExceedsQuota", severity: "error", bad: doc(allow), good: doc(allow), sizeLimit: 60 },
  {
    code: "TrustPolicyAllowsEveryone",
    severity: "security",
    kind: "trust",
    bad: trust({ Principal: { AWS: "*" } }),
    good: trust({ Principal: { AWS: "*" }, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } }),
  },
  { code: "TrustPolicyAllowsEveryone", severity: "security", kind: "trust", bad: trust({ Principal: "*" }), good: trust({ Principal: { AWS: "arn:aws:iam::123456789012:root" } }) },
];

describe("lint rules: each is triggered by its bad document and not by the near miss", () => {
  it.each(rules.map((rule) => [`${rule.code} (${JSON.stringify(rule.bad).slice(0, 90)})`, rule] as const))("%s", (_, rule) => {
    const kind = rule.kind ?? "identity";
    const bad = lintPolicy(JSON.stringify(rule.bad, null, 2), kind, catalog, { sizeLimit: rule.sizeLimit });
    const finding = bad.find((f) => f.code === rule.code);
    expect(finding, JSON.stringify(bad, null, 2)).toBeDefined();
    expect(finding?.severity).toBe(rule.severity);
    expect(finding?.docUrl).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/IAM\/latest\/UserGuide\/[a-z_-]+\.html/);
    expect(finding?.range).toBeDefined();

    const goodLimit = rule.sizeLimit === undefined ? undefined : 10_000;
    const good = lintPolicy(JSON.stringify(rule.good, null, 2), rule.goodKind ?? kind, catalog, { sizeLimit: goodLimit });
    expect(good.map((f) => f.code)).not.toContain(rule.code);
  });
});

describe("did you mean", () => {
  const message = (document: unknown) => lintPolicy(document, "identity", catalog)[0]?.message ?? "";

  it("suggests the closest service and the closest action of the service", () => {
    expect(message(doc({ ...allow, Action: "s3x:GetObject" }))).toContain('Did you mean "s3"?');
    expect(message(doc({ ...allow, Action: "s3:GetObjekt" }))).toContain('Did you mean "s3:GetObject"?');
    expect(message(doc({ ...allow, Action: "dynamodb:Querry", Resource: "*" }))).toContain('Did you mean "dynamodb:Query"?');
  });

  it("suggests nothing when no name is close", () => {
    expect(message(doc({ ...allow, Action: "s3:CompletelyDifferentThing" }))).not.toContain("Did you mean");
  });

  it("suggests the closest global key", () => {
    expect(message(withCondition({ StringEquals: { "aws:usrname": "alice" } }))).toContain('Did you mean "aws:username"?');
  });
});
