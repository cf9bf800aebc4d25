import { beforeAll, describe, expect, it } from "vitest";
import {
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  DetachGroupPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  LimitExceededException,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListUsersCommand,
  NoSuchEntityException,
  type IAMClient,
} from "@aws-sdk/client-iam";
import { db } from "@/lib/db";
import { createUser } from "@/lib/data/create-user";
import { createGroup } from "@/lib/data/create-group";
import { createRole } from "@/lib/data/create-role";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { createGroupBody } from "@/lib/schemas/group";
import { createRoleInput } from "@/lib/schemas/role";
import { importManagedPolicies } from "@/prisma/seed/import-managed-policies";
import { customerPolicy, freshAccount } from "@/tests/support/identity";
import { awsPolicyArn, TEST_MANAGED_POLICIES, trusting } from "@/tests/support/policies";
import { iamClient, rootCredentials, userCredentials } from "@/tests/support/aws";

// IAM API Reference: AttachUserPolicy, DetachUserPolicy, ListAttachedUserPolicies and the Group and
// Role equivalents (https://docs.aws.amazon.com/IAM/latest/APIReference/API_AttachUserPolicy.html …).

const ADMIN = awsPolicyArn("AdministratorAccess");
const READ_ONLY = awsPolicyArn("ReadOnlyAccess");
const LAMBDA = awsPolicyArn("AWSLambdaBasicExecutionRole");
const IAM_READ_ONLY = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";

beforeAll(async () => {
  // The stand-ins, and IAMReadOnlyAccess with its real document (iam:Get*, iam:List*, …).
  const iamReadOnly = {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: ["iam:GenerateCredentialReport", "iam:GenerateServiceLastAccessedDetails", "iam:Get*", "iam:List*", "iam:SimulateCustomPolicy", "iam:SimulatePrincipalPolicy"],
        Resource: "*",
      },
    ],
  };
  const at = new Date("2020-01-01T00:00:00Z");
  await importManagedPolicies(db(), [
    ...TEST_MANAGED_POLICIES,
    { name: "IAMReadOnlyAccess", path: "/", arn: IAM_READ_ONLY, defaultVersionId: "v4", document: JSON.stringify(iamReadOnly), createdAt: at, updatedAt: at, versionCreatedAt: at },
  ]);
});

/** What the SDK hands back for a refused call: its code, message and HTTP status. */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ name: "resolved", message: "", status: 0 }),
    (err: { name: string; message: string; $metadata?: { httpStatusCode?: number } }) => ({ name: err.name, message: err.message, status: err.$metadata?.httpStatusCode }),
  );

const attachedNames = async (iam: IAMClient, userName: string) =>
  ((await iam.send(new ListAttachedUserPoliciesCommand({ UserName: userName }))).AttachedPolicies ?? []).map((p) => p.PolicyName);

describe("AttachUserPolicy, ListAttachedUserPolicies, DetachUserPolicy (API_AttachUserPolicy, API_ListAttachedUserPolicies, API_DetachUserPolicy)", () => {
  it("attaches, lists with PolicyName and PolicyArn (PathPrefix, paged), detaches, and records the change log and the audit trail", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await createUser(account, { userName: "dana", path: "/", tags: [] });
    const own = await customerPolicy(account, "BucketReader");
    for (const arn of [ADMIN, LAMBDA, own.arn]) await iam.send(new AttachUserPolicyCommand({ UserName: "dana", PolicyArn: arn }));
    // Attaching again changes nothing, as in AWS.
    await iam.send(new AttachUserPolicyCommand({ UserName: "DANA", PolicyArn: ADMIN }));

    const listed = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: "dana" }));
    expect(listed.AttachedPolicies).toEqual([
      { PolicyName: "AdministratorAccess", PolicyArn: ADMIN },
      { PolicyName: "AWSLambdaBasicExecutionRole", PolicyArn: LAMBDA },
      { PolicyName: "BucketReader", PolicyArn: `arn:aws:iam::${account}:policy/BucketReader` },
    ]);
    expect(listed.IsTruncated).toBe(false);
    expect(listed.Marker).toBeUndefined();

    const serviceRole = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: "dana", PathPrefix: "/service-role/" }));
    expect(serviceRole.AttachedPolicies).toEqual([{ PolicyName: "AWSLambdaBasicExecutionRole", PolicyArn: LAMBDA }]);

    const first = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: "dana", MaxItems: 2 }));
    expect(first.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(["AdministratorAccess", "AWSLambdaBasicExecutionRole"]);
    expect(first.IsTruncated).toBe(true);
    const second = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: "dana", MaxItems: 2, Marker: first.Marker }));
    expect(second.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(["BucketReader"]);
    expect(second.IsTruncated).toBe(false);

    await iam.send(new DetachUserPolicyCommand({ UserName: "dana", PolicyArn: ADMIN }));
    expect(await attachedNames(iam, "dana")).toEqual(["AWSLambdaBasicExecutionRole", "BucketReader"]);

    const changes = await db().changeEvent.findMany({ where: { accountId: account, action: { in: ["AttachUserPolicy", "DetachUserPolicy"] } }, orderBy: { id: "asc" } });
    expect(changes.map((c) => [c.action, c.targetArn, c.actorArn])).toEqual([
      ["AttachUserPolicy", `arn:aws:iam::${account}:user/dana`, `arn:aws:iam::${account}:root`],
      ["AttachUserPolicy", `arn:aws:iam::${account}:user/dana`, `arn:aws:iam::${account}:root`],
      ["AttachUserPolicy", `arn:aws:iam::${account}:user/dana`, `arn:aws:iam::${account}:root`],
      ["DetachUserPolicy", `arn:aws:iam::${account}:user/dana`, `arn:aws:iam::${account}:root`],
    ]);
    const audited = await db().auditEvent.findMany({ where: { accountId: account, eventName: "DetachUserPolicy" } });
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ eventSource: "iam.amazonaws.com", readOnly: false, errorCode: null, resourceArn: `arn:aws:iam::${account}:user/dana` });
    expect(JSON.parse(audited[0].requestParameters ?? "{}")).toEqual({ userName: "dana", policyArn: ADMIN });
    // Reads are audited only when refused.
    expect(await db().auditEvent.count({ where: { accountId: account, eventName: "ListAttachedUserPolicies" } })).toBe(0);
  });

  it("answers NoSuchEntity in AWS's words for a missing policy, another account's policy, a missing user and a policy not attached", async () => {
    const account = await freshAccount();
    const other = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await createUser(account, { userName: "dana", path: "/", tags: [] });
    const missing = "arn:aws:iam::aws:policy/NoSuchPolicy";
    expect(await failure(iam.send(new AttachUserPolicyCommand({ UserName: "dana", PolicyArn: missing })))).toEqual({
      name: "NoSuchEntityException",
      message: `Policy ${missing} does not exist or is not attachable.`,
      status: 404,
    });
    const theirs = (await customerPolicy(other, "Theirs")).arn;
    expect(await failure(iam.send(new AttachUserPolicyCommand({ UserName: "dana", PolicyArn: theirs })))).toMatchObject({
      name: "NoSuchEntityException",
      message: `Policy ${theirs} does not exist or is not attachable.`,
    });
    await expect(iam.send(new AttachUserPolicyCommand({ UserName: "nobody", PolicyArn: ADMIN }))).rejects.toBeInstanceOf(NoSuchEntityException);
    await expect(iam.send(new ListAttachedUserPoliciesCommand({ UserName: "nobody" }))).rejects.toBeInstanceOf(NoSuchEntityException);
    expect(await failure(iam.send(new DetachUserPolicyCommand({ UserName: "dana", PolicyArn: READ_ONLY })))).toEqual({
      name: "NoSuchEntityException",
      message: `Policy ${READ_ONLY} was not found.`,
      status: 404,
    });
    // A malformed ARN never reaches the data layer.
    expect(await failure(iam.send(new AttachUserPolicyCommand({ UserName: "dana", PolicyArn: "AdministratorAccess" })))).toMatchObject({ name: "ValidationError", status: 400 });
    // Failed writes are in the audit trail with AWS's code.
    const failed = await db().auditEvent.findMany({ where: { accountId: account, eventName: "AttachUserPolicy" }, orderBy: { id: "asc" } });
    expect(failed.map((e) => e.errorCode)).toEqual(["NoSuchEntity", "NoSuchEntity", "NoSuchEntity"]);
    expect(failed[0].errorMessage).toBe(`Policy ${missing} does not exist or is not attachable.`);
    expect(await db().changeEvent.count({ where: { accountId: account, action: { in: ["AttachUserPolicy", "DetachUserPolicy"] } } })).toBe(0);
  });

  it("refuses an eleventh managed policy with LimitExceeded", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await createUser(account, { userName: "dana", path: "/", tags: [] });
    for (let i = 0; i < 10; i++) await iam.send(new AttachUserPolicyCommand({ UserName: "dana", PolicyArn: (await customerPolicy(account, `P${i}`)).arn }));
    const refused = await failure(iam.send(new AttachUserPolicyCommand({ UserName: "dana", PolicyArn: ADMIN })));
    expect(refused).toMatchObject({ name: "LimitExceededException", status: 409 });
    expect(refused.message).toContain("(10)");
    await expect(iam.send(new AttachUserPolicyCommand({ UserName: "dana", PolicyArn: ADMIN }))).rejects.toBeInstanceOf(LimitExceededException);
    expect(await attachedNames(iam, "dana")).toHaveLength(10);
  });

  it("refuses a user attaching AdministratorAccess to themselves with AWS's AccessDenied, and allows the one policy iam:PolicyARN permits", async () => {
    const account = await freshAccount();
    const root = iamClient(await rootCredentials(account));
    await createUser(account, { userName: "mallory", path: "/", tags: [] });
    const self = `arn:aws:iam::${account}:user/mallory`;
    await putInlinePolicy(
      "user",
      account,
      "mallory",
      "SelfReadOnly",
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Action: ["iam:AttachUserPolicy", "iam:DetachUserPolicy"], Resource: self, Condition: { ArnEquals: { "iam:PolicyARN": READ_ONLY } } },
          { Effect: "Allow", Action: "iam:ListAttachedUserPolicies", Resource: self },
        ],
      }),
    );
    const mallory = iamClient(await userCredentials(account, "mallory"));
    expect(await failure(mallory.send(new AttachUserPolicyCommand({ UserName: "mallory", PolicyArn: ADMIN })))).toEqual({
      name: "AccessDenied",
      message: `User: ${self} is not authorized to perform: iam:AttachUserPolicy on resource: ${self} because no identity-based policy allows the iam:AttachUserPolicy action`,
      status: 403,
    });
    await mallory.send(new AttachUserPolicyCommand({ UserName: "mallory", PolicyArn: READ_ONLY }));
    expect(await attachedNames(mallory, "mallory")).toEqual(["ReadOnlyAccess"]);
    expect(await attachedNames(root, "mallory")).toEqual(["ReadOnlyAccess"]);

    const trail = await db().auditEvent.findMany({ where: { accountId: account, eventName: "AttachUserPolicy" }, orderBy: { id: "asc" } });
    expect(trail.map((e) => [e.principalArn, e.errorCode])).toEqual([
      [self, "AccessDenied"],
      [self, null],
    ]);
    const change = await db().changeEvent.findFirstOrThrow({ where: { accountId: account, action: "AttachUserPolicy" } });
    expect(change.actorArn).toBe(self);
  });

  it("gives an attached policy effect at once: the user's ListUsers is refused before IAMReadOnlyAccess and allowed after", async () => {
    const account = await freshAccount();
    const root = iamClient(await rootCredentials(account));
    await createUser(account, { userName: "erin", path: "/", tags: [] });
    const erin = iamClient(await userCredentials(account, "erin"));
    expect(await failure(erin.send(new ListUsersCommand({})))).toEqual({
      name: "AccessDenied",
      message: `User: arn:aws:iam::${account}:user/erin is not authorized to perform: iam:ListUsers on resource: * because no identity-based policy allows the iam:ListUsers action`,
      status: 403,
    });
    await root.send(new AttachUserPolicyCommand({ UserName: "erin", PolicyArn: IAM_READ_ONLY }));
    const users = await erin.send(new ListUsersCommand({}));
    expect(users.Users?.map((u) => u.UserName)).toEqual(["erin"]);
    await root.send(new DetachUserPolicyCommand({ UserName: "erin", PolicyArn: IAM_READ_ONLY }));
    expect(await failure(erin.send(new ListUsersCommand({})))).toMatchObject({ name: "AccessDenied" });
  });
});

describe("AttachGroupPolicy, ListAttachedGroupPolicies, DetachGroupPolicy (API_AttachGroupPolicy, API_ListAttachedGroupPolicies, API_DetachGroupPolicy)", () => {
  it("attaches, lists, detaches and answers NoSuchEntity in AWS's words", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await createGroup(account, createGroupBody.parse({ groupName: "Admins" }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName: "Admins", PolicyArn: ADMIN }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName: "Admins", PolicyArn: READ_ONLY }));
    const listed = await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: "admins" }));
    expect(listed.AttachedPolicies).toEqual([
      { PolicyName: "AdministratorAccess", PolicyArn: ADMIN },
      { PolicyName: "ReadOnlyAccess", PolicyArn: READ_ONLY },
    ]);
    await iam.send(new DetachGroupPolicyCommand({ GroupName: "Admins", PolicyArn: ADMIN }));
    expect((await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: "Admins" }))).AttachedPolicies).toEqual([{ PolicyName: "ReadOnlyAccess", PolicyArn: READ_ONLY }]);
    expect(await failure(iam.send(new DetachGroupPolicyCommand({ GroupName: "Admins", PolicyArn: ADMIN })))).toMatchObject({ name: "NoSuchEntityException", message: `Policy ${ADMIN} was not found.` });
    await expect(iam.send(new AttachGroupPolicyCommand({ GroupName: "Nobody", PolicyArn: ADMIN }))).rejects.toBeInstanceOf(NoSuchEntityException);
    const changes = await db().changeEvent.findMany({ where: { accountId: account, action: { in: ["AttachGroupPolicy", "DetachGroupPolicy"] } }, orderBy: { id: "asc" } });
    expect(changes.map((c) => c.action)).toEqual(["AttachGroupPolicy", "AttachGroupPolicy", "DetachGroupPolicy"]);
    expect(changes[0].targetArn).toBe(`arn:aws:iam::${account}:group/Admins`);
    const audited = await db().auditEvent.findMany({ where: { accountId: account, eventName: "DetachGroupPolicy" }, orderBy: { id: "asc" } });
    expect(audited.map((e) => [e.eventSource, e.errorCode])).toEqual([
      ["iam.amazonaws.com", null],
      ["iam.amazonaws.com", "NoSuchEntity"],
    ]);
  });
});

describe("AttachRolePolicy, ListAttachedRolePolicies, DetachRolePolicy (API_AttachRolePolicy, API_ListAttachedRolePolicies, API_DetachRolePolicy)", () => {
  it("attaches, lists with PathPrefix, detaches and answers NoSuchEntity in AWS's words", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await createRole(account, createRoleInput.parse({ roleName: "Worker", path: "/app/", trustPolicy: trusting(`arn:aws:iam::${account}:root`) }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: "Worker", PolicyArn: LAMBDA }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: "Worker", PolicyArn: READ_ONLY }));
    const listed = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: "Worker" }));
    expect(listed.AttachedPolicies).toEqual([
      { PolicyName: "AWSLambdaBasicExecutionRole", PolicyArn: LAMBDA },
      { PolicyName: "ReadOnlyAccess", PolicyArn: READ_ONLY },
    ]);
    const filtered = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: "Worker", PathPrefix: "/service-role/" }));
    expect(filtered.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(["AWSLambdaBasicExecutionRole"]);
    await iam.send(new DetachRolePolicyCommand({ RoleName: "Worker", PolicyArn: LAMBDA }));
    expect((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: "Worker" }))).AttachedPolicies?.map((p) => p.PolicyName)).toEqual(["ReadOnlyAccess"]);
    const missing = "arn:aws:iam::aws:policy/NoSuchPolicy";
    expect(await failure(iam.send(new AttachRolePolicyCommand({ RoleName: "Worker", PolicyArn: missing })))).toMatchObject({
      name: "NoSuchEntityException",
      message: `Policy ${missing} does not exist or is not attachable.`,
    });
    await expect(iam.send(new ListAttachedRolePoliciesCommand({ RoleName: "Nobody" }))).rejects.toBeInstanceOf(NoSuchEntityException);
    const changes = await db().changeEvent.findMany({ where: { accountId: account, action: { in: ["AttachRolePolicy", "DetachRolePolicy"] } }, orderBy: { id: "asc" } });
    expect(changes.map((c) => [c.action, c.targetArn])).toEqual([
      ["AttachRolePolicy", `arn:aws:iam::${account}:role/app/Worker`],
      ["AttachRolePolicy", `arn:aws:iam::${account}:role/app/Worker`],
      ["DetachRolePolicy", `arn:aws:iam::${account}:role/app/Worker`],
    ]);
    expect(await db().auditEvent.count({ where: { accountId: account, eventSource: "iam.amazonaws.com", eventName: "AttachRolePolicy" } })).toBe(3);
  });
});
