import { describe, expect, it } from "vitest";
import { RequestContext } from "../context";
import { allow, deny, policy, type Statement } from "../test-support";
import type { ContextValue } from "../types";
import { ask, derivedOf, type Asker, type Question } from "./ask";
import { OTHER_VALUE } from "./candidates";
import { allowingContext, MAX_TRIES } from "./more-context";
import { principal } from "./test-support";

// "IAM JSON policy elements: Condition" and its operators: a condition on a key the request
// lacks fails (or, with IfExists or a negated operator, passes); the values that would turn
// the decision follow from each operator.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html

const ACTION = "s3:GetObject";
const RESOURCE = "arn:aws:s3:::bucket/key";

/** The context (beyond `context`) with which the statements allow alice s3:GetObject, or null. */
function moreContext(statements: Statement[], context: Record<string, ContextValue> = {}) {
  const alice = principal({ arn: "arn:aws:iam::111122223333:user/alice", identity: [policy(...statements)] });
  const asker: Asker = alice;
  const question = (more: Readonly<Record<string, ContextValue>>): Question => ({ action: ACTION, resource: RESOURCE, resourceAccount: "111122223333", resourcePolicy: null, context: more });
  const denied = ask(asker, question(context));
  const found = allowingContext(
    {
      action: ACTION,
      policies: alice.identity.map((held) => held.compiled),
      lookup: new RequestContext(derivedOf(alice.caller), context),
      context,
      evaluate: (more) => ask(asker, question(more)),
    },
    denied,
  );
  if (found) expect(ask(asker, question({ ...context, ...found })).decision).toBe("allowed");
  return found;
}

const when = (condition: object) => allow(ACTION, RESOURCE, { Condition: condition });

describe("allowingContext", () => {
  it.each([
    ["Bool", { Bool: { "aws:MultiFactorAuthPresent": "true" } }, { "aws:MultiFactorAuthPresent": "true" }],
    ["NumericLessThan", { NumericLessThan: { "aws:MultiFactorAuthAge": "3600" } }, { "aws:MultiFactorAuthAge": "3599" }],
    ["NumericGreaterThan", { NumericGreaterThan: { "s3:max-keys": "10" } }, { "s3:max-keys": "11" }],
    ["IpAddress", { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }, { "aws:SourceIp": "203.0.113.0" }],
    ["DateGreaterThan", { DateGreaterThan: { "aws:CurrentTime": "2030-01-01T00:00:00Z" } }, { "aws:CurrentTime": "2030-01-01T00:00:01.000Z" }],
    ["StringLike", { StringLike: { "sts:ExternalId": "team-*-?" } }, { "sts:ExternalId": "team--x" }],
    ["StringEquals with a variable", { StringEquals: { "aws:RequestTag/owner": "${aws:username}" } }, { "aws:RequestTag/owner": "alice" }],
    ["ArnLike", { ArnLike: { "aws:SourceArn": "arn:aws:sns:*:111122223333:topic-*" } }, { "aws:SourceArn": "arn:aws:sns::111122223333:topic-" }],
    ["Null false (present)", { Null: { "aws:TokenIssueTime": "false" } }, { "aws:TokenIssueTime": OTHER_VALUE }],
    ["StringNotEquals", { StringNotEquals: { "aws:RequestedRegion": "us-east-1" }, StringEquals: { "aws:SourceVpc": "vpc-1" } }, { "aws:SourceVpc": "vpc-1" }],
  ])("finds a value for %s", (_name, condition, expected) => {
    expect(moreContext([when(condition)])).toEqual(expected);
  });

  it("names only the keys needed, and every key needed together", () => {
    const statements = [
      when({ Bool: { "aws:MultiFactorAuthPresent": "true" }, IpAddress: { "aws:SourceIp": "10.0.0.0/8" } }),
      deny(ACTION, RESOURCE, { Condition: { StringEquals: { "aws:RequestedRegion": "eu-west-1" } } }),
    ];
    expect(moreContext(statements)).toEqual({ "aws:MultiFactorAuthPresent": "true", "aws:SourceIp": "10.0.0.0" });
  });

  it("lifts an explicit deny that holds only while a key is missing", () => {
    const statements = [allow(ACTION, RESOURCE), deny("*", "*", { Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } })];
    expect(moreContext(statements)).toEqual({ "aws:MultiFactorAuthPresent": "true" });
  });

  it("finds nothing when every value that allows also denies", () => {
    const region = { StringEquals: { "aws:RequestedRegion": "eu-west-1" } };
    expect(moreContext([when(region), deny(ACTION, RESOURCE, { Condition: region })])).toBeNull();
  });

  it("finds nothing when what denies does not read the missing key", () => {
    // The Allow reads MFA but grants another action: no value of it reaches s3:GetObject.
    expect(moreContext([allow("s3:PutObject", RESOURCE, { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }), when({ Bool: { "aws:SecureTransport": "true" } })], { "aws:SecureTransport": "false" })).toBeNull();
  });

  it("keeps the context as asked and adds to it", () => {
    const statements = [when({ Bool: { "aws:SecureTransport": "true", "aws:MultiFactorAuthPresent": "true" } })];
    expect(moreContext(statements, { "aws:SecureTransport": "true" })).toEqual({ "aws:MultiFactorAuthPresent": "true" });
    expect(moreContext(statements, { "aws:SecureTransport": "false" })).toBeNull();
  });

  it("tries several values of a multivalued key together", () => {
    const tags = { "ForAnyValue:StringEquals": { "aws:TagKeys": "team" }, "ForAnyValue:StringLike": { "aws:TagKeys": "cost-*" } };
    const found = moreContext([when(tags)]);
    expect(found?.["aws:TagKeys"]).toEqual(["team", "cost-"]);
  });

  it("gives up after MAX_TRIES evaluations", () => {
    // Twelve keys must all be present: the subsets of fewer keys alone outnumber MAX_TRIES.
    const keys = Array.from({ length: 12 }, (_, i) => `aws:RequestTag/k${i}`);
    const condition = { StringEquals: Object.fromEntries(keys.map((key) => [key, "v"])) };
    let tries = 0;
    const counted = principal({ arn: "arn:aws:iam::111122223333:user/alice", identity: [policy(when(condition))] });
    const question = (context: Readonly<Record<string, ContextValue>>): Question => ({ action: ACTION, resource: RESOURCE, resourceAccount: "111122223333", resourcePolicy: null, context });
    const found = allowingContext(
      {
        action: ACTION,
        policies: counted.identity.map((held) => held.compiled),
        lookup: new RequestContext(derivedOf(counted.caller), {}),
        context: {},
        evaluate: (context) => (tries++, ask(counted, question(context))),
      },
      ask(counted, question({})),
    );
    expect(found).toBeNull();
    expect(tries).toBe(MAX_TRIES);
  });
});
