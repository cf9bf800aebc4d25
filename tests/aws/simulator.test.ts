import { describe, expect, it } from "vitest";
import { InvalidInputException, NoSuchEntityException, SimulatePrincipalPolicyCommand, type EvaluationResult } from "@aws-sdk/client-iam";
import { db } from "@/lib/db";
import { simulatePrincipal } from "@/lib/data/simulate-principal";
import { simulateBody } from "@/lib/schemas/simulation";
import { toAwsEvaluationResults } from "@/lib/schemas/simulation-aws";
import { iamClient, rootCredentials, userCredentials } from "@/tests/support/aws";
import { demoAccount } from "@/tests/aws/simulator-setup";

// IAM API Reference: SimulatePrincipalPolicy, EvaluationResult, ResourceSpecificResult, Statement,
// PermissionsBoundaryDecisionDetail (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html).

const OBJECT = "arn:aws:s3:::reports/q1.csv";
const SECRET = "arn:aws:s3:::reports/secret/pay.csv";

/** The decision details AWS gives per resource (ResourceSpecificResults) or, for "*", on the result. */
function detailsOf(result: EvaluationResult) {
  const specific = result.ResourceSpecificResults?.[0];
  return specific
    ? { decision: specific.EvalResourceDecision, matched: specific.MatchedStatements, missing: specific.MissingContextValues, boundary: specific.PermissionsBoundaryDecisionDetail }
    : { decision: result.EvalDecision, matched: result.MatchedStatements, missing: result.MissingContextValues, boundary: result.PermissionsBoundaryDecisionDetail };
}

const find = (results: EvaluationResult[] | undefined, action: string, resource: string) => {
  const found = results?.find((result) => result.EvalActionName === action && result.EvalResourceName === resource);
  if (!found) throw new Error(`No result for ${action} on ${resource}`);
  return found;
};

describe("SimulatePrincipalPolicy through the AWS endpoint (API_SimulatePrincipalPolicy)", () => {
  it("answers allowed, explicitDeny and implicitDeny with the statements that decided, where they are written", async () => {
    const demo = await demoAccount();
    const iam = iamClient(await rootCredentials(demo.account));
    const answer = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: demo.danaArn, ActionNames: ["s3:GetObject", "s3:DeleteObject"], ResourceArns: [OBJECT, SECRET] }));
    expect(answer.IsTruncated).toBe(false);
    // One result per action and resource, action by action, as the actions were asked for.
    expect(answer.EvaluationResults?.map((result) => [result.EvalActionName, result.EvalResourceName, result.EvalDecision])).toEqual([
      ["s3:GetObject", OBJECT, "allowed"],
      ["s3:GetObject", SECRET, "explicitDeny"],
      ["s3:DeleteObject", OBJECT, "implicitDeny"],
      ["s3:DeleteObject", SECRET, "implicitDeny"],
    ]);
    const allowed = find(answer.EvaluationResults, "s3:GetObject", OBJECT);
    // The policy is shown as IAM stores it, pretty-printed: ReadReports spans lines 4 to 9.
    expect(allowed.MatchedStatements).toEqual([
      { SourcePolicyId: "ReportsReader", SourcePolicyType: "user-managed", StartPosition: { Line: 4, Column: 5 }, EndPosition: { Line: 9, Column: 6 } },
      { SourcePolicyId: "S3Boundary", SourcePolicyType: "user-managed", StartPosition: { Line: 4, Column: 5 }, EndPosition: { Line: 11, Column: 6 } },
    ]);
    expect(allowed.ResourceSpecificResults).toEqual([
      { EvalResourceName: OBJECT, EvalResourceDecision: "allowed", MatchedStatements: allowed.MatchedStatements, MissingContextValues: [], EvalDecisionDetails: {}, PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: true } },
    ]);
    // Same account, a resource ARN: "the parameter is present but the response is empty".
    expect(allowed.EvalDecisionDetails).toEqual({});
    const denied = find(answer.EvaluationResults, "s3:GetObject", SECRET);
    // An explicit deny lists the Deny statement only (NoSecrets, lines 10 to 15).
    expect(denied.MatchedStatements).toEqual([{ SourcePolicyId: "ReportsReader", SourcePolicyType: "user-managed", StartPosition: { Line: 10, Column: 5 }, EndPosition: { Line: 15, Column: 6 } }]);
    expect(find(answer.EvaluationResults, "s3:DeleteObject", OBJECT).MatchedStatements).toEqual([]);
  });

  it("agrees with the console's own simulator on every decision, statement and missing key", async () => {
    const demo = await demoAccount();
    const actions = ["s3:GetObject", "s3:ListBucket", "iam:ListUsers", "ec2:DescribeInstances", "s3:PutObject"];
    const resources = [OBJECT, SECRET, "*"];
    const iam = iamClient(await rootCredentials(demo.account));
    const answer = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: demo.danaArn, ActionNames: actions, ResourceArns: resources }));
    const console = toAwsEvaluationResults(await simulatePrincipal(simulateBody.parse({ principal: { accountId: demo.account, type: "user", name: "dana" }, actions, resources }), demo.account));
    expect(answer.EvaluationResults).toHaveLength(console.length);
    for (const expected of console) {
      const got = detailsOf(find(answer.EvaluationResults, expected.EvalActionName, expected.EvalResourceName));
      expect(got).toEqual({ decision: expected.EvalDecision, matched: expected.MatchedStatements, missing: expected.MissingContextValues, boundary: expected.PermissionsBoundaryDecisionDetail });
    }
    // Both see dana's tag behind aws:PrincipalTag/team, so TeamBuckets allows s3:ListBucket.
    expect(find(answer.EvaluationResults, "s3:ListBucket", "*").EvalDecision).toBe("allowed");
  });

  it("shows a permissions boundary's verdict, and PermissionsBoundaryPolicyInputList replaces the stored boundary", async () => {
    const demo = await demoAccount();
    const iam = iamClient(await rootCredentials(demo.account));
    const mfa = [{ ContextKeyName: "aws:MultiFactorAuthPresent", ContextKeyValues: ["true"], ContextKeyType: "boolean" as const }];
    const stored = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: demo.danaArn, ActionNames: ["ec2:DescribeInstances", "iam:ListUsers"], ContextEntries: mfa }));
    // The inline policy allows both with MFA; the boundary allows only iam:ListUsers.
    expect(stored.EvaluationResults?.map((result) => [result.EvalActionName, result.EvalDecision, result.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary])).toEqual([
      ["ec2:DescribeInstances", "implicitDeny", false],
      ["iam:ListUsers", "allowed", true],
    ]);
    const ec2Only = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ec2:*", Resource: "*" }] });
    const replaced = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: demo.danaArn, ActionNames: ["ec2:DescribeInstances", "iam:ListUsers"], ContextEntries: mfa, PermissionsBoundaryPolicyInputList: [ec2Only] }));
    expect(replaced.EvaluationResults?.map((result) => [result.EvalActionName, result.EvalDecision, result.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary])).toEqual([
      ["ec2:DescribeInstances", "allowed", true],
      ["iam:ListUsers", "implicitDeny", false],
    ]);
    expect(replaced.EvaluationResults?.[0].MatchedStatements?.map((statement) => statement.SourcePolicyId)).toEqual(["ListWithMfa", "PermissionsBoundaryPolicyInputList.1"]);
    expect(replaced.EvaluationResults?.[0].MatchedStatements?.[0].SourcePolicyType).toBe("user");
  });

  it("lists aws:MultiFactorAuthPresent as missing without a context entry, and decides with one", async () => {
    const demo = await demoAccount();
    const iam = iamClient(await rootCredentials(demo.account));
    const simulate = (values?: string[]) =>
      iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: demo.danaArn,
          ActionNames: ["iam:ListUsers"],
          ContextEntries: values ? [{ ContextKeyName: "aws:MultiFactorAuthPresent", ContextKeyValues: values, ContextKeyType: "boolean" }] : undefined,
        }),
      );
    const without = (await simulate()).EvaluationResults?.[0];
    expect(without).toMatchObject({ EvalResourceName: "*", EvalDecision: "implicitDeny", MissingContextValues: ["aws:MultiFactorAuthPresent"] });
    // No resource ARN: no ResourceSpecificResults and no EvalDecisionDetails ("not returned" for *).
    expect(without?.ResourceSpecificResults).toBeUndefined();
    expect(without?.EvalDecisionDetails).toBeUndefined();
    const withMfa = (await simulate(["true"])).EvaluationResults?.[0];
    expect(withMfa).toMatchObject({ EvalDecision: "allowed", MissingContextValues: [] });
    expect(withMfa?.MatchedStatements?.[0]).toEqual({ SourcePolicyId: "ListWithMfa", SourcePolicyType: "user", StartPosition: { Line: 4, Column: 5 }, EndPosition: { Line: 16, Column: 6 } });
    expect((await simulate(["false"])).EvaluationResults?.[0]).toMatchObject({ EvalDecision: "implicitDeny", MissingContextValues: [] });
    // On a resource ARN the missing keys are under ResourceSpecificResults instead.
    const onObject = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: demo.danaArn, ActionNames: ["iam:ListUsers"], ResourceArns: [OBJECT] }));
    expect(onObject.EvaluationResults?.[0].MissingContextValues).toEqual([]);
    expect(onObject.EvaluationResults?.[0].ResourceSpecificResults?.[0].MissingContextValues).toEqual(["aws:MultiFactorAuthPresent"]);
  });

  it("adds PolicyInputList to the entity's own policies, keeping its tags behind aws:PrincipalTag", async () => {
    const demo = await demoAccount();
    const iam = iamClient(await rootCredentials(demo.account));
    const extra = '{"Version":"2012-10-17",\n"Statement":{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::reports/*"}}';
    const answer = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: demo.danaArn, PolicyInputList: [extra], ActionNames: ["s3:PutObject", "s3:ListBucket", "s3:GetObject"], ResourceArns: [SECRET] }));
    expect(answer.EvaluationResults?.map((result) => result.EvalDecision)).toEqual(["allowed", "allowed", "explicitDeny"]);
    // The pasted policy is named as AWS names it, positions counted in the text as given (the end just past its "}").
    expect(answer.EvaluationResults?.[0].MatchedStatements?.[0]).toEqual({ SourcePolicyId: "PolicyInputList.1", SourcePolicyType: "none", StartPosition: { Line: 2, Column: 13 }, EndPosition: { Line: 2, Column: 91 } });
    expect(answer.EvaluationResults?.[1].MatchedStatements?.[0]).toMatchObject({ SourcePolicyId: "ReportsReader", StartPosition: { Line: 16, Column: 5 } });
  });

  it("simulates a group's policies and a role's, with their own tags", async () => {
    const demo = await demoAccount();
    const iam = iamClient(await rootCredentials(demo.account));
    const group = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${demo.account}:group/auditors`, ActionNames: ["cloudtrail:LookupEvents", "s3:GetObject"] }));
    expect(group.EvaluationResults?.map((result) => result.EvalDecision)).toEqual(["allowed", "implicitDeny"]);
    expect(group.EvaluationResults?.[0].MatchedStatements?.[0]).toMatchObject({ SourcePolicyId: "LookupEvents", SourcePolicyType: "group" });
    const role = await iam.send(
      new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${demo.account}:role/deployer`, ActionNames: ["s3:PutObject"], ResourceArns: ["arn:aws:s3:::artifacts/prod/app.zip", "arn:aws:s3:::artifacts/dev/app.zip"] }),
    );
    // ${aws:PrincipalTag/stage} is the role's tag, prod.
    expect(role.EvaluationResults?.map((result) => result.EvalDecision)).toEqual(["allowed", "implicitDeny"]);
    expect(role.EvaluationResults?.[0].MatchedStatements?.[0]).toMatchObject({ SourcePolicyId: "PutArtifacts", SourcePolicyType: "role" });
  });

  it("pages EvaluationResults with MaxItems and Marker", async () => {
    const demo = await demoAccount();
    const iam = iamClient(await rootCredentials(demo.account));
    const request = { PolicySourceArn: demo.danaArn, ActionNames: ["s3:GetObject", "s3:PutObject", "s3:ListBucket"], ResourceArns: [OBJECT, SECRET] };
    const seen: string[] = [];
    const sizes: number[] = [];
    let marker: string | undefined;
    do {
      const answer = await iam.send(new SimulatePrincipalPolicyCommand({ ...request, MaxItems: 4, Marker: marker }));
      sizes.push(answer.EvaluationResults?.length ?? 0);
      seen.push(...(answer.EvaluationResults ?? []).map((result) => `${result.EvalActionName} ${result.EvalResourceName}`));
      marker = answer.IsTruncated ? answer.Marker : undefined;
    } while (marker);
    expect(sizes).toEqual([4, 2]);
    expect(new Set(seen).size).toBe(6);
    expect(seen[4]).toBe(`s3:ListBucket ${OBJECT}`);
  });

  it("answers NoSuchEntity for an unknown entity or path and InvalidInput for a session ARN, writing nothing", async () => {
    const demo = await demoAccount();
    const iam = iamClient(await rootCredentials(demo.account));
    const changes = await db().changeEvent.count({ where: { accountId: demo.account } });
    const simulate = (arn: string) => iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: arn, ActionNames: ["s3:GetObject"] }));
    await expect(simulate(`arn:aws:iam::${demo.account}:user/nobody`)).rejects.toBeInstanceOf(NoSuchEntityException);
    // dana lives under /staff/: the ARN must say so.
    await expect(simulate(`arn:aws:iam::${demo.account}:user/dana`)).rejects.toThrow("The user with name dana cannot be found.");
    const session = await simulate(`arn:aws:sts::${demo.account}:assumed-role/deployer/build-7`).catch((err: unknown) => err);
    expect(session).toBeInstanceOf(InvalidInputException);
    expect((session as Error).message).toContain(`give its role's ARN (arn:aws:iam::${demo.account}:role/deployer)`);
    // A role with a ResourcePolicy needs CallerArn: the policy's Principal must match someone.
    const noCaller = iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${demo.account}:role/deployer`, ActionNames: ["s3:GetObject"], ResourcePolicy: '{"Version":"2012-10-17","Statement":[]}' }));
    await expect(noCaller).rejects.toBeInstanceOf(InvalidInputException);
    expect(await db().changeEvent.count({ where: { accountId: demo.account } })).toBe(changes);
  });

  it("refuses a user without iam:SimulatePrincipalPolicy in AWS's words, even on itself, and audits the refusal", async () => {
    const demo = await demoAccount();
    const erin = iamClient(await userCredentials(demo.account, "erin"));
    for (const target of [demo.danaArn, `arn:aws:iam::${demo.account}:user/erin`]) {
      const refused = await erin.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: target, ActionNames: ["s3:GetObject"] })).catch((err: unknown) => err as { name: string; message: string; $metadata: { httpStatusCode: number } });
      expect(refused).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
      expect((refused as Error).message).toBe(
        `User: arn:aws:iam::${demo.account}:user/erin is not authorized to perform: iam:SimulatePrincipalPolicy on resource: ${target} because no identity-based policy allows the iam:SimulatePrincipalPolicy action`,
      );
    }
    const trail = await db().auditEvent.findMany({ where: { accountId: demo.account, eventName: "SimulatePrincipalPolicy" } });
    expect(trail.map((event) => [event.eventSource, event.errorCode, event.readOnly])).toEqual([
      ["iam.amazonaws.com", "AccessDenied", true],
      ["iam.amazonaws.com", "AccessDenied", true],
    ]);
    // An allowed simulation is a read: not in the trail.
    await iamClient(await rootCredentials(demo.account)).send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: demo.danaArn, ActionNames: ["s3:GetObject"] }));
    expect(await db().auditEvent.count({ where: { accountId: demo.account, eventName: "SimulatePrincipalPolicy" } })).toBe(2);
  });
});
