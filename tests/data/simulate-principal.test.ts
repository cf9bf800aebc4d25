import { beforeAll, describe, expect, it } from "vitest";
import { attachPolicy } from "@/lib/data/attach-policy";
import { createPolicy } from "@/lib/data/create-policy";
import { createRole } from "@/lib/data/create-role";
import { createUser } from "@/lib/data/create-user";
import { putPermissionsBoundary } from "@/lib/data/put-permissions-boundary";
import { simulatePrincipal } from "@/lib/data/simulate-principal";
import { createPolicyInput } from "@/lib/schemas/policy";
import { createRoleInput } from "@/lib/schemas/role";
import { simulateBody, type SimulationResult } from "@/lib/schemas/simulation";
import { toAwsEvaluationResults } from "@/lib/schemas/simulation-aws";
import { createUserBody } from "@/lib/schemas/user";
import { freshAccount } from "@/tests/support/identity";
import { allow, awsPolicyArn, importTestManagedPolicies, trusting } from "@/tests/support/policies";

// The my_bucket lesson: the bucket ARN covers bucket actions, not the objects in it.
const MY_BUCKET = JSON.stringify(
  { Version: "2012-10-17", Statement: [{ Sid: "ReadMyBucket", Effect: "Allow", Action: ["s3:Get*", "s3:List*"], Resource: "arn:aws:s3:::my_bucket" }] },
  null,
  2,
);
let accountId: string;

beforeAll(async () => {
  await importTestManagedPolicies();
  accountId = await freshAccount();
  const policy = await createPolicy(accountId, createPolicyInput.parse({ policyName: "MyBucketReadOnly", policyDocument: MY_BUCKET }));
  await createUser(accountId, createUserBody.parse({ userName: "erin" }));
  await attachPolicy("user", accountId, "erin", policy.arn);
  await createUser(accountId, createUserBody.parse({ userName: "dave" }));
  await attachPolicy("user", accountId, "dave", awsPolicyArn("PowerUserAccess"));
  await putPermissionsBoundary("user", accountId, "dave", awsPolicyArn("ReadOnlyAccess"));
  await createRole(accountId, createRoleInput.parse({ roleName: "Reader", trustPolicy: trusting(`arn:aws:iam::${accountId}:user/erin`) }));
});

const run = (body: Record<string, unknown>) => simulatePrincipal(simulateBody.parse(body));
const row = (result: SimulationResult, action: string, resource?: string) =>
  result.rows.find((r) => r.action === action && (resource === undefined || r.resource === resource))!;
const stateOf = (result: SimulationResult, action: string, gate: string) => row(result, action).steps.find((s) => s.gate === gate)!;

describe("simulatePrincipal", () => {
  it("reports the implicit deny of s3:GetObject on an object under MyBucketReadOnly, and why", async () => {
    const result = await run({
      principal: { accountId, type: "user", name: "erin" },
      actions: ["s3:GetObject", "s3:ListBucket"],
      resources: ["arn:aws:s3:::my_bucket/key.txt", "arn:aws:s3:::my_bucket"],
    });
    const denied = row(result, "s3:GetObject", "arn:aws:s3:::my_bucket/key.txt");
    expect(denied).toMatchObject({ decision: "implicitDeny", gate: "identityPolicy", matched: [] });
    expect(denied.steps.find((s) => s.decisive)).toMatchObject({ gate: "identityPolicy", state: "noAllow" });
    const listed = row(result, "s3:ListBucket", "arn:aws:s3:::my_bucket");
    expect(listed).toMatchObject({ decision: "allowed", gate: "identityPolicy", matched: [{ policy: 0, statement: 0, sid: "ReadMyBucket", effect: "Allow" }] });
    expect(result.policies[0]).toMatchObject({ name: "MyBucketReadOnly", awsType: "user-managed", link: { accountId, kind: "policy", name: "MyBucketReadOnly" } });
    // The statement's place in the policy text, for the link and AWS's StartPosition.
    expect(result.policies[0].statements[0].start).toEqual({ line: 4, column: 5 });
  });

  it("lights the boundary gate when it caps a grant, and exports AWS's EvaluationResult", async () => {
    const result = await run({ principal: { accountId, type: "user", name: "dave" }, actions: ["sqs:SendMessage", "s3:GetObject"], resources: ["*"] });
    expect(row(result, "sqs:SendMessage")).toMatchObject({ decision: "implicitDeny", gate: "permissionsBoundary" });
    expect(stateOf(result, "sqs:SendMessage", "identityPolicy").state).toBe("allowed");
    expect(stateOf(result, "sqs:SendMessage", "permissionsBoundary")).toMatchObject({ state: "noAllow", decisive: true });
    const [sqs, s3] = toAwsEvaluationResults(result);
    expect(sqs).toEqual({
      EvalActionName: "sqs:SendMessage",
      EvalResourceName: "*",
      EvalDecision: "implicitDeny",
      MatchedStatements: [],
      MissingContextValues: [],
      PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: false },
    });
    expect(s3.EvalDecision).toBe("allowed");
    // The boundary's Allow determines the result too.
    expect(s3.MatchedStatements.map((s) => [s.SourcePolicyId, s.SourcePolicyType])).toEqual([
      ["PowerUserAccess", "aws-managed"],
      ["ReadOnlyAccess", "aws-managed"],
    ]);
  });

  it("runs a sandbox of pasted policies: an explicit deny wins and names its statement", async () => {
    const deny = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "NoDelete", Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" }] });
    const result = await run({
      sandbox: { principalArn: `arn:aws:iam::${accountId}:user/sandbox`, identityPolicies: [allow("s3:*"), deny] },
      actions: ["s3:DeleteObject"],
      resources: ["arn:aws:s3:::b/k"],
    });
    expect(row(result, "s3:DeleteObject")).toMatchObject({ decision: "explicitDeny", gate: "explicitDeny" });
    expect(stateOf(result, "s3:DeleteObject", "explicitDeny")).toMatchObject({ state: "denied", decisive: true, statements: [{ policy: 1, sid: "NoDelete" }] });
    const [aws] = toAwsEvaluationResults(result);
    // Positions are 1-based in the text as pasted; the end is just past the statement's "}".
    const start = deny.indexOf('{"Sid"') + 1;
    const end = deny.lastIndexOf("}]") + 2;
    expect(aws.MatchedStatements).toEqual([
      { SourcePolicyId: "Sandbox policy 2", SourcePolicyType: "none", StartPosition: { Line: 1, Column: start }, EndPosition: { Line: 1, Column: end } },
    ]);
    expect(aws.EvalDecisionDetails).toEqual({});
  });

  it("reports an invalid pasted policy instead of deciding, its errors once for every row", async () => {
    const invalid = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}';
    const result = await run({
      sandbox: { principalArn: `arn:aws:iam::${accountId}:user/sandbox`, identityPolicies: [allow("s3:*"), invalid] },
      actions: ["s3:GetObject", "s3:PutObject"],
      resources: ["arn:aws:s3:::b/1", "arn:aws:s3:::b/2"],
    });
    expect(result.rows.map((r) => r.decision)).toEqual(["invalidPolicy", "invalidPolicy", "invalidPolicy", "invalidPolicy"]);
    // One list for the simulation, each error once, named after the pasted policy it is in.
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.every((error) => error.policy === 1 && error.document === "Sandbox policy 2")).toBe(true);
    expect(new Set(result.errors.map((error) => `${error.path} ${error.message}`)).size).toBe(result.errors.length);
    expect(result.rows[0]).not.toHaveProperty("errors");
  });

  it("uses a stored role's trust policy for sts:AssumeRole on it, and offers the context keys statements read", async () => {
    const roleArn = `arn:aws:iam::${accountId}:role/Reader`;
    const result = await run({ principal: { accountId, type: "user", name: "erin" }, actions: ["sts:AssumeRole"], resources: [roleArn] });
    expect(row(result, "sts:AssumeRole")).toMatchObject({ decision: "allowed", gate: "resourcePolicy" });
    expect(result.policies[row(result, "sts:AssumeRole").resourcePolicy!]).toMatchObject({ source: "resource", link: { kind: "role", name: "Reader" } });

    const mfa = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }] });
    const sandbox = { principalArn: `arn:aws:iam::${accountId}:user/sandbox`, identityPolicies: [mfa] };
    const missing = await run({ sandbox, actions: ["s3:GetObject"] });
    expect(missing.contextKeys).toEqual(["aws:MultiFactorAuthPresent"]);
    expect(row(missing, "s3:GetObject")).toMatchObject({ decision: "implicitDeny", missingContextValues: ["aws:MultiFactorAuthPresent"] });
    const given = await run({ sandbox, actions: ["s3:GetObject"], context: { "aws:MultiFactorAuthPresent": "true" } });
    expect(row(given, "s3:GetObject")).toMatchObject({ decision: "allowed", missingContextValues: [] });
  });

  it("uses a stored role's trust policy for every sts action on it: sts:TagSession needs it to allow sts:TagSession", async () => {
    const erin = { accountId, type: "user", name: "erin" };
    const reader = `arn:aws:iam::${accountId}:role/Reader`;
    const result = await run({ principal: erin, actions: ["sts:AssumeRole", "sts:TagSession", "iam:GetRole"], resources: [reader] });
    expect(result.errors).toEqual([]);
    // Reader's trust policy allows sts:AssumeRole alone ("Pass session tags in AWS STS").
    expect(row(result, "sts:TagSession")).toMatchObject({ decision: "implicitDeny", gate: "resourcePolicy" });
    expect(row(result, "sts:TagSession").resourcePolicy).toBe(row(result, "sts:AssumeRole").resourcePolicy);
    expect(row(result, "iam:GetRole").resourcePolicy).toBeNull();

    const trust = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:user/erin` }, Action: ["sts:AssumeRole", "sts:TagSession"] }] };
    await createRole(accountId, createRoleInput.parse({ roleName: "Tagged", trustPolicy: JSON.stringify(trust) }));
    const tagged = await run({ principal: erin, actions: ["sts:TagSession"], resources: [`arn:aws:iam::${accountId}:role/Tagged`] });
    expect(tagged.errors).toEqual([]);
    expect(row(tagged, "sts:TagSession")).toMatchObject({ decision: "allowed", gate: "resourcePolicy" });
  });

  it("refuses a body with both a principal and a sandbox, or neither", () => {
    const sandbox = { principalArn: `arn:aws:iam::${accountId}:user/sandbox` };
    expect(simulateBody.safeParse({ actions: ["s3:GetObject"] }).success).toBe(false);
    expect(simulateBody.safeParse({ principal: { accountId, type: "user", name: "erin" }, sandbox, actions: ["s3:GetObject"] }).success).toBe(false);
    expect(simulateBody.safeParse({ sandbox, actions: ["s3:*"] }).success).toBe(false);
  });
});
