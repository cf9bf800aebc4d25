import { describe, expect, it } from "vitest";
import { allow, policy } from "../test-support";
import { whoCanNearMisses } from "./near-misses";
import { inventory, principal } from "./test-support";
import { whoCan } from "./who-can";

// When nobody may do it, who can names the Allow statements that matched the action but not the
// resource or the conditions ("Policy evaluation logic": every element of an Allow must match).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html

const ACCOUNT = "111122223333";
const OTHER = "444455556666";
const OBJECT = "arn:aws:s3:::my_bucket/key.txt";
const readOnly = policy({ Sid: "ReadMyBucket", Effect: "Allow", Action: ["s3:Get*", "s3:List*"], Resource: "arn:aws:s3:::my_bucket" });
const erin = principal({ arn: `arn:aws:iam::${ACCOUNT}:user/erin`, identity: [readOnly] });
const mfa = principal({ arn: `arn:aws:iam::${OTHER}:user/mo`, identity: [policy(allow("s3:GetObject", "*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }))] });
const idle = principal({ arn: `arn:aws:iam::${ACCOUNT}:user/ida`, identity: [policy(allow("ec2:*"))] });
const world = inventory([ACCOUNT, OTHER], [mfa, idle, erin]);

describe("whoCanNearMisses", () => {
  it("names the principals' near misses, the resource's account first, when nobody is allowed", () => {
    const question = { action: "s3:GetObject", resource: OBJECT, resourceAccount: ACCOUNT, context: {} };
    expect(whoCan(world, question).principals.filter((p) => p.kind !== "root")).toEqual([]);
    const found = whoCanNearMisses(world, question);
    expect(found.map((miss) => [miss.principal.name, miss.part.kind])).toEqual([["erin", "resource"], ["mo", "condition"]]);
    expect(found[0]).toMatchObject({ policy: { name: "Policy0" }, statement: 0, sid: "ReadMyBucket" });
    expect(found[0].text).toContain("is an object, which that ARN does not cover — objects are arn:aws:s3:::my_bucket/*");
  });

  it("reports a condition miss of another account's principal, and honours the limit", () => {
    const question = { action: "s3:GetObject", resource: OBJECT, resourceAccount: OTHER, context: {} };
    const found = whoCanNearMisses(world, question);
    expect(found.map((miss) => [miss.principal.name, miss.part.kind])).toEqual([["mo", "condition"], ["erin", "resource"]]);
    expect(found[0].text).toContain("the request's context has no aws:MultiFactorAuthPresent");
    expect(whoCanNearMisses(world, question, { limit: 1 })).toHaveLength(1);
  });
});
