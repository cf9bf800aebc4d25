import type { APIRequestContext } from "@playwright/test";
import {
  GetContextKeysForCustomPolicyCommand,
  GetContextKeysForPrincipalPolicyCommand,
  InvalidInputException,
  NoSuchEntityException,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
} from "@aws-sdk/client-iam";
import { adminKeys, iamAt, PROD_ACCOUNT, uniqueName, userKeys, expect, test } from "../support/aws";

// API-only: the real IAM client against the E2E server's /aws, for the policy simulator's API
// (IAM API Reference: SimulatePrincipalPolicy, SimulateCustomPolicy, GetContextKeysForPrincipalPolicy,
// GetContextKeysForCustomPolicy).

const READER = {
  Version: "2012-10-17",
  Statement: [
    { Sid: "ReadReports", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::reports/*" },
    { Sid: "NoSecrets", Effect: "Deny", Action: "s3:GetObject", Resource: "arn:aws:s3:::reports/secret/*" },
  ],
};
const MFA_ONLY = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: ["iam:ListUsers", "ec2:DescribeInstances"], Resource: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }],
};
const BOUNDARY = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:*", "iam:ListUsers"], Resource: "*" }] };

async function ok(response: Awaited<ReturnType<APIRequestContext["post"]>>): Promise<Record<string, unknown>> {
  expect(response.ok(), `${response.url()} answered ${response.status()}`).toBe(true);
  return (await response.json()) as Record<string, unknown>;
}

/** A user with a managed reader policy, an inline MFA-only policy and a boundary, made through the console's API. */
async function arrange(request: APIRequestContext) {
  const base = `/api/v1/accounts/${PROD_ACCOUNT}`;
  const userName = uniqueName("sim-dana");
  const readerName = uniqueName("SimReader");
  const boundaryName = uniqueName("SimBoundary");
  const reader = await ok(await request.post(`${base}/policies`, { data: { policyName: readerName, policyDocument: JSON.stringify(READER) } }));
  const boundary = await ok(await request.post(`${base}/policies`, { data: { policyName: boundaryName, policyDocument: JSON.stringify(BOUNDARY) } }));
  await ok(await request.post(`${base}/users`, { data: { userName } }));
  await ok(await request.post(`${base}/users/${userName}/attached-policies`, { data: { policyArn: reader.arn } }));
  await ok(await request.put(`${base}/users/${userName}/inline-policies/ListWithMfa`, { data: { policyDocument: JSON.stringify(MFA_ONLY) } }));
  await ok(await request.put(`${base}/users/${userName}/permissions-boundary`, { data: { policyArn: boundary.arn } }));
  return { userName, readerName, boundaryName, userArn: `arn:aws:iam::${PROD_ACCOUNT}:user/${userName}` };
}

test.describe("the policy simulator through the AWS endpoint", () => {
  test("SimulatePrincipalPolicy answers allowed, explicitDeny and implicitDeny with the deciding statements", async ({ request, baseURL }) => {
    const iam = iamAt(baseURL, await adminKeys(request, "aws-sim"));
    const dana = await arrange(request);
    const answer = await iam.send(
      new SimulatePrincipalPolicyCommand({ PolicySourceArn: dana.userArn, ActionNames: ["s3:GetObject", "s3:DeleteObject"], ResourceArns: ["arn:aws:s3:::reports/q1.csv", "arn:aws:s3:::reports/secret/pay.csv"] }),
    );
    expect(answer.EvaluationResults?.map((result) => result.EvalDecision)).toEqual(["allowed", "explicitDeny", "implicitDeny", "implicitDeny"]);
    expect(answer.EvaluationResults?.[0].MatchedStatements?.[0]).toEqual({ SourcePolicyId: dana.readerName, SourcePolicyType: "user-managed", StartPosition: { Line: 4, Column: 5 }, EndPosition: { Line: 9, Column: 6 } });
    expect(answer.EvaluationResults?.[1].MatchedStatements).toEqual([{ SourcePolicyId: dana.readerName, SourcePolicyType: "user-managed", StartPosition: { Line: 10, Column: 5 }, EndPosition: { Line: 15, Column: 6 } }]);
    expect(answer.EvaluationResults?.[0].ResourceSpecificResults?.[0]).toMatchObject({ EvalResourceDecision: "allowed", PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: true } });
  });

  test("MFA conditions: missing without a context entry, decided with one; the boundary's verdict shown", async ({ request, baseURL }) => {
    const iam = iamAt(baseURL, await adminKeys(request, "aws-sim-mfa"));
    const dana = await arrange(request);
    const without = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: dana.userArn, ActionNames: ["iam:ListUsers"] }));
    expect(without.EvaluationResults?.[0]).toMatchObject({ EvalDecision: "implicitDeny", MissingContextValues: ["aws:MultiFactorAuthPresent"] });
    const withMfa = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: dana.userArn,
        ActionNames: ["iam:ListUsers", "ec2:DescribeInstances"],
        ContextEntries: [{ ContextKeyName: "aws:MultiFactorAuthPresent", ContextKeyValues: ["true"], ContextKeyType: "boolean" }],
      }),
    );
    expect(withMfa.EvaluationResults?.map((result) => [result.EvalDecision, result.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary])).toEqual([
      ["allowed", true],
      ["implicitDeny", false],
    ]);
    const keys = await iam.send(new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: dana.userArn }));
    expect(keys.ContextKeyNames).toEqual(["aws:MultiFactorAuthPresent"]);
  });

  test("SimulateCustomPolicy and GetContextKeysForCustomPolicy answer for pasted policies", async ({ request, baseURL }) => {
    const iam = iamAt(baseURL, await adminKeys(request, "aws-sim-custom"));
    const answer = await iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [JSON.stringify(READER)], ActionNames: ["s3:GetObject"], ResourceArns: ["arn:aws:s3:::reports/secret/x"] }));
    expect(answer.EvaluationResults?.[0]).toMatchObject({ EvalDecision: "explicitDeny", MatchedStatements: [{ SourcePolicyId: "PolicyInputList.1" }] });
    const keys = await iam.send(new GetContextKeysForCustomPolicyCommand({ PolicyInputList: [JSON.stringify(MFA_ONLY)] }));
    expect(keys.ContextKeyNames).toEqual(["aws:MultiFactorAuthPresent"]);
    await expect(iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: ['{"Statement":[{"Effect":"Permit"}]}'], ActionNames: ["s3:GetObject"] }))).rejects.toBeInstanceOf(InvalidInputException);
  });

  test("errors: NoSuchEntity, InvalidInput for a session ARN, AccessDenied in AWS's words", async ({ request, baseURL }) => {
    const iam = iamAt(baseURL, await adminKeys(request, "aws-sim-errors"));
    await expect(iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${PROD_ACCOUNT}:user/${uniqueName("nobody")}`, ActionNames: ["s3:GetObject"] }))).rejects.toBeInstanceOf(NoSuchEntityException);
    await expect(iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:sts::${PROD_ACCOUNT}:assumed-role/r/s`, ActionNames: ["s3:GetObject"] }))).rejects.toBeInstanceOf(InvalidInputException);
    const plain = uniqueName("sim-plain");
    await ok(await request.post(`/api/v1/accounts/${PROD_ACCOUNT}/users`, { data: { userName: plain } }));
    const refused = await iamAt(baseURL, await userKeys(request, plain))
      .send(new SimulateCustomPolicyCommand({ PolicyInputList: [JSON.stringify(READER)], ActionNames: ["s3:GetObject"] }))
      .catch((err: unknown) => err);
    expect(refused).toMatchObject({ name: "AccessDenied" });
    expect((refused as Error).message).toBe(
      `User: arn:aws:iam::${PROD_ACCOUNT}:user/${plain} is not authorized to perform: iam:SimulateCustomPolicy on resource: * because no identity-based policy allows the iam:SimulateCustomPolicy action`,
    );
  });
});
