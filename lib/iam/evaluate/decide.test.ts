import { describe, expect, it } from "vitest";
import { gatePlan, type RequestShape, type ResourcePolicyRule } from "./decide";
import type { PrincipalGrant } from "../match/principal";
import { parseCaller } from "../principal";

// "Policy evaluation logic": an explicit deny, then the SCPs and RCPs, come before any grant is
// weighed, whatever the request. decide() settles those three before it plans the rest.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
describe("gate plans", () => {
  it("open with explicit deny, SCPs and RCPs for every request shape, rule and grant", () => {
    const callers = ["arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:user/alice", "arn:aws:sts::111122223333:assumed-role/R/s"];
    const rules: ResourcePolicyRule[] = ["either", "trustPolicy", "keyPolicy"];
    const grants: (PrincipalGrant | null)[] = [null, "account", "role", "direct", "everyone"];
    let plans = 0;
    for (const arn of callers) {
      const caller = parseCaller({ arn, tags: {} });
      if (!caller) throw new Error(`cannot parse ${arn}`);
      for (const crossAccount of [false, true]) {
        for (const hasBoundary of [false, true]) {
          const shape: RequestShape = { caller, crossAccount, hasBoundary, hasSessionPolicy: hasBoundary, hasResourcePolicy: true, resourceIsRole: false };
          for (const rule of rules) {
            for (const grant of grants) {
              expect(gatePlan(shape, rule, grant).checks.slice(0, 3)).toEqual(["explicitDeny", "scp", "rcp"]);
              plans++;
            }
          }
        }
      }
    }
    expect(plans).toBe(180);
  });
});
