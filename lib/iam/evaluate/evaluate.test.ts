/**
 * The evaluation gates, each test naming the IAM User Guide page it follows.
 */
import { describe, expect, it } from "vitest";
import { ACCOUNT, ALICE, OTHER_ACCOUNT, ROLE, ROOT, SESSION, allow, bucketPolicy, decisionOf, deny, evaluate, policy } from "../test-support";

const BUCKET_OBJECT = "arn:aws:s3:::bucket/key";
const FEDERATED = `arn:aws:sts::${ACCOUNT}:federated-user/carol`;
const s3Read = policy(allow("s3:GetObject"));

describe("Policy evaluation logic: identity-based policies", () => {
  it("an Allow grants", () => {
    expect(evaluate({ identityPolicies: [s3Read] })).toMatchObject({ decision: "allowed", gate: "identityPolicy" });
  });
  it("no Allow is an implicit deny", () => {
    expect(evaluate({ identityPolicies: [policy(allow("s3:PutObject"))] })).toMatchObject({ decision: "implicitDeny", gate: "identityPolicy" });
  });
  it("an explicit Deny wins over an Allow", () => {
    const result = evaluate({ identityPolicies: [s3Read, policy(deny("s3:*", BUCKET_OBJECT, { Sid: "NoBucket" }))] });
    expect(result.decision).toBe("explicitDeny");
    expect(result.explanation).toEqual([
      { source: "identity", policyIndex: 0, statementIndex: 0, sid: null, effect: "Allow" },
      { source: "identity", policyIndex: 1, statementIndex: 0, sid: "NoBucket", effect: "Deny" },
    ]);
  });
  it("Statement may be one object", () => {
    expect(decisionOf({ identityPolicies: [{ Version: "2012-10-17", Statement: allow("s3:GetObject") }] })).toBe("allowed");
  });
  it("NotAction allows everything else (IAM JSON policy elements: NotAction)", () => {
    const notIam = policy({ Effect: "Allow", NotAction: "iam:*", Resource: "*" });
    expect(decisionOf({ identityPolicies: [notIam] })).toBe("allowed");
    expect(decisionOf({ identityPolicies: [notIam], action: "iam:CreateUser", resource: "*" })).toBe("implicitDeny");
  });
  it("NotResource covers every other resource (IAM JSON policy elements: NotResource)", () => {
    const notSecret = policy({ Effect: "Allow", Action: "s3:*", NotResource: "arn:aws:s3:::secret/*" });
    expect(decisionOf({ identityPolicies: [notSecret] })).toBe("allowed");
    expect(decisionOf({ identityPolicies: [notSecret], resource: "arn:aws:s3:::secret/x" })).toBe("implicitDeny");
  });
  it("a Deny with NotAction denies all other actions", () => {
    const onlyS3 = policy(allow("*"), { Effect: "Deny", NotAction: "s3:*", Resource: "*" });
    expect(decisionOf({ identityPolicies: [onlyS3] })).toBe("allowed");
    expect(decisionOf({ identityPolicies: [onlyS3], action: "ec2:RunInstances", resource: "*" })).toBe("explicitDeny");
  });
});

describe("Permissions boundaries for IAM entities", () => {
  it("a boundary caps what identity policies grant", () => {
    const boundary = policy(allow("s3:ListBucket"));
    expect(evaluate({ identityPolicies: [s3Read], permissionsBoundary: boundary })).toMatchObject({ decision: "implicitDeny", gate: "permissionsBoundary" });
  });
  it("a boundary does not grant on its own", () => {
    expect(decisionOf({ permissionsBoundary: s3Read })).toBe("implicitDeny");
  });
  it("both allowing is allowed", () => {
    expect(decisionOf({ identityPolicies: [s3Read], permissionsBoundary: policy(allow("s3:*")) })).toBe("allowed");
  });
  it("an explicit deny in the boundary denies", () => {
    const boundary = policy(allow("*"), deny("s3:GetObject"));
    expect(decisionOf({ identityPolicies: [s3Read], permissionsBoundary: boundary })).toBe("explicitDeny");
  });
  it("a NotPrincipal Deny always denies a principal with a boundary", () => {
    const resourcePolicy = policy(
      { Effect: "Allow", Principal: { AWS: ALICE }, Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/*" },
      { Effect: "Deny", NotPrincipal: { AWS: [ALICE, ACCOUNT] }, Action: "s3:*", Resource: "arn:aws:s3:::bucket/*" },
    );
    expect(decisionOf({ resourcePolicy })).toBe("allowed");
    expect(decisionOf({ resourcePolicy, permissionsBoundary: policy(allow("*")) })).toBe("explicitDeny");
  });
});

describe("Service control policies: every level must allow", () => {
  const full = policy(allow("*"));
  it("allows when every level allows", () => {
    expect(decisionOf({ identityPolicies: [s3Read], scps: [[full], [policy(allow("s3:*"))]] })).toBe("allowed");
  });
  it("a level without an Allow blocks, and is named", () => {
    const result = evaluate({ identityPolicies: [s3Read], scps: [[full], [policy(allow("ec2:*"))], [full]] });
    expect(result).toMatchObject({ decision: "implicitDeny", gate: "scp", level: 1 });
  });
  it("an empty level allows nothing", () => {
    expect(decisionOf({ identityPolicies: [s3Read], scps: [[full], []] })).toBe("implicitDeny");
  });
  it("a Deny at any level is an explicit deny, reported with its level", () => {
    const result = evaluate({ identityPolicies: [s3Read], scps: [[full], [full, policy(deny("s3:GetObject"))]] });
    expect(result.decision).toBe("explicitDeny");
    expect(result.explanation).toContainEqual({ source: "scp", level: 1, policyIndex: 1, statementIndex: 0, sid: null, effect: "Deny" });
  });
  it("SCPs do not grant", () => {
    expect(decisionOf({ scps: [[full]] })).toBe("implicitDeny");
  });
  it("SCPs limit the root user of a member account", () => {
    expect(decisionOf({ principal: ROOT, scps: [[policy(allow("ec2:*"))]] })).toBe("implicitDeny");
  });
});

describe("Resource control policies", () => {
  const rcpFull = policy({ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" });
  const rcpDeny = policy({ Effect: "Deny", Principal: "*", Action: "*", Resource: "*", Condition: { StringNotEquals: { "aws:PrincipalAccount": OTHER_ACCOUNT } } });
  it("a Deny in an RCP denies for a service that supports RCPs", () => {
    expect(decisionOf({ identityPolicies: [s3Read], rcps: [[rcpFull, rcpDeny]] })).toBe("explicitDeny");
  });
  it("RCPs do not apply to services that do not support them", () => {
    const ec2 = { identityPolicies: [policy(allow("ec2:*"))], action: "ec2:RunInstances", resource: "*" };
    expect(decisionOf({ ...ec2, rcps: [[rcpFull, rcpDeny]] })).toBe("allowed");
  });
  it("every level must allow", () => {
    expect(evaluate({ identityPolicies: [s3Read], rcps: [[rcpFull], []] })).toMatchObject({ decision: "implicitDeny", gate: "rcp", level: 1 });
  });
});

describe("Session policies", () => {
  it("a session policy caps a role session", () => {
    const result = evaluate({ principal: SESSION, identityPolicies: [s3Read], sessionPolicy: policy(allow("s3:ListBucket")) });
    expect(result).toMatchObject({ decision: "implicitDeny", gate: "sessionPolicy" });
  });
  it("a session policy does not grant on its own", () => {
    expect(decisionOf({ principal: SESSION, sessionPolicy: s3Read })).toBe("implicitDeny");
  });
  it("identity and session policy both allowing is allowed", () => {
    expect(decisionOf({ principal: SESSION, identityPolicies: [s3Read], sessionPolicy: policy(allow("s3:*")) })).toBe("allowed");
  });
  it("a federated user session without a session policy has no permissions (Permissions for GetFederationToken)", () => {
    expect(decisionOf({ principal: FEDERATED, identityPolicies: [s3Read] })).toBe("implicitDeny");
    expect(decisionOf({ principal: FEDERATED, identityPolicies: [s3Read], sessionPolicy: s3Read })).toBe("allowed");
  });
  it("a resource-based policy naming the federated user session grants it", () => {
    expect(decisionOf({ principal: FEDERATED, resourcePolicy: bucketPolicy({ AWS: FEDERATED }) })).toBe("allowed");
  });
});

describe("sts:GetCallerIdentity needs no permission", () => {
  it("is allowed with no policy, and despite an explicit deny", () => {
    const request = { action: "sts:GetCallerIdentity", resource: "*" };
    expect(evaluate(request)).toMatchObject({ decision: "allowed", gate: "alwaysAllowed" });
    expect(decisionOf({ ...request, identityPolicies: [policy(deny("*"))] })).toBe("allowed");
  });
});

describe("Context keys derived from the principal (FORMAT.md)", () => {
  const onlyWhen = (condition: Record<string, unknown>) => [policy(allow("s3:GetObject", "*", { Condition: condition }))];
  it("aws:username for IAM users", () => {
    expect(decisionOf({ identityPolicies: onlyWhen({ StringEquals: { "aws:username": "alice" } }) })).toBe("allowed");
  });
  it("aws:username is absent for sessions", () => {
    const result = evaluate({ principal: SESSION, identityPolicies: onlyWhen({ StringEquals: { "aws:username": "alice" } }) });
    expect(result.decision).toBe("implicitDeny");
    expect(result.missingContextValues).toEqual(["aws:username"]);
  });
  it("aws:PrincipalArn of a session is the role ARN", () => {
    expect(decisionOf({ principal: SESSION, identityPolicies: onlyWhen({ ArnEquals: { "aws:PrincipalArn": ROLE } }) })).toBe("allowed");
  });
  it("aws:PrincipalAccount and aws:PrincipalTag", () => {
    const condition = { StringEquals: { "aws:PrincipalAccount": ACCOUNT, "aws:PrincipalTag/team": "blue" } };
    expect(decisionOf({ tags: { team: "blue" }, identityPolicies: onlyWhen(condition) })).toBe("allowed");
  });
  it("an explicit context value wins", () => {
    const condition = { StringEquals: { "aws:PrincipalTag/team": "red" } };
    expect(decisionOf({ tags: { team: "blue" }, context: { "aws:PrincipalTag/team": "red" }, identityPolicies: onlyWhen(condition) })).toBe("allowed");
  });
  it("no other key is invented", () => {
    const result = evaluate({ identityPolicies: onlyWhen({ Bool: { "aws:MultiFactorAuthPresent": "true" } }) });
    expect(result).toMatchObject({ decision: "implicitDeny", missingContextValues: ["aws:MultiFactorAuthPresent"] });
  });
  it("${aws:username} in a resource (IAM policy elements: Variables and tags)", () => {
    const own = [policy(allow("iam:GetUser", "arn:aws:iam::*:user/${aws:username}"))];
    expect(decisionOf({ identityPolicies: own, action: "iam:GetUser", resource: ALICE })).toBe("allowed");
    expect(decisionOf({ identityPolicies: own, action: "iam:GetUser", resource: `arn:aws:iam::${ACCOUNT}:user/bob` })).toBe("implicitDeny");
  });
});

describe("missingContextValues", () => {
  it("lists keys read by applicable statements and absent from the request, once", () => {
    const result = evaluate({
      identityPolicies: [
        policy(
          allow("s3:GetObject", "*", { Condition: { IpAddress: { "aws:SourceIp": "10.0.0.0/8" }, StringEquals: { "s3:prefix": "a" } } }),
          deny("s3:GetObject", "*", { Condition: { BoolIfExists: { "aws:SOURCEIP": "x" } } }),
          allow("ec2:*", "*", { Condition: { StringEquals: { "ec2:Region": "x" } } }),
        ),
      ],
      context: { "s3:prefix": "a" },
    });
    expect(result.missingContextValues).toEqual(["aws:SourceIp"]);
  });
});

describe("invalidPolicy", () => {
  it("names the document and the path of each error", () => {
    const bad = { Version: "2012-10-17", Statement: [allow("s3:GetObject"), { Effect: "Permit", Action: "s3:*", Resource: "*" }] };
    const result = evaluate({ identityPolicies: [s3Read, bad] });
    expect(result.decision).toBe("invalidPolicy");
    expect(result.errors).toContainEqual(expect.objectContaining({ document: "identityPolicies[1]", path: "Statement[1].Effect" }));
  });
  it("judges each document by its kind: a Principal in an identity policy", () => {
    const withPrincipal = policy({ ...allow("s3:GetObject"), Principal: "*" });
    expect(decisionOf({ identityPolicies: [withPrincipal] })).toBe("invalidPolicy");
    expect(decisionOf({ resourcePolicy: withPrincipal })).toBe("allowed");
  });
});
