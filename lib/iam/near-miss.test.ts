import { describe, expect, it } from "vitest";
import { indexCatalog } from "./catalog";
import type { Catalog } from "./catalog/types";
import { findNearMisses, type NearMiss, type NearMissOptions } from "./near-miss";
import { unreachableGrant } from "./near-miss-hints";
import { nearMissesOf } from "./near-miss-request";
import { prepareRequest, createEvaluator } from "./simulate";
import { ALICE, allow, deny, policy, request, type RequestOptions } from "./test-support";

// An Allow applies only when its action, resource and conditions all match; a statement whose
// action matches but whose Resource, NotResource or Condition does not is a near miss.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html

/** A slice of the Service Authorization Reference for S3: bucket and object resource types. */
const catalog = indexCatalog({
  sourceVersion: "test",
  globalConditionKeys: [],
  services: [
    {
      prefix: "s3",
      name: "Amazon S3",
      conditionKeys: [],
      resourceTypes: [
        { name: "bucket", arn: "arn:${Partition}:s3:::${BucketName}", conditionKeys: [] },
        { name: "object", arn: "arn:${Partition}:s3:::${BucketName}/${ObjectName}", conditionKeys: [] },
      ],
      actions: [
        { service: "s3", name: "GetObject", accessLevel: "Read", resourceTypes: [{ name: "object", required: true }], conditionKeys: [] },
        { service: "s3", name: "ListBucket", accessLevel: "List", resourceTypes: [{ name: "bucket", required: true }], conditionKeys: [] },
      ],
    },
  ],
} satisfies Catalog);

function misses(options: RequestOptions, extra: NearMissOptions = { catalog }): NearMiss[] {
  const raw = request(options);
  const prepared = prepareRequest(raw);
  if (!prepared.ok) throw new Error(prepared.error);
  const { action, resource, context } = prepared.request;
  const result = createEvaluator(prepared).evaluate(action, resource, context);
  return nearMissesOf(prepared, result, action, resource, context, extra);
}

const readOnly = policy({ Sid: "ReadMyBucket", Effect: "Allow", Action: ["s3:Get*", "s3:List*"], Resource: "arn:aws:s3:::my_bucket" });

describe("near misses", () => {
  it("explains a bucket ARN that does not cover the bucket's objects (resource miss)", () => {
    const found = misses({ identityPolicies: [readOnly], action: "s3:GetObject", resource: "arn:aws:s3:::my_bucket/key.txt" });
    expect(found).toHaveLength(1);
    const [miss] = found;
    expect(miss).toMatchObject({ source: "identity", policyIndex: 0, statementIndex: 0, sid: "ReadMyBucket", actions: ["s3:Get*", "s3:List*"] });
    expect(miss.part).toMatchObject({ kind: "resource", resources: ["arn:aws:s3:::my_bucket"], bucketObject: { objectsArn: "arn:aws:s3:::my_bucket/*" } });
    expect(miss.text).toBe(
      "allows s3:Get*, s3:List* on arn:aws:s3:::my_bucket; the request's resource arn:aws:s3:::my_bucket/key.txt is an object, which that ARN does not cover — objects are arn:aws:s3:::my_bucket/*",
    );
  });

  it("names the action's resource type from the catalog when the resource is elsewhere", () => {
    const [miss] = misses({ identityPolicies: [policy(allow("s3:GetObject", "arn:aws:s3:::reports/*"))], action: "s3:GetObject", resource: "arn:aws:s3:::photos/cat.png" });
    expect(miss.part).toMatchObject({ kind: "resource", bucketObject: null, resourceType: { name: "object", arn: "arn:${Partition}:s3:::${BucketName}/${ObjectName}" } });
    expect(miss.text).toContain("is not among them; the action's resource type is object: arn:${Partition}:s3:::${BucketName}/${ObjectName}");
    expect(miss.text).toContain("a Resource that covers arn:aws:s3:::photos/cat.png would match");
  });

  it("names a failing condition too when the resource misses, so fixing the Resource alone is not offered as enough", () => {
    const statement = allow("s3:GetObject", "arn:aws:s3:::my_bucket", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } });
    const [miss] = misses({ identityPolicies: [policy(statement)], action: "s3:GetObject", resource: "arn:aws:s3:::my_bucket/key.txt" });
    expect(miss.text).toContain("objects are arn:aws:s3:::my_bucket/*; and besides, the condition Bool aws:MultiFactorAuthPresent");
    const [withMfa] = misses({ identityPolicies: [policy(statement)], action: "s3:GetObject", resource: "arn:aws:s3:::my_bucket/key.txt", context: { "aws:MultiFactorAuthPresent": "true" } });
    expect(withMfa.text).not.toContain("and besides");
  });

  it("says which NotResource pattern leaves the resource out (NotResource miss)", () => {
    const statement = { Effect: "Allow", Action: "s3:GetObject", NotResource: ["arn:aws:s3:::secret/*", "arn:aws:s3:::audit/*"] };
    const [miss] = misses({ identityPolicies: [policy(statement)], action: "s3:GetObject", resource: "arn:aws:s3:::secret/plan.txt" });
    expect(miss.part).toMatchObject({ kind: "notResource", excludedBy: ["arn:aws:s3:::secret/*"] });
    expect(miss.text).toContain("on every resource except arn:aws:s3:::secret/*, arn:aws:s3:::audit/*");
    expect(miss.text).toContain("its NotResource arn:aws:s3:::secret/* covers the request's resource arn:aws:s3:::secret/plan.txt");
  });

  it("names the condition key and operator, the policy's values and the request's (condition miss)", () => {
    const statement = allow("s3:GetObject", "*", { Condition: { StringEquals: { "aws:PrincipalTag/team": ["data", "ml"] } } });
    const [miss] = misses({ identityPolicies: [policy(statement)], tags: { team: "web" } });
    expect(miss.part).toEqual({ kind: "condition", failures: [{ operator: "StringEquals", key: "aws:PrincipalTag/team", policyValues: ["data", "ml"], requestValues: ["web"] }] });
    expect(miss.text).toContain('the condition StringEquals aws:PrincipalTag/team with "data", "ml" does not hold for the request\'s aws:PrincipalTag/team "web"');
  });

  it("says when the condition's key is missing from the context, and lists only the entries that fail", () => {
    const statement = allow("s3:GetObject", "*", { Condition: { Bool: { "aws:SecureTransport": "true" }, IpAddress: { "aws:SourceIp": "10.0.0.0/8" } } });
    const [miss] = misses({ identityPolicies: [policy(statement)], context: { "aws:SecureTransport": "true" } });
    expect(miss.part).toEqual({ kind: "condition", failures: [{ operator: "IpAddress", key: "aws:SourceIp", policyValues: ["10.0.0.0/8"], requestValues: null }] });
    expect(miss.text).toContain("the request's context has no aws:SourceIp");
  });

  it("finds none when the decision is not an implicit deny, and ignores Deny statements and other actions", () => {
    expect(misses({ identityPolicies: [policy(allow("s3:GetObject"))] })).toEqual([]);
    expect(misses({ identityPolicies: [policy(allow("s3:GetObject", "arn:aws:s3:::other/*"), deny("s3:GetObject"))] })).toEqual([]);
    expect(misses({ identityPolicies: [policy(allow("s3:PutObject", "arn:aws:s3:::other/*"), deny("s3:GetObject", "arn:aws:s3:::other/*"))] })).toEqual([]);
  });

  it("looks only in the gate that found no allow: the boundary's miss, not the identity policy's other statements", () => {
    const identity = policy(allow("s3:GetObject"), allow("s3:GetObject", "arn:aws:s3:::elsewhere/*"));
    const found = misses({ identityPolicies: [identity], permissionsBoundary: policy(allow("s3:GetObject", "arn:aws:s3:::bucket")) });
    expect(found.map((miss) => [miss.source, miss.statementIndex])).toEqual([["boundary", 0]]);
  });

  it("stops at the limit", () => {
    const many = policy(...Array.from({ length: 40 }, (_, i) => allow("s3:GetObject", `arn:aws:s3:::b${i}/*`)));
    expect(misses({ identityPolicies: [many] })).toHaveLength(5);
    expect(misses({ identityPolicies: [many] }, { limit: 2 })).toHaveLength(2);
  });

  it("reads JSON text documents, and skips resource-policy statements that do not name the caller", () => {
    const bucket = JSON.stringify(policy({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::999999999999:root" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::x/*" }));
    const text = JSON.stringify(readOnly);
    const found = misses({ principal: ALICE, identityPolicies: [text], resourcePolicy: bucket, action: "s3:GetObject", resource: "arn:aws:s3:::my_bucket/a" });
    expect(found.map((miss) => miss.source)).toEqual(["identity"]);
    expect(findNearMisses([], { action: "s3:GetObject", resource: "*", context: new Map(), shape: { caller: { kind: "user" } } as never })).toEqual([]);
  });
});

describe("unreachableGrant", () => {
  it("flags a bucket ARN granted for an object action, and leaves fitting or wildcard patterns alone", () => {
    expect(unreachableGrant(catalog, "s3:GetObject", "arn:aws:s3:::my_bucket")).toMatchObject({
      bucketObject: { objectsArn: "arn:aws:s3:::my_bucket/*" },
      text: "s3:GetObject acts on objects; arn:aws:s3:::my_bucket is the bucket, which does not cover its objects — objects are arn:aws:s3:::my_bucket/*",
    });
    expect(unreachableGrant(catalog, "s3:ListBucket", "arn:aws:s3:::my_bucket")).toBeNull();
    expect(unreachableGrant(catalog, "s3:GetObject", "arn:aws:s3:::my_bucket/*")).toBeNull();
    expect(unreachableGrant(catalog, "s3:GetObject", "arn:aws:s3:::my_bucket*")).toBeNull();
    expect(unreachableGrant(catalog, "s3:ListBucket", "arn:aws:s3:::my_bucket/logs/a.txt")?.text).toBe(
      "s3:ListBucket acts on bucket (arn:${Partition}:s3:::${BucketName}); arn:aws:s3:::my_bucket/logs/a.txt is none of these, so this grant never applies to it",
    );
  });
});
