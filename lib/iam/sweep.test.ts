import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { policyArb, requestArb } from "./arbitraries";
import type { AccessLevel, Catalog } from "./catalog/types";
import { simulate } from "./simulate";
import { sweep, type SweepResult } from "./sweep";
import { allow, deny, policy, request, type RequestOptions } from "./test-support";

function service(prefix: string, actions: [string, AccessLevel][]): Catalog["services"][number] {
  return {
    prefix,
    name: prefix.toUpperCase(),
    actions: actions.map(([name, accessLevel]) => ({ service: prefix, name, accessLevel, resourceTypes: [], conditionKeys: [] })),
    resourceTypes: [],
    conditionKeys: [],
  };
}

const catalog: Catalog = {
  sourceVersion: "test",
  globalConditionKeys: [],
  services: [
    service("s3", [["GetObject", "Read"], ["PutObject", "Write"], ["ListBucket", "List"], ["PutBucketPolicy", "Permissions management"]]),
    service("ec2", [["RunInstances", "Write"], ["DescribeInstances", "List"], ["CreateTags", "Tagging"]]),
    service("iam", [["CreateUser", "Write"], ["GetUser", "Read"]]),
    service("sts", [["GetCallerIdentity", "Read"], ["AssumeRole", "Write"]]),
  ],
};

function run(options: RequestOptions): Extract<SweepResult, { decision: "swept" }> {
  const outcome = sweep(request(options), catalog);
  if (!outcome.ok || outcome.result.decision !== "swept") throw new Error("not swept");
  return outcome.result;
}

const decisions = (result: Extract<SweepResult, { decision: "swept" }>) =>
  Object.fromEntries(result.services.flatMap((s) => s.actions.map((a) => [a.action, a.decision])));

describe("sweep", () => {
  it("evaluates every catalog action against the request's resource, ignoring its action", () => {
    const result = run({
      identityPolicies: [policy(allow("s3:*"), { Effect: "Allow", NotAction: ["s3:*", "iam:*"], Resource: "*" }, deny("s3:Put*"))],
      action: "iam:CreateUser",
      resource: "*",
    });
    expect(decisions(result)).toEqual({
      "s3:GetObject": "allowed",
      "s3:PutObject": "explicitDeny",
      "s3:ListBucket": "allowed",
      "s3:PutBucketPolicy": "explicitDeny",
      "ec2:RunInstances": "allowed",
      "ec2:DescribeInstances": "allowed",
      "ec2:CreateTags": "allowed",
      "iam:CreateUser": "implicitDeny",
      "iam:GetUser": "implicitDeny",
      "sts:GetCallerIdentity": "allowed",
      "sts:AssumeRole": "allowed",
    });
    expect(result.counts).toEqual({ allowed: 7, explicitDeny: 2, implicitDeny: 2 });
  });

  it("groups counts by service and access level", () => {
    const result = run({ identityPolicies: [policy(allow("s3:Get*"), allow("s3:List*"))] });
    const s3 = result.services.find((s) => s.prefix === "s3");
    expect(s3?.counts).toEqual({ allowed: 2, explicitDeny: 0, implicitDeny: 2 });
    expect(s3?.accessLevels.Read).toEqual({ allowed: 1, explicitDeny: 0, implicitDeny: 0 });
    expect(s3?.accessLevels["Permissions management"]).toEqual({ allowed: 0, explicitDeny: 0, implicitDeny: 1 });
  });

  it("treats `*` as the literal resource: ARN patterns do not cover it", () => {
    const result = run({ identityPolicies: [policy(allow("s3:*", "arn:aws:s3:::*"))], resource: "*" });
    expect(result.counts.allowed).toBe(1);
  });

  it("reports invalid policies instead of sweeping", () => {
    const outcome = sweep(request({ identityPolicies: [{ Version: "2012-10-18", Statement: [allow("*")] }] }), catalog);
    expect(outcome).toMatchObject({ ok: true, result: { decision: "invalidPolicy", errors: [expect.objectContaining({ path: "Version" })] } });
  });

  it("decides every action as a single evaluation would", () => {
    const extra = fc.record({
      scps: fc.option(fc.array(fc.array(policyArb, { maxLength: 2 }), { minLength: 1, maxLength: 2 }), { nil: null }),
      sessionPolicy: fc.option(policyArb, { nil: null }),
      principal: fc.constantFrom("arn:aws:iam::111122223333:user/alice", "arn:aws:sts::111122223333:assumed-role/R/s", "arn:aws:iam::111122223333:root"),
      resourceAccount: fc.constantFrom("111122223333", "444455556666"),
      resourcePrincipal: fc.constantFrom("*", "111122223333", "arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:role/R"),
      resourceEffect: fc.constantFrom("Allow", "Deny"),
    });
    fc.assert(
      fc.property(requestArb, extra, (generated, more) => {
        const resourcePolicy = policy({ Effect: more.resourceEffect, Principal: { AWS: more.resourcePrincipal }, Action: ["s3:*", "ec2:Describe*"], Resource: "*" });
        const options: RequestOptions = {
          ...generated,
          ...more,
          permissionsBoundary: generated.permissionsBoundary ?? undefined,
          sessionPolicy: more.sessionPolicy ?? undefined,
          resourcePolicy,
        };
        const swept = decisions(run(options));
        for (const [action, decision] of Object.entries(swept)) {
          const single = simulate(request({ ...options, action }));
          expect(single.ok && single.result.decision, action).toBe(decision);
        }
      }),
      { numRuns: 60 },
    );
  });
});
