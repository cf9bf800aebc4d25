/**
 * AWS's AccessDenied wording per gate ("Troubleshoot access denied error messages":
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html), each case
 * decided by the engine rather than written as a result by hand.
 */
import { describe, expect, it } from "vitest";
import { accessDeniedMessage, accessDeniedReason } from "./access-denied";
import { ACCOUNT, ALICE, allow, deny, evaluate, policy, ROLE, ROOT, SESSION, type RequestOptions } from "./test-support";

const reasonFor = (options: RequestOptions) => accessDeniedReason({ action: options.action ?? "s3:GetObject", result: evaluate(options) });

describe("AccessDenied messages", () => {
  it("says it in AWS's shape: principal, action, resource, then the reason", () => {
    const options = { action: "iam:CreateUser", resource: `arn:aws:iam::${ACCOUNT}:user/newuser` };
    expect(accessDeniedMessage({ principalArn: ALICE, ...options, result: evaluate(options) })).toBe(
      `User: ${ALICE} is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${ACCOUNT}:user/newuser because no identity-based policy allows the iam:CreateUser action`,
    );
  });

  it("names the kind of policy that holds an explicit deny", () => {
    const everything = policy(allow("*"));
    expect(reasonFor({ identityPolicies: [policy(allow("*"), deny("s3:GetObject"))] })).toBe("with an explicit deny in an identity-based policy");
    expect(reasonFor({ identityPolicies: [everything], permissionsBoundary: policy(allow("*"), deny("s3:*")) })).toBe("with an explicit deny in a permissions boundary");
    expect(reasonFor({ identityPolicies: [everything], scps: [[policy(allow("*"), deny("s3:GetObject"))]] })).toBe("with an explicit deny in a service control policy");
    expect(reasonFor({ principal: SESSION, identityPolicies: [everything], sessionPolicy: policy(allow("*"), deny("s3:GetObject")) })).toBe(
      "with an explicit deny in a session policy",
    );
    const bucketDeny = policy({ Effect: "Deny", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/*" });
    expect(reasonFor({ identityPolicies: [everything], resourcePolicy: bucketDeny })).toBe("with an explicit deny in a resource-based policy");
  });

  it("names the gate that found no Allow for an implicit deny", () => {
    const s3 = policy(allow("s3:*"));
    expect(reasonFor({ identityPolicies: [] })).toBe("because no identity-based policy allows the s3:GetObject action");
    expect(reasonFor({ identityPolicies: [s3], permissionsBoundary: policy(allow("ec2:*")) })).toBe("because no permissions boundary allows the s3:GetObject action");
    expect(reasonFor({ identityPolicies: [s3], scps: [[policy(allow("ec2:*"))]] })).toBe("because no service control policy allows the s3:GetObject action");
    expect(reasonFor({ principal: SESSION, identityPolicies: [s3], sessionPolicy: policy(allow("ec2:*")) })).toBe("because no session policy allows the s3:GetObject action");
    expect(reasonFor({ identityPolicies: [s3], resourceAccount: "444455556666" })).toBe("because no resource-based policy allows the s3:GetObject action");
  });

  it("refuses the root user's AssumeRole in AWS's words, and has nothing to say of an allowed request", () => {
    const trust = policy({ Effect: "Allow", Principal: { AWS: ACCOUNT }, Action: "sts:AssumeRole" });
    const rootAssumes = { principal: ROOT, action: "sts:AssumeRole", resource: ROLE, resourcePolicy: trust };
    expect(reasonFor(rootAssumes)).toBe("because roles may not be assumed by root accounts");
    expect(accessDeniedMessage({ principalArn: ROOT, ...rootAssumes, result: evaluate(rootAssumes) })).toBe("Roles may not be assumed by root accounts.");
    expect(reasonFor({ identityPolicies: [policy(allow("s3:GetObject"))] })).toBeNull();
  });
});
