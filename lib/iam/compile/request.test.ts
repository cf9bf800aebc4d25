/**
 * Which kind a request's resource-based policy is judged as: a role's trust policy for every STS
 * action on the role ("Passing session tags in AWS STS", "Monitor and control actions taken with
 * assumed roles"), a resource-based policy otherwise. Validation (resourcePolicyKind) and the
 * decision (resourcePolicyRule) must agree on it.
 */
import { describe, expect, it } from "vitest";
import { resourcePolicyRule, type RequestShape } from "../evaluate/decide";
import { actionName } from "../match/action";
import { parseCaller } from "../principal";
import { ACCOUNT, ALICE } from "../test-support";
import { resourcePolicyKind } from "./request";

const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/Target`;
const STS_ON_ROLE = [
  "sts:AssumeRole",
  "sts:AssumeRoleWithSAML",
  "sts:AssumeRoleWithWebIdentity",
  "sts:TagSession",
  "sts:SetSourceIdentity",
  "sts:SetContext",
];

function ruleFor(action: string, resource: string): ReturnType<typeof resourcePolicyRule> {
  const caller = parseCaller({ arn: ALICE, tags: {} })!;
  const shape: RequestShape = {
    caller,
    crossAccount: false,
    hasBoundary: false,
    hasSessionPolicy: false,
    hasResourcePolicy: true,
    resourceIsRole: resource.startsWith(`arn:aws:iam::${ACCOUNT}:role/`),
  };
  return resourcePolicyRule(shape, actionName(action));
}

describe("resourcePolicyKind", () => {
  it.each(STS_ON_ROLE)("judges a role's policy for %s as its trust policy", (action) => {
    expect(resourcePolicyKind(action, ROLE_ARN)).toBe("trust");
    expect(ruleFor(action, ROLE_ARN)).toBe("trustPolicy");
  });

  it("reads the action case-insensitively, and a role with a path is a role", () => {
    expect(resourcePolicyKind("STS:tagsession", ROLE_ARN)).toBe("trust");
    expect(resourcePolicyKind("sts:SetSourceIdentity", `arn:aws:iam::${ACCOUNT}:role/team/Target`)).toBe("trust");
  });

  it("judges any other action on a role, and sts actions on anything else, as a resource-based policy", () => {
    for (const [action, resource] of [
      ["iam:GetRole", ROLE_ARN],
      ["s3:GetObject", ROLE_ARN],
      ["sts:SetContext", `arn:aws:sts::${ACCOUNT}:self`],
      ["sts:TagSession", "arn:aws:s3:::bucket"],
      ["sts:AssumeRole", `arn:aws:iam::${ACCOUNT}:user/alice`],
    ]) {
      expect(resourcePolicyKind(action, resource), `${action} on ${resource}`).toBe("resource");
      expect(ruleFor(action, resource), `${action} on ${resource}`).toBe("either");
    }
  });

  it("goes by the resource alone for a sweep (no action)", () => {
    expect(resourcePolicyKind(null, ROLE_ARN)).toBe("trust");
    expect(resourcePolicyKind(null, "arn:aws:s3:::bucket")).toBe("resource");
  });
});
