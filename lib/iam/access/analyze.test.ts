/**
 * The analysis on realistic policies over the whole catalog: expectations are derived from the
 * catalog (which actions a pattern names), not copied from the output.
 */
import { describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/catalog/load";
import { analyzeAccess, decideFromAnalysis, describeCounts } from "./index";
import type { AccessAnalysis, AccessInput, ActionAccess, AnalyzedAccess } from "./types";

const catalog = loadCatalog();
const ALICE = "arn:aws:iam::111122223333:user/alice";
const allow = (Action: string | string[], Resource: string | string[] = "*", extra: object = {}) => ({ Effect: "Allow", Action, Resource, ...extra });
const policy = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });

function analyze(partial: Partial<AccessInput>): AnalyzedAccess {
  const analysis: AccessAnalysis = analyzeAccess(
    { principal: { arn: ALICE, tags: {} }, identityPolicies: [], permissionsBoundary: null, scps: null, sessionPolicy: null, ...partial },
    catalog,
  );
  if (analysis.kind !== "analyzed") throw new Error(JSON.stringify(analysis));
  return analysis;
}

function entries(analysis: AnalyzedAccess): ActionAccess[] {
  return analysis.services.flatMap((service) => service.accessLevels.flatMap((level) => level.actions));
}

function entry(analysis: AnalyzedAccess, action: string): ActionAccess | undefined {
  return entries(analysis).find((candidate) => candidate.action === action);
}

function actionsOf(prefix: string, name?: RegExp): string[] {
  const service = catalog.services.find((candidate) => candidate.prefix === prefix);
  return (service?.actions ?? []).filter((action) => !name || name.test(action.name)).map((action) => `${prefix}:${action.name}`);
}

describe("an S3 read-only policy (AmazonS3ReadOnlyAccess)", () => {
  const analysis = analyze({
    identityPolicies: [policy(allow(["s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*", "s3-object-lambda:List*"]))],
  });
  const readOnly = [...actionsOf("s3", /^(Get|List|Describe)/), ...actionsOf("s3-object-lambda", /^(Get|List)/)];

  it("allows exactly the Get/List/Describe actions, everywhere", () => {
    const granted = entries(analysis).filter((e) => e.status !== "notGranted" && !e.alwaysAllowed);
    expect(granted.map((e) => e.action).sort()).toEqual([...readOnly].sort());
    expect(granted.every((e) => e.status === "allowed")).toBe(true);
    expect(entry(analysis, "s3:GetObject")?.grants).toEqual([
      { resources: { element: "Resource", patterns: ["*"] }, conditions: [], sources: [{ source: "identity", policyIndex: 0, statementIndex: 0, sid: null }] },
    ]);
    expect(entry(analysis, "s3:PutObject")).toBeUndefined();
  });

  it("reports Full per access level only when every action of the level is allowed", () => {
    const s3 = analysis.services.find((service) => service.service === "s3");
    const listLevel = s3?.accessLevels.find((level) => level.accessLevel === "List");
    const writeLevel = s3?.accessLevels.find((level) => level.accessLevel === "Write");
    const listActions = catalog.services.find((s) => s.prefix === "s3")?.actions.filter((a) => a.accessLevel === "List") ?? [];
    const listAllRead = listActions.every((a) => /^(Get|List|Describe)/.test(a.name));
    expect(listLevel?.access).toBe(listAllRead ? "Full" : "Limited");
    expect(writeLevel?.access).toBe("None");
    expect(s3?.access).toBe("Limited");
    // sts:GetCallerIdentity needs no permission, so STS counts as one more service.
    expect(analysis.counts.granted).toBe(readOnly.length + 1);
    expect(analysis.counts.services).toBe(3);
  });
});

describe("PowerUserAccess (NotAction)", () => {
  const analysis = analyze({
    identityPolicies: [
      policy(
        { Effect: "Allow", NotAction: ["iam:*", "organizations:*", "account:*"], Resource: "*" },
        allow(["iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:ListRoles", "organizations:DescribeOrganization", "account:ListRegions"]),
      ),
    ],
  });

  it("gives Full access to every service but IAM, Organizations and Account, which are Limited", () => {
    const limited = new Set(["iam", "organizations", "account"]);
    for (const service of analysis.services) {
      expect(service.access, service.service).toBe(limited.has(service.service) ? "Limited" : "Full");
    }
    expect(analysis.services).toHaveLength(catalog.services.length);
    const excluded = actionsOf("iam").length + actionsOf("organizations").length + actionsOf("account").length;
    expect(analysis.counts.granted).toBe(analysis.counts.actions - excluded + 5);
    expect(analysis.counts.byStatus.allowed).toBe(analysis.counts.granted);
  });

  it("names the NotAction statement as the grant", () => {
    expect(entry(analysis, "ec2:RunInstances")?.grants[0].sources).toEqual([{ source: "identity", policyIndex: 0, statementIndex: 0, sid: null }]);
    expect(entry(analysis, "iam:ListRoles")?.grants[0].sources[0].statementIndex).toBe(1);
    expect(entry(analysis, "iam:CreateUser")).toBeUndefined();
  });
});

describe("the task's example: conditional grant and a narrower deny", () => {
  const analysis = analyze({
    identityPolicies: [
      policy(
        allow("s3:GetObject", "arn:aws:s3:::my_bucket/*", { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }),
        { Sid: "Audit", Effect: "Deny", Action: "s3:*", Resource: "arn:aws:s3:::corp-audit/*" },
      ),
    ],
  });

  it("keeps resources and conditions as data", () => {
    const getObject = entry(analysis, "s3:GetObject");
    expect(getObject?.status).toBe("conditional");
    expect(getObject?.grants.map(({ resources, conditions }) => ({ resources, conditions }))).toEqual([
      { resources: { element: "Resource", patterns: ["arn:aws:s3:::my_bucket/*"] }, conditions: [{ operator: "Bool", key: "aws:MultiFactorAuthPresent", values: ["true"] }] },
    ]);
    expect(getObject?.denies).toEqual([
      { resources: { element: "Resource", patterns: ["arn:aws:s3:::corp-audit/*"] }, conditions: [], sources: [{ source: "identity", policyIndex: 0, statementIndex: 1, sid: "Audit" }] },
    ]);
    // Denied but never granted: kept, so that a request there is an explicit deny.
    expect(entry(analysis, "s3:PutObject")?.status).toBe("notGranted");
  });

  it("decides concrete requests from the analysis", () => {
    const mfa = { "aws:MultiFactorAuthPresent": "true" };
    expect(decideFromAnalysis(analysis, "s3:GetObject", "arn:aws:s3:::my_bucket/a.txt", mfa)).toBe("allowed");
    expect(decideFromAnalysis(analysis, "S3:getobject", "arn:aws:s3:::my_bucket/a.txt", mfa)).toBe("allowed");
    expect(decideFromAnalysis(analysis, "s3:GetObject", "arn:aws:s3:::my_bucket/a.txt", {})).toBe("implicitDeny");
    expect(decideFromAnalysis(analysis, "s3:GetObject", "arn:aws:s3:::corp-audit/a.txt", mfa)).toBe("explicitDeny");
    expect(decideFromAnalysis(analysis, "s3:PutObject", "arn:aws:s3:::corp-audit/a.txt", mfa)).toBe("explicitDeny");
    expect(decideFromAnalysis(analysis, "s3:PutObject", "arn:aws:s3:::my_bucket/a.txt", mfa)).toBe("implicitDeny");
  });

  it("decides the same after a trip through JSON (server to browser)", () => {
    const copy = JSON.parse(JSON.stringify(analysis)) as AnalyzedAccess;
    const mfa = { "aws:MultiFactorAuthPresent": "true" };
    expect(decideFromAnalysis(copy, "s3:GetObject", "arn:aws:s3:::my_bucket/a.txt", mfa)).toBe("allowed");
    expect(decideFromAnalysis(copy, "s3:GetObject", "arn:aws:s3:::my_bucket/a.txt", {})).toBe("implicitDeny");
    expect(decideFromAnalysis(copy, "s3:GetObject", "arn:aws:s3:::corp-audit/a.txt", mfa)).toBe("explicitDeny");
  });
});

describe("a permissions boundary", () => {
  const analysis = analyze({
    identityPolicies: [policy(allow("s3:*"), allow("ec2:DescribeInstances"))],
    permissionsBoundary: policy(allow(["s3:GetObject", "s3:ListBucket"], ["arn:aws:s3:::my_bucket", "arn:aws:s3:::my_bucket/*"]), allow("ec2:Describe*")),
  });

  it("removes what it does not allow and keeps its scope as a limit", () => {
    expect(entry(analysis, "s3:PutObject")).toMatchObject({ status: "removedByBoundary", limitedBy: [{ layer: "boundary", grants: [] }] });
    const getObject = entry(analysis, "s3:GetObject");
    expect(getObject?.status).toBe("conditional");
    expect(getObject?.limitedBy).toEqual([
      {
        layer: "boundary",
        grants: [{ resources: { element: "Resource", patterns: ["arn:aws:s3:::my_bucket", "arn:aws:s3:::my_bucket/*"] }, conditions: [], sources: [{ source: "boundary", policyIndex: 0, statementIndex: 0, sid: null }] }],
      },
    ]);
    // A boundary that allows everywhere does not limit.
    expect(entry(analysis, "ec2:DescribeInstances")).toMatchObject({ status: "allowed", limitedBy: [] });
    expect(entry(analysis, "ec2:DescribeImages")).toBeUndefined();
    expect(decideFromAnalysis(analysis, "s3:GetObject", "arn:aws:s3:::my_bucket/x", {})).toBe("allowed");
    expect(decideFromAnalysis(analysis, "s3:GetObject", "arn:aws:s3:::other/x", {})).toBe("implicitDeny");
  });

  it("removes an action whose identity grants and boundary grants name no common resource", () => {
    const disjoint = analyze({
      identityPolicies: [policy(allow("s3:*", "arn:aws:s3:::team-a/*"))],
      permissionsBoundary: policy(allow("s3:*", ["arn:aws:s3:::team-b", "arn:aws:s3:::team-b/*"])),
    });
    expect(entry(disjoint, "s3:GetObject")?.status).toBe("removedByBoundary");
    expect(disjoint.counts.granted).toBe(1);
  });
});

describe("SCPs", () => {
  const fullAccess = policy(allow("*"));
  const regionLock = policy({
    Effect: "Deny",
    NotAction: ["iam:*", "sts:*", "organizations:*", "support:*"],
    Resource: "*",
    Condition: { StringNotEquals: { "aws:RequestedRegion": ["eu-west-1", "eu-central-1"] } },
  });

  it("a regional deny leaves global services alone and annotates the rest", () => {
    const analysis = analyze({ identityPolicies: [fullAccess], scps: [[fullAccess], [fullAccess, regionLock]] });
    expect(entry(analysis, "iam:CreateUser")?.status).toBe("allowed");
    const run = entry(analysis, "ec2:RunInstances");
    expect(run?.status).toBe("conditional");
    expect(run?.denies).toHaveLength(1);
    expect(run?.denies[0].sources).toEqual([{ source: "scp", level: 1, policyIndex: 1, statementIndex: 0, sid: null }]);
    expect(decideFromAnalysis(analysis, "ec2:RunInstances", "*", { "aws:RequestedRegion": "eu-west-1" })).toBe("allowed");
    expect(decideFromAnalysis(analysis, "ec2:RunInstances", "*", { "aws:RequestedRegion": "us-east-1" })).toBe("explicitDeny");
    // StringNotEquals on a missing key is true: the deny applies.
    expect(decideFromAnalysis(analysis, "ec2:RunInstances", "*", {})).toBe("explicitDeny");
    expect(analysis.counts.byStatus.removedByScp).toBe(0);
  });

  it("a level that allows only some services removes the others", () => {
    const analysis = analyze({ identityPolicies: [fullAccess], scps: [[fullAccess], [policy(allow(["s3:*", "iam:*"]))]] });
    expect(entry(analysis, "ec2:RunInstances")).toMatchObject({ status: "removedByScp", limitedBy: [{ layer: "scp", level: 1, grants: [] }] });
    expect(entry(analysis, "s3:GetObject")?.status).toBe("allowed");
    expect(analysis.counts.granted).toBe(actionsOf("s3").length + actionsOf("iam").length + 1);
  });
});

describe("policy variables and conditions the principal settles", () => {
  const tagged = { principal: { arn: ALICE, tags: { team: "blue" } } };
  const identityPolicies = [
    policy(
      allow("s3:*", "arn:aws:s3:::home/${aws:username}/*"),
      allow("s3:GetObject", "arn:aws:s3:::shared/${aws:userid}/*"),
      allow("ec2:StartInstances", "*", { Condition: { StringEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" } } }),
      allow("iam:*", "*", { Condition: { StringEquals: { "aws:PrincipalTag/team": "blue" } } }),
    ),
  ];

  it("substitutes what the principal knows and keeps the rest symbolic", () => {
    const analysis = analyze({ ...tagged, identityPolicies });
    expect(entry(analysis, "s3:PutObject")?.grants[0].resources.patterns).toEqual(["arn:aws:s3:::home/alice/*"]);
    expect(entry(analysis, "s3:GetObject")?.grants.map((g) => g.resources.patterns[0])).toEqual([
      "arn:aws:s3:::home/alice/*",
      "arn:aws:s3:::shared/${aws:userid}/*",
    ]);
    expect(entry(analysis, "ec2:StartInstances")?.grants[0].conditions).toEqual([{ operator: "StringEquals", key: "aws:ResourceTag/team", values: ["blue"] }]);
    expect(entry(analysis, "iam:CreateUser")).toMatchObject({ status: "allowed", grants: [{ conditions: [] }] });
    expect(decideFromAnalysis(analysis, "s3:GetObject", "arn:aws:s3:::shared/AIDA1/x", { "aws:userid": "AIDA1" })).toBe("allowed");
  });

  it("drops what cannot apply to this principal", () => {
    const analysis = analyze({ principal: { arn: "arn:aws:iam::111122223333:role/app", tags: { team: "red" } }, identityPolicies });
    // A role has no aws:username: the home pattern matches nothing; the IAM grant needs team blue.
    expect(entry(analysis, "s3:PutObject")).toBeUndefined();
    expect(entry(analysis, "iam:CreateUser")).toBeUndefined();
    expect(entry(analysis, "ec2:StartInstances")?.grants[0].conditions[0].values).toEqual(["red"]);
  });

  it("keeps a substituted wildcard literal", () => {
    const analysis = analyze({ principal: { arn: ALICE, tags: { team: "a*b" } }, identityPolicies: [policy(allow("s3:GetObject", "arn:aws:s3:::${aws:PrincipalTag/team}/*"))] });
    expect(entry(analysis, "s3:GetObject")?.grants[0].resources.patterns).toEqual(["arn:aws:s3:::a${*}b/*"]);
    expect(decideFromAnalysis(analysis, "s3:GetObject", "arn:aws:s3:::a*b/x", {})).toBe("allowed");
    expect(decideFromAnalysis(analysis, "s3:GetObject", "arn:aws:s3:::axxb/x", {})).toBe("implicitDeny");
  });
});

describe("statuses, merging and totals", () => {
  it("an unconditional deny on everything is an explicit deny; the total says so", () => {
    const analysis = analyze({ identityPolicies: [policy(allow("*"), { Effect: "Deny", Action: ["kms:ScheduleKeyDeletion", "iam:DeleteUser"], Resource: "*" })] });
    expect(entry(analysis, "kms:ScheduleKeyDeletion")?.status).toBe("explicitlyDenied");
    expect(analysis.counts.byStatus.explicitlyDenied).toBe(2);
    expect(analysis.counts.granted).toBe(analysis.counts.actions - 2);
    expect(describeCounts(analysis.counts)).toMatch(/ explicitly denied$/);
  });

  it("merges statements with the same scope into one grant naming both", () => {
    const analysis = analyze({ identityPolicies: [policy(allow("s3:GetObject", "arn:aws:s3:::b/*")), policy({ Sid: "Again", ...allow("s3:Get*", "arn:aws:s3:::b/*") })] });
    expect(entry(analysis, "s3:GetObject")?.grants).toEqual([
      {
        resources: { element: "Resource", patterns: ["arn:aws:s3:::b/*"] },
        conditions: [],
        sources: [
          { source: "identity", policyIndex: 0, statementIndex: 0, sid: null },
          { source: "identity", policyIndex: 1, statementIndex: 0, sid: "Again" },
        ],
      },
    ]);
  });

  it("a session policy limits an assumed-role session", () => {
    const analysis = analyze({
      principal: { arn: "arn:aws:sts::111122223333:assumed-role/app/s1", tags: {} },
      identityPolicies: [policy(allow("s3:*"))],
      sessionPolicy: policy(allow("s3:GetObject")),
    });
    expect(entry(analysis, "s3:GetObject")?.status).toBe("allowed");
    expect(entry(analysis, "s3:PutObject")?.status).toBe("removedBySessionPolicy");
  });

  it("sts:GetCallerIdentity is always allowed", () => {
    const analysis = analyze({ identityPolicies: [policy({ Effect: "Deny", Action: "*", Resource: "*" })] });
    expect(entry(analysis, "sts:GetCallerIdentity")).toMatchObject({ status: "allowed", alwaysAllowed: true });
    expect(analysis.counts.granted).toBe(1);
    expect(analysis.counts.byStatus.explicitlyDenied).toBe(analysis.counts.actions - 1);
  });

  it("writes the total as the panel shows it", () => {
    const byStatus = { allowed: 1000, conditional: 204, explicitlyDenied: 3, removedByBoundary: 0, removedByScp: 0, removedBySessionPolicy: 0, notGranted: 20884 };
    expect(describeCounts({ actions: 22091, granted: 1204, services: 37, byStatus })).toBe("1,204 actions in 37 services; 3 explicitly denied");
    expect(describeCounts({ actions: 22091, granted: 1, services: 1, byStatus: { ...byStatus, explicitlyDenied: 0 } })).toBe("1 action in 1 service");
  });
});

describe("inputs the analysis cannot read", () => {
  it("reports invalid policies and principals", () => {
    const invalid = analyzeAccess({ principal: { arn: ALICE, tags: {} }, identityPolicies: [{ Statement: [{ Effect: "Allow" }] }], permissionsBoundary: null, scps: null, sessionPolicy: null }, catalog);
    expect(invalid.kind).toBe("invalidPolicy");
    const unknown = analyzeAccess({ principal: { arn: "alice", tags: {} }, identityPolicies: [], permissionsBoundary: null, scps: null, sessionPolicy: null }, catalog);
    expect(unknown.kind).toBe("invalidRequest");
  });
});
