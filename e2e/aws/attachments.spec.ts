import {
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateUserCommand,
  DeleteRolePolicyCommand,
  DeleteUserPolicyCommand,
  DetachGroupPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  GetGroupPolicyCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupPoliciesCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
  ListUsersCommand,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import { adminKeys, iamAt, PROD_ACCOUNT, uniqueName, userKeys, expect, test } from "../support/aws";

// API-only: the real IAM client against the E2E server's /aws. IAM API Reference: AttachUserPolicy,
// DetachUserPolicy, ListAttachedUserPolicies, PutUserPolicy, GetUserPolicy, ListUserPolicies,
// DeleteUserPolicy and their Group and Role equivalents.

const ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
const READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
const IAM_READ_ONLY = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";
const DOCUMENT = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::my-bucket/*" }] }, null, 2);

/** What the SDK hands back for a refused call: its class, message and HTTP status. */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ name: "resolved", message: "", status: 0 }),
    (err: { name: string; message: string; $metadata?: { httpStatusCode?: number } }) => ({ name: err.name, message: err.message, status: err.$metadata?.httpStatusCode }),
  );

test.describe("attached and inline policies through the AWS endpoint", () => {
  test("AttachUserPolicy, ListAttachedUserPolicies and DetachUserPolicy answer as AWS does, and land in the change log", async ({ request, baseURL }) => {
    const admin = await adminKeys(request, "aws-attach");
    const iam = iamAt(baseURL, admin);
    const userName = uniqueName("aws-att");
    await iam.send(new CreateUserCommand({ UserName: userName }));
    await iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: READ_ONLY }));
    const listed = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: userName }));
    expect(listed.AttachedPolicies).toEqual([{ PolicyName: "ReadOnlyAccess", PolicyArn: READ_ONLY }]);
    expect(listed.IsTruncated).toBe(false);

    const missing = "arn:aws:iam::aws:policy/NoSuchPolicy";
    expect(await failure(iam.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: missing })))).toEqual({
      name: "NoSuchEntityException",
      message: `Policy ${missing} does not exist or is not attachable.`,
      status: 404,
    });
    await iam.send(new DetachUserPolicyCommand({ UserName: userName, PolicyArn: READ_ONLY }));
    expect((await iam.send(new ListAttachedUserPoliciesCommand({ UserName: userName }))).AttachedPolicies).toEqual([]);
    expect(await failure(iam.send(new DetachUserPolicyCommand({ UserName: userName, PolicyArn: READ_ONLY })))).toMatchObject({
      name: "NoSuchEntityException",
      message: `Policy ${READ_ONLY} was not found.`,
    });

    const target = `arn:aws:iam::${PROD_ACCOUNT}:user/${userName}`;
    const changes = await request.get(`/api/v1/accounts/${PROD_ACCOUNT}/changes`, { params: { targetArn: target } });
    await expect(changes).toBeOK();
    const { items } = (await changes.json()) as { items: { action: string; actor: { arn: string } | null }[] };
    expect(items.filter((change) => change.action.endsWith("UserPolicy")).map((change) => [change.action, change.actor?.arn])).toEqual([
      ["DetachUserPolicy", `arn:aws:iam::${PROD_ACCOUNT}:user/${admin.userName}`],
      ["AttachUserPolicy", `arn:aws:iam::${PROD_ACCOUNT}:user/${admin.userName}`],
    ]);
  });

  test("a user may not attach AdministratorAccess to themselves, and an attached policy takes effect at once", async ({ request, baseURL }) => {
    const admin = iamAt(baseURL, await adminKeys(request, "aws-attach-admin"));
    const userName = uniqueName("aws-erin");
    await admin.send(new CreateUserCommand({ UserName: userName }));
    const self = `arn:aws:iam::${PROD_ACCOUNT}:user/${userName}`;
    const erin = iamAt(baseURL, await userKeys(request, userName));
    expect(await failure(erin.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: ADMIN })))).toEqual({
      name: "AccessDenied",
      message: `User: ${self} is not authorized to perform: iam:AttachUserPolicy on resource: ${self} because no identity-based policy allows the iam:AttachUserPolicy action`,
      status: 403,
    });
    expect(await failure(erin.send(new ListUsersCommand({ MaxItems: 1 })))).toMatchObject({ name: "AccessDenied", status: 403 });
    await admin.send(new AttachUserPolicyCommand({ UserName: userName, PolicyArn: IAM_READ_ONLY }));
    const users = await erin.send(new ListUsersCommand({ MaxItems: 1 }));
    expect(users.Users).toHaveLength(1);
  });

  test("PutUserPolicy, GetUserPolicy (URL-encoded), ListUserPolicies and DeleteUserPolicy, with AWS's errors", async ({ request, baseURL }) => {
    const iam = iamAt(baseURL, await adminKeys(request, "aws-inline"));
    const userName = uniqueName("aws-inl");
    await iam.send(new CreateUserCommand({ UserName: userName }));
    await iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: "ReadBucket", PolicyDocument: DOCUMENT }));
    const read = await iam.send(new GetUserPolicyCommand({ UserName: userName, PolicyName: "ReadBucket" }));
    expect(read).toMatchObject({ UserName: userName, PolicyName: "ReadBucket" });
    expect(JSON.parse(decodeURIComponent(read.PolicyDocument ?? ""))).toEqual(JSON.parse(DOCUMENT));
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: userName }))).PolicyNames).toEqual(["ReadBucket"]);

    const bad = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject" }] });
    const malformed = await failure(iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: "Bad", PolicyDocument: bad })));
    expect(malformed).toMatchObject({ name: "MalformedPolicyDocumentException", status: 400 });
    expect(malformed.message).toMatch(/^The policy document is not valid: /);
    const big = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "S".repeat(2100), Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });
    expect(await failure(iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: "Big", PolicyDocument: big })))).toMatchObject({ name: "LimitExceededException", status: 409 });

    await iam.send(new DeleteUserPolicyCommand({ UserName: userName, PolicyName: "ReadBucket" }));
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: userName }))).PolicyNames).toEqual([]);
    expect(await failure(iam.send(new GetUserPolicyCommand({ UserName: userName, PolicyName: "ReadBucket" })))).toEqual({
      name: "NoSuchEntityException",
      message: "The user policy with name ReadBucket cannot be found.",
      status: 404,
    });
  });

  test("the Group and Role equivalents attach, list, detach, put, get and delete", async ({ request, baseURL, iam: api }) => {
    const iam = iamAt(baseURL, await adminKeys(request, "aws-holders"));
    const groupName = uniqueName("aws-grp");
    await api.createGroup(groupName);
    await iam.send(new AttachGroupPolicyCommand({ GroupName: groupName, PolicyArn: READ_ONLY }));
    expect((await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: groupName }))).AttachedPolicies).toEqual([{ PolicyName: "ReadOnlyAccess", PolicyArn: READ_ONLY }]);
    await iam.send(new DetachGroupPolicyCommand({ GroupName: groupName, PolicyArn: READ_ONLY }));
    expect((await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: groupName }))).AttachedPolicies).toEqual([]);
    await iam.send(new PutGroupPolicyCommand({ GroupName: groupName, PolicyName: "ReadBucket", PolicyDocument: DOCUMENT }));
    const groupPolicy = await iam.send(new GetGroupPolicyCommand({ GroupName: groupName, PolicyName: "ReadBucket" }));
    expect(JSON.parse(decodeURIComponent(groupPolicy.PolicyDocument ?? ""))).toEqual(JSON.parse(DOCUMENT));
    expect((await iam.send(new ListGroupPoliciesCommand({ GroupName: groupName }))).PolicyNames).toEqual(["ReadBucket"]);

    const roleName = uniqueName("aws-role");
    const trustPolicy = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${PROD_ACCOUNT}:root` }, Action: "sts:AssumeRole" }] });
    await expect(await request.post(`/api/v1/accounts/${PROD_ACCOUNT}/roles`, { data: { roleName, trustPolicy } })).toBeOK();
    await iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: READ_ONLY }));
    expect((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName }))).AttachedPolicies).toEqual([{ PolicyName: "ReadOnlyAccess", PolicyArn: READ_ONLY }]);
    await iam.send(new DetachRolePolicyCommand({ RoleName: roleName, PolicyArn: READ_ONLY }));
    await iam.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: "ReadBucket", PolicyDocument: DOCUMENT }));
    const rolePolicy = await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: "ReadBucket" }));
    expect(rolePolicy).toMatchObject({ RoleName: roleName, PolicyName: "ReadBucket" });
    expect(JSON.parse(decodeURIComponent(rolePolicy.PolicyDocument ?? ""))).toEqual(JSON.parse(DOCUMENT));
    await iam.send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: "ReadBucket" }));
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: roleName }))).PolicyNames).toEqual([]);
  });
});
