import { describe, expect, it } from "vitest";
import {
  GetContextKeysForCustomPolicyCommand,
  GetContextKeysForPrincipalPolicyCommand,
  InvalidInputException,
  NoSuchEntityException,
  SimulateCustomPolicyCommand,
} from "@aws-sdk/client-iam";
import { db } from "@/lib/db";
import { iamClient, rootCredentials, userCredentials } from "@/tests/support/aws";
import { demoAccount } from "@/tests/aws/simulator-setup";

// IAM API Reference: SimulateCustomPolicy, ContextEntry, GetContextKeysForCustomPolicy,
// GetContextKeysForPrincipalPolicy (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html).

const policy = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const READ = policy({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::reports/*" });
const DENY_SECRET = policy({ Effect: "Deny", Action: "s3:GetObject", Resource: "arn:aws:s3:::reports/secret/*" });

describe("SimulateCustomPolicy through the AWS endpoint (API_SimulateCustomPolicy)", () => {
  it("evaluates pasted policies, naming them PolicyInputList.N, with a pasted boundary", async () => {
    const demo = await demoAccount();
    const iam = iamClient(await rootCredentials(demo.account));
    const answer = await iam.send(
      new SimulateCustomPolicyCommand({ PolicyInputList: [READ, DENY_SECRET], ActionNames: ["s3:GetObject", "s3:PutObject"], ResourceArns: ["arn:aws:s3:::reports/a.csv", "arn:aws:s3:::reports/secret/b.csv"] }),
    );
    expect(answer.EvaluationResults?.map((result) => result.EvalDecision)).toEqual(["allowed", "explicitDeny", "implicitDeny", "implicitDeny"]);
    expect(answer.EvaluationResults?.[0].MatchedStatements).toEqual([{ SourcePolicyId: "PolicyInputList.1", SourcePolicyType: "none", StartPosition: { Line: 1, Column: 38 }, EndPosition: { Line: 1, Column: 116 } }]);
    expect(answer.EvaluationResults?.[1].MatchedStatements?.map((statement) => statement.SourcePolicyId)).toEqual(["PolicyInputList.2"]);
    // No boundary: no PermissionsBoundaryDecisionDetail.
    expect(answer.EvaluationResults?.[0].PermissionsBoundaryDecisionDetail).toBeUndefined();
    const bounded = await iam.send(
      new SimulateCustomPolicyCommand({ PolicyInputList: [READ], PermissionsBoundaryPolicyInputList: [policy({ Effect: "Allow", Action: "ec2:*", Resource: "*" })], ActionNames: ["s3:GetObject"] }),
    );
    expect(bounded.EvaluationResults?.[0]).toMatchObject({ EvalDecision: "implicitDeny", PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: false } });
  });

  it("applies a ResourcePolicy to CallerArn, in the caller's account or in ResourceOwner's", async () => {
    const demo = await demoAccount();
    const iam = iamClient(await rootCredentials(demo.account));
    const callerArn = `arn:aws:iam::${demo.account}:user/staff/dana`;
    const bucketPolicy = policy({ Sid: "DanaReads", Effect: "Allow", Principal: { AWS: callerArn }, Action: "s3:GetObject", Resource: "arn:aws:s3:::shared/*" });
    const nothing = policy({ Effect: "Allow", Action: "sns:Publish", Resource: "*" });
    const request = { PolicyInputList: [nothing], ActionNames: ["s3:GetObject"], ResourceArns: ["arn:aws:s3:::shared/x"], ResourcePolicy: bucketPolicy, CallerArn: callerArn };
    const same = await iam.send(new SimulateCustomPolicyCommand(request));
    // In one account the resource-based policy grants on its own.
    expect(same.EvaluationResults?.[0]).toMatchObject({ EvalDecision: "allowed", EvalDecisionDetails: {} });
    expect(same.EvaluationResults?.[0].MatchedStatements?.[0]).toMatchObject({ SourcePolicyId: "ResourcePolicy", SourcePolicyType: "resource" });
    // Another account's bucket: the caller's side must allow too; EvalDecisionDetails says which side did not.
    const cross = await iam.send(new SimulateCustomPolicyCommand({ ...request, ResourceOwner: "arn:aws:iam::999999999999:root" }));
    expect(cross.EvaluationResults?.[0]).toMatchObject({ EvalDecision: "implicitDeny", EvalDecisionDetails: { "IAM Policy": "implicitDeny", "Resource Policy": "allowed" } });
    const both = await iam.send(new SimulateCustomPolicyCommand({ ...request, PolicyInputList: [policy({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" })], ResourceOwner: "arn:aws:iam::999999999999:root" }));
    expect(both.EvaluationResults?.[0]).toMatchObject({ EvalDecision: "allowed", EvalDecisionDetails: { "IAM Policy": "allowed", "Resource Policy": "allowed" } });
    // "CallerArn is required if you include a ResourcePolicy"; only a user's ARN; ResourceOwner is an account's root ARN.
    await expect(iam.send(new SimulateCustomPolicyCommand({ ...request, CallerArn: undefined }))).rejects.toBeInstanceOf(InvalidInputException);
    await expect(iam.send(new SimulateCustomPolicyCommand({ ...request, CallerArn: `arn:aws:iam::${demo.account}:role/deployer` }))).rejects.toThrow(/CallerArn/);
    await expect(iam.send(new SimulateCustomPolicyCommand({ ...request, ResourceOwner: "999999999999" }))).rejects.toBeInstanceOf(InvalidInputException);
  });

  it("takes ContextEntries of every type, a list type as a multivalued key, and checks their values", async () => {
    const demo = await demoAccount();
    const iam = iamClient(await rootCredentials(demo.account));
    const conditioned = policy(
      { Effect: "Allow", Action: "ec2:DescribeInstances", Resource: "*", Condition: { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } } },
      { Effect: "Allow", Action: "ec2:CreateTags", Resource: "*", Condition: { "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "stage"] } } },
      { Effect: "Allow", Action: "ec2:RunInstances", Resource: "*", Condition: { NumericLessThanEquals: { "ec2:VolumeSize": "100" } } },
    );
    const simulate = (entries: { ContextKeyName: string; ContextKeyValues: string[]; ContextKeyType: "ip" | "stringList" | "numeric" | "boolean" }[]) =>
      iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [conditioned], ActionNames: ["ec2:DescribeInstances", "ec2:CreateTags", "ec2:RunInstances"], ContextEntries: entries }));
    const inside = await simulate([
      { ContextKeyName: "aws:SourceIp", ContextKeyValues: ["203.0.113.7"], ContextKeyType: "ip" },
      { ContextKeyName: "aws:TagKeys", ContextKeyValues: ["team", "stage"], ContextKeyType: "stringList" },
      { ContextKeyName: "ec2:VolumeSize", ContextKeyValues: ["80"], ContextKeyType: "numeric" },
    ]);
    expect(inside.EvaluationResults?.map((result) => result.EvalDecision)).toEqual(["allowed", "allowed", "allowed"]);
    const outside = await simulate([
      { ContextKeyName: "aws:SourceIp", ContextKeyValues: ["198.51.100.1"], ContextKeyType: "ip" },
      { ContextKeyName: "aws:TagKeys", ContextKeyValues: ["team", "owner"], ContextKeyType: "stringList" },
      { ContextKeyName: "ec2:VolumeSize", ContextKeyValues: ["500"], ContextKeyType: "numeric" },
    ]);
    expect(outside.EvaluationResults?.map((result) => result.EvalDecision)).toEqual(["implicitDeny", "implicitDeny", "implicitDeny"]);
    const bad = await simulate([{ ContextKeyName: "ec2:VolumeSize", ContextKeyValues: ["big"], ContextKeyType: "numeric" }]).catch((err: unknown) => err);
    expect(bad).toBeInstanceOf(InvalidInputException);
    expect((bad as Error).message).toBe('ContextEntries.member.1: the value "big" of ec2:VolumeSize is not a number (ContextKeyType numeric).');
  });

  it("answers InvalidInput naming a malformed policy, and ValidationError naming a bad parameter", async () => {
    const demo = await demoAccount();
    const iam = iamClient(await rootCredentials(demo.account));
    const badEffect = policy({ Effect: "Permit", Action: "s3:GetObject", Resource: "*" });
    const malformed = await iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [READ, badEffect], ActionNames: ["s3:GetObject"] })).catch((err: unknown) => err);
    expect(malformed).toBeInstanceOf(InvalidInputException);
    expect((malformed as Error).message).toMatch(/^PolicyInputList\.2 is not a valid policy document: .*\(at Statement\[0\]\.Effect\)$/);
    await expect(iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: ["{not json"], ActionNames: ["s3:GetObject"] }))).rejects.toThrow(/^PolicyInputList\.1 is not a valid policy document/);
    const wildcard = await iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [READ], ActionNames: ["s3:GetObject", "s3:*"] })).catch((err: unknown) => err as { name: string; message: string; $metadata: { httpStatusCode: number } });
    expect(wildcard).toMatchObject({ name: "ValidationError", $metadata: { httpStatusCode: 400 } });
    expect((wildcard as Error).message).toMatch(/^ActionNames\.member\.2: Actions are written service:ActionName/);
    const boundaries = await iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [READ], PermissionsBoundaryPolicyInputList: [READ, READ], ActionNames: ["s3:GetObject"] })).catch((err: unknown) => err);
    expect(boundaries).toMatchObject({ name: "ValidationError" });
    expect((boundaries as Error).message).toContain("PermissionsBoundaryPolicyInputList");
  });

  it("refuses a user without iam:SimulateCustomPolicy in AWS's words", async () => {
    const demo = await demoAccount();
    const erin = iamClient(await userCredentials(demo.account, "erin"));
    const refused = await erin.send(new SimulateCustomPolicyCommand({ PolicyInputList: [READ], ActionNames: ["s3:GetObject"] })).catch((err: unknown) => err);
    expect(refused).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
    expect((refused as Error).message).toBe(
      `User: arn:aws:iam::${demo.account}:user/erin is not authorized to perform: iam:SimulateCustomPolicy on resource: * because no identity-based policy allows the iam:SimulateCustomPolicy action`,
    );
    expect(await db().auditEvent.count({ where: { accountId: demo.account, eventName: "SimulateCustomPolicy", eventSource: "iam.amazonaws.com", errorCode: "AccessDenied" } })).toBe(1);
  });
});

describe("GetContextKeysForCustomPolicy and GetContextKeysForPrincipalPolicy (API_GetContextKeysForCustomPolicy)", () => {
  it("lists the keys the policies reference, resource variables and condition keys, each once", async () => {
    const demo = await demoAccount();
    const iam = iamClient(await rootCredentials(demo.account));
    // The IAM API Reference's own example: ${aws:username} in the Resource, aws:CurrentTime in the Condition.
    const example = JSON.stringify({
      Version: "2012-10-17",
      Statement: { Effect: "Allow", Action: "dynamodb:*", Resource: "arn:aws:dynamodb:us-west-2:123456789012:table/${aws:username}", Condition: { DateGreaterThan: { "aws:CurrentTime": "2015-08-16T12:00:00Z" } } },
    });
    const second = policy({ Effect: "Deny", Action: "s3:*", Resource: "*", Condition: { Bool: { "AWS:CurrentTime": "x" }, StringLike: { "s3:prefix": "home/${aws:userid}/*" } } });
    const keys = await iam.send(new GetContextKeysForCustomPolicyCommand({ PolicyInputList: [example, second] }));
    expect(keys.ContextKeyNames).toEqual(["aws:username", "aws:CurrentTime", "aws:userid", "s3:prefix"]);
    expect((await iam.send(new GetContextKeysForCustomPolicyCommand({ PolicyInputList: [READ] }))).ContextKeyNames).toEqual([]);
    await expect(iam.send(new GetContextKeysForCustomPolicyCommand({ PolicyInputList: ['{"Statement": 7}'] }))).rejects.toBeInstanceOf(InvalidInputException);
  });

  it("lists the keys of an entity's policies (its groups' and its boundary's too) and of extra ones", async () => {
    const demo = await demoAccount();
    const iam = iamClient(await rootCredentials(demo.account));
    const extra = policy({ Effect: "Allow", Action: "s3:ListBucket", Resource: "*", Condition: { StringLike: { "s3:prefix": "reports/" } } });
    const dana = await iam.send(new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: demo.danaArn, PolicyInputList: [extra] }));
    expect(dana.ContextKeyNames).toEqual(["aws:PrincipalTag/team", "aws:MultiFactorAuthPresent", "s3:prefix"]);
    const role = await iam.send(new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${demo.account}:role/deployer` }));
    expect(role.ContextKeyNames).toEqual(["aws:PrincipalTag/stage"]);
    const group = await iam.send(new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${demo.account}:group/auditors` }));
    expect(group.ContextKeyNames).toEqual([]);
    await expect(iam.send(new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${demo.account}:role/nobody` }))).rejects.toBeInstanceOf(NoSuchEntityException);
    await expect(iam.send(new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: demo.danaArn, PolicyInputList: ["[]"] }))).rejects.toBeInstanceOf(InvalidInputException);
  });

  it("refuses a user without iam:GetContextKeysForPrincipalPolicy in AWS's words", async () => {
    const demo = await demoAccount();
    const erin = iamClient(await userCredentials(demo.account, "erin"));
    const refused = await erin.send(new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: demo.danaArn })).catch((err: unknown) => err);
    expect((refused as Error).message).toBe(
      `User: arn:aws:iam::${demo.account}:user/erin is not authorized to perform: iam:GetContextKeysForPrincipalPolicy on resource: ${demo.danaArn} because no identity-based policy allows the iam:GetContextKeysForPrincipalPolicy action`,
    );
    await expect(erin.send(new GetContextKeysForCustomPolicyCommand({ PolicyInputList: [READ] }))).rejects.toMatchObject({ name: "AccessDenied" });
  });
});
