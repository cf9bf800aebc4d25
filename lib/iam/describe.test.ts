import { describe, expect, it } from "vitest";
import { describeDecision, describeVerdict } from "./describe";
import { allow, deny, evaluate, policy } from "./test-support";

describe("describeDecision", () => {
  it("names the denying statements, 1-based, with their Sid", () => {
    const result = evaluate({ identityPolicies: [policy(allow("s3:*")), policy(allow("ec2:*"), deny("s3:GetObject", "*", { Sid: "NoReads" }))] });
    expect(describeDecision(result)).toBe('Explicitly denied by identity-based policy 2, statement 2 ("NoReads").');
  });
  it("names the SCP level that blocks", () => {
    const result = evaluate({ identityPolicies: [policy(allow("s3:*"))], scps: [[policy(allow("*"))], [policy(allow("ec2:*"))]] });
    expect(describeDecision(result)).toBe("Implicitly denied: no service control policy at level 2 allows it.");
  });
  it("describes a sweep verdict from its gate alone", () => {
    expect(describeVerdict({ decision: "implicitDeny", gate: "permissionsBoundary" })).toBe("Implicitly denied: the permissions boundary does not allow it.");
  });
  it("says where an invalid policy is wrong", () => {
    const result = evaluate({ identityPolicies: [{ Version: "2012-10-18", Statement: [allow("*")] }] });
    expect(describeDecision(result)).toMatch(/^Invalid policy: identityPolicies\[0\] at Version: /);
  });
});
