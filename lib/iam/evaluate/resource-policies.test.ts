/**
 * Resource-based policies, cross-account requests, role trust policies, KMS key policies and
 * the root user; each test names the IAM User Guide page it follows.
 */
import { describe, expect, it } from "vitest";
import { ACCOUNT, ALICE, OTHER_ACCOUNT, ROLE, ROOT, SESSION, allow, bucketPolicy, decisionOf, evaluate, policy } from "../test-support";

const s3Read = policy(allow("s3:GetObject"));

describe("Policy evaluation for requests within a single account: resource-based policies", () => {
  const capped = { permissionsBoundary: policy(allow("ec2:*")), sessionPolicy: policy(allow("ec2:*")) };
  it("naming the user ARN grants without an identity policy, past the boundary", () => {
    expect(evaluate({ resourcePolicy: bucketPolicy({ AWS: ALICE }), ...capped })).toMatchObject({ decision: "allowed", gate: "resourcePolicy" });
  });
  it("naming the session ARN grants past the boundary and session policy", () => {
    expect(decisionOf({ principal: SESSION, resourcePolicy: bucketPolicy({ AWS: SESSION }), ...capped })).toBe("allowed");
  });
  it("naming the role ARN grants a session, but the boundary still caps it", () => {
    expect(decisionOf({ principal: SESSION, resourcePolicy: bucketPolicy({ AWS: ROLE }) })).toBe("allowed");
    const result = evaluate({ principal: SESSION, resourcePolicy: bucketPolicy({ AWS: ROLE }), permissionsBoundary: policy(allow("ec2:*")) });
    expect(result).toMatchObject({ decision: "implicitDeny", gate: "permissionsBoundary" });
  });
  it("naming the role ARN is capped by the session policy", () => {
    const result = evaluate({ principal: SESSION, resourcePolicy: bucketPolicy({ AWS: ROLE }), sessionPolicy: policy(allow("ec2:*")) });
    expect(result).toMatchObject({ decision: "implicitDeny", gate: "sessionPolicy" });
  });
  it("naming the account delegates to identity-based policies", () => {
    expect(decisionOf({ resourcePolicy: bucketPolicy({ AWS: ACCOUNT }) })).toBe("implicitDeny");
    expect(decisionOf({ resourcePolicy: bucketPolicy({ AWS: ACCOUNT }), identityPolicies: [s3Read] })).toBe("allowed");
  });
  it("an identity policy alone suffices within the account", () => {
    expect(decisionOf({ resourcePolicy: bucketPolicy({ AWS: `arn:aws:iam::${ACCOUNT}:user/bob` }), identityPolicies: [s3Read] })).toBe("allowed");
  });
  it("a Deny in the resource-based policy wins", () => {
    expect(decisionOf({ identityPolicies: [s3Read], resourcePolicy: bucketPolicy("*", "Deny") })).toBe("explicitDeny");
  });
});

describe("Cross-account policy evaluation logic", () => {
  const crossAccount = { resourceAccount: OTHER_ACCOUNT };
  it("needs both the identity policy and the resource-based policy", () => {
    expect(evaluate({ ...crossAccount, identityPolicies: [s3Read], resourcePolicy: bucketPolicy({ AWS: ACCOUNT }) })).toMatchObject({
      decision: "allowed",
      gate: "crossAccount",
    });
  });
  it("an identity policy alone is not enough", () => {
    expect(evaluate({ ...crossAccount, identityPolicies: [s3Read] })).toMatchObject({ decision: "implicitDeny", gate: "resourcePolicy" });
  });
  it("a resource-based policy naming the user is not enough without the identity side", () => {
    expect(evaluate({ ...crossAccount, resourcePolicy: bucketPolicy({ AWS: ALICE }) })).toMatchObject({ decision: "implicitDeny", gate: "identityPolicy" });
  });
  it("the principal's boundary still applies", () => {
    const result = evaluate({ ...crossAccount, identityPolicies: [s3Read], resourcePolicy: bucketPolicy("*"), permissionsBoundary: policy(allow("ec2:*")) });
    expect(result).toMatchObject({ decision: "implicitDeny", gate: "permissionsBoundary" });
  });
  it("a resource-based policy naming another account does not grant", () => {
    expect(decisionOf({ ...crossAccount, identityPolicies: [s3Read], resourcePolicy: bucketPolicy({ AWS: "999988887777" }) })).toBe("implicitDeny");
  });
  it("another account's root user needs the resource-based policy", () => {
    expect(decisionOf({ ...crossAccount, principal: ROOT })).toBe("implicitDeny");
    expect(decisionOf({ ...crossAccount, principal: ROOT, resourcePolicy: bucketPolicy({ AWS: ACCOUNT }) })).toBe("allowed");
  });
});

describe("Role trust policies for sts:AssumeRole", () => {
  const assume = { action: "sts:AssumeRole", resource: `arn:aws:iam::${ACCOUNT}:role/Target` };
  const trust = (principal: unknown) => policy({ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" });
  it("naming the user grants without an identity policy", () => {
    expect(decisionOf({ ...assume, resourcePolicy: trust({ AWS: ALICE }) })).toBe("allowed");
  });
  it("naming the account needs an identity policy too", () => {
    expect(decisionOf({ ...assume, resourcePolicy: trust({ AWS: ACCOUNT }) })).toBe("implicitDeny");
    const identity = policy(allow("sts:AssumeRole", assume.resource));
    expect(decisionOf({ ...assume, resourcePolicy: trust({ AWS: ACCOUNT }), identityPolicies: [identity] })).toBe("allowed");
  });
  it("from another account both sides must allow", () => {
    const caller = { principal: `arn:aws:iam::${OTHER_ACCOUNT}:user/dave`, resourceAccount: ACCOUNT };
    expect(decisionOf({ ...assume, ...caller, resourcePolicy: trust({ AWS: OTHER_ACCOUNT }) })).toBe("implicitDeny");
    const identity = policy(allow("sts:AssumeRole"));
    expect(decisionOf({ ...assume, ...caller, resourcePolicy: trust({ AWS: OTHER_ACCOUNT }), identityPolicies: [identity] })).toBe("allowed");
  });
  it("an identity policy alone is not enough: the trust policy must allow (single account page)", () => {
    const identity = policy(allow("sts:AssumeRole"));
    const otherUser = trust({ AWS: `arn:aws:iam::${ACCOUNT}:user/bob` });
    expect(evaluate({ ...assume, resourcePolicy: otherUser, identityPolicies: [identity] })).toMatchObject({ decision: "implicitDeny", gate: "resourcePolicy" });
    expect(decisionOf({ ...assume, identityPolicies: [identity] })).toBe("implicitDeny");
  });
  it("a user named in the trust policy still needs the boundary to allow (Update a role trust policy)", () => {
    const boundary = policy(allow("s3:*"));
    expect(evaluate({ ...assume, resourcePolicy: trust({ AWS: ALICE }), permissionsBoundary: boundary })).toMatchObject({
      decision: "implicitDeny",
      gate: "permissionsBoundary",
    });
  });
  it("the root user cannot assume a role (AWS STS API reference, AssumeRole)", () => {
    expect(evaluate({ ...assume, principal: ROOT, resourcePolicy: trust({ AWS: ACCOUNT }) })).toMatchObject({ decision: "implicitDeny", gate: "rootUser" });
  });
  it("a trust policy is judged as one: Resource is rejected", () => {
    const invalid = policy({ Effect: "Allow", Principal: { AWS: ALICE }, Action: "sts:AssumeRole", Resource: "*" });
    expect(decisionOf({ ...assume, resourcePolicy: invalid })).toBe("invalidPolicy");
  });
});

describe("Role trust policies for every sts action on the role (Passing session tags in AWS STS)", () => {
  const tag = { action: "sts:TagSession", resource: `arn:aws:iam::${ACCOUNT}:role/Target` };
  const trust = (...actions: string[]) => policy({ Effect: "Allow", Principal: { AWS: ALICE }, Action: actions });
  it("a trust policy without Resource is valid for sts:TagSession, and allows it when it lists it", () => {
    expect(evaluate({ ...tag, resourcePolicy: trust("sts:AssumeRole", "sts:TagSession") })).toMatchObject({ decision: "allowed", gate: "resourcePolicy" });
  });
  it("allowing sts:AssumeRole alone does not allow sts:TagSession, whatever the identity policy says", () => {
    const identity = policy(allow(["sts:AssumeRole", "sts:TagSession"]));
    expect(evaluate({ ...tag, resourcePolicy: trust("sts:AssumeRole"), identityPolicies: [identity] })).toMatchObject({
      decision: "implicitDeny",
      gate: "resourcePolicy",
    });
    expect(evaluate({ ...tag, identityPolicies: [identity] })).toMatchObject({ decision: "implicitDeny", gate: "resourcePolicy" });
  });
  it("a trust policy with Resource is rejected for sts:SetSourceIdentity as for sts:AssumeRole", () => {
    const invalid = policy({ Effect: "Allow", Principal: { AWS: ALICE }, Action: "sts:SetSourceIdentity", Resource: "*" });
    expect(decisionOf({ ...tag, action: "sts:SetSourceIdentity", resourcePolicy: invalid })).toBe("invalidPolicy");
  });
  it("the root user cannot tag a role session it cannot start", () => {
    const account = policy({ Effect: "Allow", Principal: { AWS: ACCOUNT }, Action: "sts:TagSession" });
    expect(evaluate({ ...tag, principal: ROOT, resourcePolicy: account })).toMatchObject({ decision: "implicitDeny", gate: "rootUser" });
  });
});

describe("KMS key policies must allow (Key policies in AWS KMS)", () => {
  const key = { action: "kms:Decrypt", resource: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/k1` };
  const keyPolicy = (principal: unknown) => policy({ Effect: "Allow", Principal: { AWS: principal }, Action: "kms:*", Resource: "*" });
  const kmsAll = policy(allow("kms:*"));
  it("an IAM policy has no effect unless the key policy allows IAM policies", () => {
    expect(decisionOf({ ...key, identityPolicies: [kmsAll], resourcePolicy: keyPolicy(`arn:aws:iam::${ACCOUNT}:user/bob`) })).toBe("implicitDeny");
    expect(decisionOf({ ...key, identityPolicies: [kmsAll], resourcePolicy: keyPolicy(ROOT) })).toBe("allowed");
  });
  it("the root user too needs the key policy", () => {
    expect(decisionOf({ ...key, principal: ROOT, resourcePolicy: keyPolicy(`arn:aws:iam::${ACCOUNT}:user/bob`) })).toBe("implicitDeny");
    expect(decisionOf({ ...key, principal: ROOT, resourcePolicy: keyPolicy(ACCOUNT) })).toBe("allowed");
  });
  it("a key policy naming the user grants on its own", () => {
    expect(decisionOf({ ...key, resourcePolicy: keyPolicy(ALICE) })).toBe("allowed");
  });
});

describe("The account root user", () => {
  it("is allowed without any policy", () => {
    expect(evaluate({ principal: ROOT })).toMatchObject({ decision: "allowed", gate: "rootUser" });
  });
  it("is denied by an explicit deny in a resource-based policy", () => {
    expect(decisionOf({ principal: ROOT, resourcePolicy: bucketPolicy({ AWS: ACCOUNT }, "Deny") })).toBe("explicitDeny");
  });
});
