import { describe, expect, it } from "vitest";
import {
  DeleteGroupPolicyCommand,
  DeleteRolePolicyCommand,
  DeleteUserPolicyCommand,
  GetGroupPolicyCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  LimitExceededException,
  ListGroupPoliciesCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
  MalformedPolicyDocumentException,
  NoSuchEntityException,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from "@aws-sdk/client-iam";
import { db } from "@/lib/db";
import { createUser } from "@/lib/data/create-user";
import { createGroup } from "@/lib/data/create-group";
import { createRole } from "@/lib/data/create-role";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { createGroupBody } from "@/lib/schemas/group";
import { createRoleInput } from "@/lib/schemas/role";
import { freshAccount } from "@/tests/support/identity";
import { allow, policyOfSize, trusting } from "@/tests/support/policies";
import { iamClient, rootCredentials, userCredentials } from "@/tests/support/aws";

// IAM API Reference: PutUserPolicy, GetUserPolicy, DeleteUserPolicy, ListUserPolicies and the Group
// and Role equivalents (https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPolicy.html …).

/** What the SDK hands back for a refused call: its class, message and HTTP status. */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ name: "resolved", message: "", status: 0 }),
    (err: { name: string; message: string; $metadata?: { httpStatusCode?: number } }) => ({ name: err.name, message: err.message, status: err.$metadata?.httpStatusCode }),
  );

const READ_BUCKET = JSON.stringify(
  { Version: "2012-10-17", Statement: [{ Sid: "Read", Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: ["arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/*"] }] },
  null,
  2,
);

/** The SDK leaves GetXPolicy's PolicyDocument URL-encoded, as IAM sends it. */
const decoded = (document: string | undefined) => JSON.parse(decodeURIComponent(document ?? "")) as unknown;

describe("PutUserPolicy, GetUserPolicy, ListUserPolicies, DeleteUserPolicy (API_PutUserPolicy, API_GetUserPolicy, API_ListUserPolicies, API_DeleteUserPolicy)", () => {
  it("puts, reads back URL-encoded, lists (paged), replaces and deletes, with the change log and the audit trail", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await createUser(account, { userName: "dana", path: "/", tags: [] });
    await iam.send(new PutUserPolicyCommand({ UserName: "dana", PolicyName: "ReadBucket", PolicyDocument: READ_BUCKET }));

    const read = await iam.send(new GetUserPolicyCommand({ UserName: "dana", PolicyName: "readbucket" }));
    expect(read.UserName).toBe("dana");
    expect(read.PolicyName).toBe("ReadBucket");
    expect(read.PolicyDocument).not.toContain("{");
    expect(decoded(read.PolicyDocument)).toEqual(JSON.parse(READ_BUCKET));
    // The text is kept as written, white space and all.
    expect(decodeURIComponent(read.PolicyDocument ?? "")).toBe(READ_BUCKET);

    for (const name of ["Alpha", "Zulu"]) await iam.send(new PutUserPolicyCommand({ UserName: "dana", PolicyName: name, PolicyDocument: allow("s3:ListAllMyBuckets") }));
    const all = await iam.send(new ListUserPoliciesCommand({ UserName: "dana" }));
    expect(all.PolicyNames).toEqual(["Alpha", "ReadBucket", "Zulu"]);
    expect(all.IsTruncated).toBe(false);
    const first = await iam.send(new ListUserPoliciesCommand({ UserName: "dana", MaxItems: 2 }));
    expect(first).toMatchObject({ PolicyNames: ["Alpha", "ReadBucket"], IsTruncated: true });
    const second = await iam.send(new ListUserPoliciesCommand({ UserName: "dana", MaxItems: 2, Marker: first.Marker }));
    expect(second).toMatchObject({ PolicyNames: ["Zulu"], IsTruncated: false });

    // Putting a new document under the same name replaces it.
    await iam.send(new PutUserPolicyCommand({ UserName: "dana", PolicyName: "Alpha", PolicyDocument: allow("sqs:SendMessage") }));
    expect(decoded((await iam.send(new GetUserPolicyCommand({ UserName: "dana", PolicyName: "Alpha" }))).PolicyDocument)).toEqual(JSON.parse(allow("sqs:SendMessage")));

    await iam.send(new DeleteUserPolicyCommand({ UserName: "dana", PolicyName: "Zulu" }));
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: "dana" }))).PolicyNames).toEqual(["Alpha", "ReadBucket"]);

    const changes = await db().changeEvent.findMany({ where: { accountId: account, action: { in: ["PutUserPolicy", "DeleteUserPolicy"] } }, orderBy: { id: "asc" } });
    expect(changes.map((c) => c.action)).toEqual(["PutUserPolicy", "PutUserPolicy", "PutUserPolicy", "PutUserPolicy", "DeleteUserPolicy"]);
    expect(changes.every((c) => c.targetArn === `arn:aws:iam::${account}:user/dana` && c.actorArn === `arn:aws:iam::${account}:root`)).toBe(true);
    const puts = await db().auditEvent.findMany({ where: { accountId: account, eventName: "PutUserPolicy" }, orderBy: { id: "asc" } });
    expect(puts).toHaveLength(4);
    expect(puts[0]).toMatchObject({ eventSource: "iam.amazonaws.com", readOnly: false, errorCode: null, resourceArn: `arn:aws:iam::${account}:user/dana` });
    expect(JSON.parse(puts[0].requestParameters ?? "{}")).toMatchObject({ userName: "dana", policyName: "ReadBucket" });
    expect(await db().auditEvent.count({ where: { accountId: account, eventName: "DeleteUserPolicy", eventSource: "iam.amazonaws.com" } })).toBe(1);
    expect(await db().auditEvent.count({ where: { accountId: account, eventName: { in: ["GetUserPolicy", "ListUserPolicies"] } } })).toBe(0);
  });

  it("answers MalformedPolicyDocument in the validator's words, and nothing is stored or logged", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await createUser(account, { userName: "dana", path: "/", tags: [] });
    const bad = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject" }] });
    // The console's own data layer says it in these words.
    const words = await putInlinePolicy("user", account, "dana", "Bad", bad).then(
      () => "",
      (err: Error) => err.message,
    );
    expect(words).toMatch(/^The policy document is not valid: /);
    const refused = await failure(iam.send(new PutUserPolicyCommand({ UserName: "dana", PolicyName: "Bad", PolicyDocument: bad })));
    expect(refused).toEqual({ name: "MalformedPolicyDocumentException", message: words, status: 400 });
    await expect(iam.send(new PutUserPolicyCommand({ UserName: "dana", PolicyName: "Bad", PolicyDocument: "not json" }))).rejects.toBeInstanceOf(MalformedPolicyDocumentException);
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: "dana" }))).PolicyNames).toEqual([]);
    expect(await db().changeEvent.count({ where: { accountId: account, action: "PutUserPolicy" } })).toBe(0);
    const trail = await db().auditEvent.findMany({ where: { accountId: account, eventName: "PutUserPolicy" } });
    expect(trail.map((e) => e.errorCode)).toEqual(["MalformedPolicyDocument", "MalformedPolicyDocument"]);
  });

  it("answers LimitExceeded past the user's 2,048 characters of inline documents together", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await createUser(account, { userName: "dana", path: "/", tags: [] });
    const tooBig = await failure(iam.send(new PutUserPolicyCommand({ UserName: "dana", PolicyName: "Big", PolicyDocument: policyOfSize(2049) })));
    expect(tooBig).toMatchObject({ name: "LimitExceededException", status: 409 });
    expect(tooBig.message).toContain("2049");
    expect(tooBig.message).toContain("2048");
    await iam.send(new PutUserPolicyCommand({ UserName: "dana", PolicyName: "Half", PolicyDocument: policyOfSize(1100) }));
    await expect(iam.send(new PutUserPolicyCommand({ UserName: "dana", PolicyName: "Other", PolicyDocument: policyOfSize(1000) }))).rejects.toBeInstanceOf(LimitExceededException);
    // Replacing the one document counts it once.
    await iam.send(new PutUserPolicyCommand({ UserName: "dana", PolicyName: "Half", PolicyDocument: policyOfSize(2048) }));
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: "dana" }))).PolicyNames).toEqual(["Half"]);
  });

  it("answers NoSuchEntity in AWS's words for an inline policy the user does not have, and for a missing user", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await createUser(account, { userName: "dana", path: "/", tags: [] });
    expect(await failure(iam.send(new GetUserPolicyCommand({ UserName: "dana", PolicyName: "Nope" })))).toEqual({
      name: "NoSuchEntityException",
      message: "The user policy with name Nope cannot be found.",
      status: 404,
    });
    expect(await failure(iam.send(new DeleteUserPolicyCommand({ UserName: "dana", PolicyName: "Nope" })))).toMatchObject({
      name: "NoSuchEntityException",
      message: "The user policy with name Nope cannot be found.",
    });
    await expect(iam.send(new PutUserPolicyCommand({ UserName: "nobody", PolicyName: "P", PolicyDocument: allow("s3:GetObject") }))).rejects.toBeInstanceOf(NoSuchEntityException);
    await expect(iam.send(new ListUserPoliciesCommand({ UserName: "nobody" }))).rejects.toBeInstanceOf(NoSuchEntityException);
    expect(await failure(iam.send(new PutUserPolicyCommand({ UserName: "dana", PolicyName: "has space", PolicyDocument: allow("s3:GetObject") })))).toMatchObject({ name: "ValidationError", status: 400 });
  });

  it("refuses a user without permission with AWS's AccessDenied, in the audit trail", async () => {
    const account = await freshAccount();
    await createUser(account, { userName: "mallory", path: "/", tags: [] });
    const self = `arn:aws:iam::${account}:user/mallory`;
    const mallory = iamClient(await userCredentials(account, "mallory"));
    expect(await failure(mallory.send(new PutUserPolicyCommand({ UserName: "mallory", PolicyName: "Everything", PolicyDocument: allow("*") })))).toEqual({
      name: "AccessDenied",
      message: `User: ${self} is not authorized to perform: iam:PutUserPolicy on resource: ${self} because no identity-based policy allows the iam:PutUserPolicy action`,
      status: 403,
    });
    expect(await failure(mallory.send(new ListUserPoliciesCommand({ UserName: "mallory" })))).toMatchObject({
      name: "AccessDenied",
      message: `User: ${self} is not authorized to perform: iam:ListUserPolicies on resource: ${self} because no identity-based policy allows the iam:ListUserPolicies action`,
    });
    const trail = await db().auditEvent.findMany({ where: { accountId: account, principalArn: self }, orderBy: { id: "asc" } });
    expect(trail.map((e) => [e.eventName, e.errorCode, e.readOnly])).toEqual([
      ["PutUserPolicy", "AccessDenied", false],
      ["ListUserPolicies", "AccessDenied", true],
    ]);
    expect(await db().userInlinePolicy.count({ where: { user: { accountId: account } } })).toBe(0);
  });
});

describe("PutGroupPolicy, GetGroupPolicy, ListGroupPolicies, DeleteGroupPolicy (API_PutGroupPolicy, API_GetGroupPolicy, API_ListGroupPolicies, API_DeleteGroupPolicy)", () => {
  it("puts, reads back, lists, deletes, and keeps the group's 5,120-character quota", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await createGroup(account, createGroupBody.parse({ groupName: "Readers" }));
    await iam.send(new PutGroupPolicyCommand({ GroupName: "Readers", PolicyName: "ReadBucket", PolicyDocument: READ_BUCKET }));
    const read = await iam.send(new GetGroupPolicyCommand({ GroupName: "Readers", PolicyName: "ReadBucket" }));
    expect(read).toMatchObject({ GroupName: "Readers", PolicyName: "ReadBucket" });
    expect(decoded(read.PolicyDocument)).toEqual(JSON.parse(READ_BUCKET));
    expect((await iam.send(new ListGroupPoliciesCommand({ GroupName: "Readers" }))).PolicyNames).toEqual(["ReadBucket"]);
    // Over a user's quota, within a group's.
    await iam.send(new PutGroupPolicyCommand({ GroupName: "Readers", PolicyName: "Large", PolicyDocument: policyOfSize(3000) }));
    await expect(iam.send(new PutGroupPolicyCommand({ GroupName: "Readers", PolicyName: "More", PolicyDocument: policyOfSize(2200) }))).rejects.toBeInstanceOf(LimitExceededException);
    await iam.send(new DeleteGroupPolicyCommand({ GroupName: "Readers", PolicyName: "ReadBucket" }));
    expect((await iam.send(new ListGroupPoliciesCommand({ GroupName: "Readers" }))).PolicyNames).toEqual(["Large"]);
    expect(await failure(iam.send(new GetGroupPolicyCommand({ GroupName: "Readers", PolicyName: "ReadBucket" })))).toMatchObject({
      name: "NoSuchEntityException",
      message: "The group policy with name ReadBucket cannot be found.",
    });
    const changes = await db().changeEvent.findMany({ where: { accountId: account, action: { in: ["PutGroupPolicy", "DeleteGroupPolicy"] } }, orderBy: { id: "asc" } });
    expect(changes.map((c) => [c.action, c.targetArn])).toEqual([
      ["PutGroupPolicy", `arn:aws:iam::${account}:group/Readers`],
      ["PutGroupPolicy", `arn:aws:iam::${account}:group/Readers`],
      ["DeleteGroupPolicy", `arn:aws:iam::${account}:group/Readers`],
    ]);
    const trail = await db().auditEvent.findMany({ where: { accountId: account, eventName: "PutGroupPolicy" }, orderBy: { id: "asc" } });
    expect(trail.map((e) => [e.eventSource, e.errorCode])).toEqual([
      ["iam.amazonaws.com", null],
      ["iam.amazonaws.com", null],
      ["iam.amazonaws.com", "LimitExceeded"],
    ]);
  });
});

describe("PutRolePolicy, GetRolePolicy, ListRolePolicies, DeleteRolePolicy (API_PutRolePolicy, API_GetRolePolicy, API_ListRolePolicies, API_DeleteRolePolicy)", () => {
  it("puts, reads back, lists, deletes, and keeps the role's 10,240-character quota", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await createRole(account, createRoleInput.parse({ roleName: "Worker", path: "/app/", trustPolicy: trusting(`arn:aws:iam::${account}:root`) }));
    await iam.send(new PutRolePolicyCommand({ RoleName: "Worker", PolicyName: "ReadBucket", PolicyDocument: READ_BUCKET }));
    const read = await iam.send(new GetRolePolicyCommand({ RoleName: "Worker", PolicyName: "ReadBucket" }));
    expect(read).toMatchObject({ RoleName: "Worker", PolicyName: "ReadBucket" });
    expect(decoded(read.PolicyDocument)).toEqual(JSON.parse(READ_BUCKET));
    await iam.send(new PutRolePolicyCommand({ RoleName: "Worker", PolicyName: "Large", PolicyDocument: policyOfSize(9000) }));
    const over = await failure(iam.send(new PutRolePolicyCommand({ RoleName: "Worker", PolicyName: "More", PolicyDocument: policyOfSize(1500) })));
    expect(over).toMatchObject({ name: "LimitExceededException", status: 409 });
    expect(over.message).toContain("10240");
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: "Worker" }))).PolicyNames).toEqual(["Large", "ReadBucket"]);
    await iam.send(new DeleteRolePolicyCommand({ RoleName: "Worker", PolicyName: "Large" }));
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: "Worker" }))).PolicyNames).toEqual(["ReadBucket"]);
    expect(await failure(iam.send(new DeleteRolePolicyCommand({ RoleName: "Worker", PolicyName: "Large" })))).toMatchObject({
      name: "NoSuchEntityException",
      message: "The role policy with name Large cannot be found.",
    });
    await expect(iam.send(new GetRolePolicyCommand({ RoleName: "Nobody", PolicyName: "ReadBucket" }))).rejects.toBeInstanceOf(NoSuchEntityException);
    const changes = await db().changeEvent.findMany({ where: { accountId: account, action: { in: ["PutRolePolicy", "DeleteRolePolicy"] } }, orderBy: { id: "asc" } });
    expect(changes.map((c) => [c.action, c.targetArn])).toEqual([
      ["PutRolePolicy", `arn:aws:iam::${account}:role/app/Worker`],
      ["PutRolePolicy", `arn:aws:iam::${account}:role/app/Worker`],
      ["DeleteRolePolicy", `arn:aws:iam::${account}:role/app/Worker`],
    ]);
    expect(await db().auditEvent.count({ where: { accountId: account, eventSource: "iam.amazonaws.com", eventName: "DeleteRolePolicy" } })).toBe(2);
  });
});
