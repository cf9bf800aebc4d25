import { describe, expect, it } from "vitest";
import { auditParameters, eventOf } from "@/lib/api/audit-shape";

// CloudTrail's record names the service endpoint and the API call, and hides what must stay
// secret ("CloudTrail record contents": requestParameters; console sign-in events hide the
// password, and AWS writes HIDDEN_DUE_TO_SECURITY_REASONS in place of hidden values).
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
describe("the audit trail's request parameters", () => {
  it("names the service endpoint and the call from the IAM action", () => {
    expect(eventOf("iam:CreateUser")).toEqual({ source: "iam.amazonaws.com", name: "CreateUser" });
    expect(eventOf("organizations:CloseAccount")).toEqual({ source: "organizations.amazonaws.com", name: "CloseAccount" });
  });

  it("hides passwords, secrets and MFA codes but keeps a password policy's settings", () => {
    const shown = auditParameters(
      { accountId: "123456789012", userName: "alice" },
      { password: "p", newPassword: "n", secretAccessKey: "s", authenticationCode1: "123456", MinimumPasswordLength: 14, AllowUsersToChangePassword: true },
    );
    expect(shown).toEqual({
      accountId: "123456789012",
      userName: "alice",
      password: "HIDDEN_DUE_TO_SECURITY_REASONS",
      newPassword: "HIDDEN_DUE_TO_SECURITY_REASONS",
      secretAccessKey: "HIDDEN_DUE_TO_SECURITY_REASONS",
      authenticationCode1: "HIDDEN_DUE_TO_SECURITY_REASONS",
      MinimumPasswordLength: 14,
      AllowUsersToChangePassword: true,
    });
  });

  it("keeps long values and deep nesting bounded", () => {
    const shown = auditParameters({}, { policyDocument: "x".repeat(5_000), deep: { a: { b: { c: { d: { e: { f: 1 } } } } } } }) as Record<string, unknown>;
    expect((shown.policyDocument as string).length).toBe(2_049);
    expect(JSON.stringify(shown.deep)).toContain('"…"');
    expect(auditParameters({}, undefined)).toBeNull();
  });
});
