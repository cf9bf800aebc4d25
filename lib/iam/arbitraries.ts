/**
 * fast-check generators of policies and requests over a small vocabulary, so that random
 * statements often apply to random requests. Used by the engine's property tests only.
 */
import fc from "fast-check";
import type { ContextValue } from "./types";

export const ACTIONS = ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "ec2:RunInstances", "ec2:DescribeInstances", "iam:CreateUser", "iam:GetUser"];
const ACTION_PATTERNS = [...ACTIONS, "s3:*", "s3:Get*", "ec2:Describe*", "*", "iam:*User", "s3:?utObject"];
export const RESOURCES = ["*", "arn:aws:s3:::bucket/key", "arn:aws:s3:::bucket", "arn:aws:iam::111122223333:user/alice"];
const RESOURCE_PATTERNS = ["*", "arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket", "arn:aws:iam::*:user/${aws:username}", "arn:aws:s3:::other/*"];

const CONDITIONS: Record<string, unknown>[] = [
  { Bool: { "aws:SecureTransport": "true" } },
  { StringEquals: { "aws:PrincipalTag/team": "blue" } },
  { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } },
  { StringNotEquals: { "aws:RequestedRegion": "us-east-1" } },
  { "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "env"] } },
];

export const CONTEXTS: Record<string, ContextValue>[] = [
  {},
  { "aws:SecureTransport": "true", "aws:SourceIp": "203.0.113.9" },
  { "aws:SecureTransport": "false", "aws:RequestedRegion": "us-east-1", "aws:TagKeys": ["team"] },
  { "aws:SourceIp": "198.51.100.1", "aws:RequestedRegion": "eu-west-1", "aws:TagKeys": ["cost"] },
];

const list = (items: readonly string[]) => fc.oneof(fc.constantFrom(...items), fc.uniqueArray(fc.constantFrom(...items), { minLength: 1, maxLength: 3 }));

export type GeneratedStatement = Record<string, unknown>;
export interface GeneratedPolicy {
  Version: string;
  Statement: GeneratedStatement[];
}
export interface GeneratedRequest {
  identityPolicies: GeneratedPolicy[];
  permissionsBoundary: GeneratedPolicy | null;
  action: string;
  resource: string;
  context: Record<string, ContextValue>;
  tags: Record<string, string>;
}

export const statementArb = (effect?: "Allow" | "Deny"): fc.Arbitrary<GeneratedStatement> =>
  fc
    .record({
      Effect: effect ? fc.constant(effect) : fc.constantFrom("Allow", "Deny"),
      actions: list(ACTION_PATTERNS),
      notAction: fc.boolean(),
      resources: list(RESOURCE_PATTERNS),
      notResource: fc.boolean(),
      condition: fc.option(fc.constantFrom(...CONDITIONS), { nil: undefined }),
    })
    .map(({ Effect, actions, notAction, resources, notResource, condition }) => ({
      Effect,
      [notAction ? "NotAction" : "Action"]: actions,
      [notResource ? "NotResource" : "Resource"]: resources,
      ...(condition ? { Condition: condition } : {}),
    }));

export const policyArb: fc.Arbitrary<GeneratedPolicy> = fc
  .array(statementArb(), { minLength: 1, maxLength: 4 })
  .map((Statement) => ({ Version: "2012-10-17", Statement }));

export const requestArb: fc.Arbitrary<GeneratedRequest> = fc.record({
  identityPolicies: fc.array(policyArb, { maxLength: 3 }),
  permissionsBoundary: fc.option(policyArb, { nil: null }),
  action: fc.constantFrom(...ACTIONS),
  resource: fc.constantFrom(...RESOURCES),
  context: fc.constantFrom(...CONTEXTS),
  tags: fc.constantFrom<Record<string, string>>({}, { team: "blue" }),
});
