import { beforeAll, describe, expect, it } from "vitest";
import {
  AddUserToGroupCommand,
  CreateGroupCommand,
  CreateUserCommand,
  DeleteConflictException,
  DeleteGroupCommand,
  EntityAlreadyExistsException,
  GetGroupCommand,
  ListGroupsCommand,
  NoSuchEntityException,
  RemoveUserFromGroupCommand,
  UpdateGroupCommand,
} from "@aws-sdk/client-iam";
import { db } from "@/lib/db";
import { attachPolicy } from "@/lib/data/attach-policy";
import { detachPolicy } from "@/lib/data/detach-policy";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { deleteInlinePolicy } from "@/lib/data/delete-inline-policy";
import { events, freshAccount } from "@/tests/support/identity";
import { iamClient, rootCredentials, userCredentials, failure, auditOf } from "@/tests/support/aws";
import { importTestManagedPolicies } from "@/tests/support/policies";

// The stand-in AWS managed policies (ReadOnlyAccess, PowerUserAccess…) the tests attach.
beforeAll(importTestManagedPolicies);

const denied = (account: string, caller: string, action: string, resource: string) =>
  `User: arn:aws:iam::${account}:user/${caller} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateGroup.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetGroup.html
describe("CreateGroup and GetGroup through the AWS endpoint", () => {
  it("creates a group and reads it back, logged and audited", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    const created = await iam.send(new CreateGroupCommand({ GroupName: "Admins", Path: "/ops/" }));
    expect(created.Group).toMatchObject({ GroupName: "Admins", Path: "/ops/", Arn: `arn:aws:iam::${account}:group/ops/Admins` });
    expect(created.Group?.GroupId).toMatch(/^AGPA[A-Z2-7]{17}$/);
    expect(created.Group?.CreateDate).toBeInstanceOf(Date);
    const read = await iam.send(new GetGroupCommand({ GroupName: "admins" }));
    expect(read.Group).toEqual(created.Group);
    expect(read.Users).toEqual([]);
    expect(read.IsTruncated).toBe(false);
    expect((await events(account)).filter((e) => e.action !== "CreateAccount" && e.action !== "CreateAccessKey")).toEqual([
      { action: "CreateGroup", targetArn: `arn:aws:iam::${account}:group/ops/Admins`, summary: "Created group Admins." },
    ]);
    // The change is the caller's: the root user, by its access key.
    const change = await db().changeEvent.findFirstOrThrow({ where: { accountId: account, action: "CreateGroup" } });
    expect(change.actorArn).toBe(`arn:aws:iam::${account}:root`);
    expect(change.accessKeyId).toMatch(/^AKIA/);
    expect((await auditOf(account, "CreateGroup")).map((e) => [e.errorCode, e.identityType])).toEqual([[null, "Root"]]);
    expect(await auditOf(account, "GetGroup")).toEqual([]);
  });

  it("answers EntityAlreadyExists, NoSuchEntity and ValidationError naming the parameter", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateGroupCommand({ GroupName: "Admins" }));
    const clash = await failure(iam.send(new CreateGroupCommand({ GroupName: "ADMINS" })));
    expect(clash).toBeInstanceOf(EntityAlreadyExistsException);
    expect(clash).toMatchObject({ $metadata: { httpStatusCode: 409 } });
    expect(clash.message).toBe(`A group named Admins already exists in account ${account}.`);
    await expect(iam.send(new GetGroupCommand({ GroupName: "nobody" }))).rejects.toBeInstanceOf(NoSuchEntityException);
    const badName = await failure(iam.send(new CreateGroupCommand({ GroupName: "has space" })));
    expect(badName).toMatchObject({ name: "ValidationError", $metadata: { httpStatusCode: 400 } });
    expect(badName.message).toBe("GroupName: Group name may contain only letters, digits and + = , . @ _ - (no spaces).");
    const badPath = await failure(iam.send(new CreateGroupCommand({ GroupName: "ok", Path: "ops" })));
    expect(badPath.message).toMatch(/^Path: Path must be "\/"/);
    expect((await auditOf(account, "CreateGroup")).map((e) => e.errorCode)).toEqual([null, "EntityAlreadyExists"]);
  });

  it("refuses a user without permission with AWS's words", async () => {
    const account = await freshAccount();
    const root = iamClient(await rootCredentials(account));
    await root.send(new CreateUserCommand({ UserName: "erin" }));
    await root.send(new CreateGroupCommand({ GroupName: "Existing", Path: "/ops/" }));
    const erin = iamClient(await userCredentials(account, "erin"));
    const create = await failure(erin.send(new CreateGroupCommand({ GroupName: "Admins", Path: "/ops/" })));
    expect(create).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
    expect(create.message).toBe(denied(account, "erin", "iam:CreateGroup", `arn:aws:iam::${account}:group/ops/Admins`));
    const get = await failure(erin.send(new GetGroupCommand({ GroupName: "Existing" })));
    expect(get.message).toBe(denied(account, "erin", "iam:GetGroup", `arn:aws:iam::${account}:group/ops/Existing`));
    const list = await failure(erin.send(new ListGroupsCommand({})));
    expect(list.message).toBe(denied(account, "erin", "iam:ListGroups", "*"));
    expect((await events(account)).filter((e) => e.action === "CreateGroup")).toHaveLength(1);
    expect((await auditOf(account, "CreateGroup")).map((e) => e.errorCode)).toEqual([null, "AccessDenied"]);
  });
});

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListGroups.html
describe("ListGroups through the AWS endpoint", () => {
  it("pages with MaxItems and Marker under a PathPrefix, never repeating or skipping a group", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    for (let i = 0; i < 7; i++) await iam.send(new CreateGroupCommand({ GroupName: `g${i}`, Path: "/team/" }));
    await iam.send(new CreateGroupCommand({ GroupName: "elsewhere", Path: "/other/" }));
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const answer = await iam.send(new ListGroupsCommand({ PathPrefix: "/team/", MaxItems: 3, Marker: marker }));
      seen.push(...(answer.Groups ?? []).map((group) => group.GroupName ?? ""));
      marker = answer.IsTruncated ? answer.Marker : undefined;
      pages++;
    } while (marker);
    expect(pages).toBe(3);
    expect(seen).toEqual(["g0", "g1", "g2", "g3", "g4", "g5", "g6"]);
    const all = await iam.send(new ListGroupsCommand({}));
    expect(all.Groups?.map((group) => group.GroupName)).toEqual(["elsewhere", "g0", "g1", "g2", "g3", "g4", "g5", "g6"]);
    expect(all.Groups?.[0]).toMatchObject({ Path: "/other/", Arn: `arn:aws:iam::${account}:group/other/elsewhere` });
    expect(all.Groups?.[0].CreateDate).toBeInstanceOf(Date);
    expect(all.IsTruncated).toBe(false);
    const bad = await failure(iam.send(new ListGroupsCommand({ PathPrefix: "team" })));
    expect(bad.message).toMatch(/^PathPrefix: PathPrefix must be "\/"/);
  });
});

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateGroup.html
describe("UpdateGroup through the AWS endpoint", () => {
  it("renames and moves a group, read back through GetGroup with its members, logged and audited", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateGroupCommand({ GroupName: "Devs", Path: "/eng/" }));
    await iam.send(new CreateUserCommand({ UserName: "dana" }));
    await iam.send(new AddUserToGroupCommand({ GroupName: "Devs", UserName: "dana" }));
    await iam.send(new UpdateGroupCommand({ GroupName: "Devs", NewGroupName: "Builders", NewPath: "/ops/" }));
    const read = await iam.send(new GetGroupCommand({ GroupName: "Builders" }));
    expect(read.Group).toMatchObject({ GroupName: "Builders", Path: "/ops/", Arn: `arn:aws:iam::${account}:group/ops/Builders` });
    expect(read.Users?.map((user) => user.UserName)).toEqual(["dana"]);
    await expect(iam.send(new GetGroupCommand({ GroupName: "Devs" }))).rejects.toBeInstanceOf(NoSuchEntityException);
    expect((await events(account)).filter((e) => e.action === "UpdateGroup")).toEqual([
      { action: "UpdateGroup", targetArn: `arn:aws:iam::${account}:group/ops/Builders`, summary: "Group renamed Devs to Builders and moved from path /eng/ to /ops/." },
    ]);
    expect((await auditOf(account, "UpdateGroup")).map((e) => e.errorCode)).toEqual([null]);
  });

  it("answers NoSuchEntity, EntityAlreadyExists and ValidationError, and is authorized on both ARNs", async () => {
    const account = await freshAccount();
    const root = iamClient(await rootCredentials(account));
    await root.send(new CreateGroupCommand({ GroupName: "Devs", Path: "/eng/" }));
    await root.send(new CreateGroupCommand({ GroupName: "Ops" }));
    await expect(root.send(new UpdateGroupCommand({ GroupName: "nobody", NewGroupName: "x" }))).rejects.toBeInstanceOf(NoSuchEntityException);
    await expect(root.send(new UpdateGroupCommand({ GroupName: "Devs", NewGroupName: "ops" }))).rejects.toBeInstanceOf(EntityAlreadyExistsException);
    const invalid = await failure(root.send(new UpdateGroupCommand({ GroupName: "Devs", NewGroupName: "a/b" })));
    expect(invalid.message).toBe("NewGroupName: Group name may contain only letters, digits and + = , . @ _ - (no spaces).");
    await root.send(new CreateUserCommand({ UserName: "mover" }));
    await putInlinePolicy("user", account, "mover", "EngOnly", JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "iam:UpdateGroup", Resource: `arn:aws:iam::${account}:group/eng/*` }],
    }));
    const mover = iamClient(await userCredentials(account, "mover"));
    await mover.send(new UpdateGroupCommand({ GroupName: "Devs", NewGroupName: "Devs2" }));
    const refused = await failure(mover.send(new UpdateGroupCommand({ GroupName: "Devs2", NewPath: "/ops/" })));
    expect(refused.message).toBe(denied(account, "mover", "iam:UpdateGroup", `arn:aws:iam::${account}:group/ops/Devs2`));
    expect((await root.send(new GetGroupCommand({ GroupName: "Devs2" }))).Group?.Path).toBe("/eng/");
    expect((await auditOf(account, "UpdateGroup")).map((e) => e.errorCode)).toEqual(["NoSuchEntity", "EntityAlreadyExists", null, "AccessDenied"]);
  });
});

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteGroup.html
describe("DeleteGroup through the AWS endpoint", () => {
  it("answers DeleteConflict while the group has members, attached or inline policies, then deletes it", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateGroupCommand({ GroupName: "Devs" }));
    await iam.send(new CreateUserCommand({ UserName: "dana" }));
    const conflictMessage = async () => {
      const conflict = await failure(iam.send(new DeleteGroupCommand({ GroupName: "Devs" })));
      expect(conflict).toBeInstanceOf(DeleteConflictException);
      expect(conflict).toMatchObject({ $metadata: { httpStatusCode: 409 } });
      return conflict.message;
    };
    await iam.send(new AddUserToGroupCommand({ GroupName: "Devs", UserName: "dana" }));
    expect(await conflictMessage()).toContain("Group Devs cannot be deleted: it still has 1 member.");
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: "Devs", UserName: "dana" }));
    await attachPolicy("group", account, "Devs", "arn:aws:iam::aws:policy/ReadOnlyAccess");
    expect(await conflictMessage()).toContain("it still has 1 attached managed policy.");
    await detachPolicy("group", account, "Devs", "arn:aws:iam::aws:policy/ReadOnlyAccess");
    await putInlinePolicy("group", account, "Devs", "Inline", JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }] }));
    expect(await conflictMessage()).toContain("it still has 1 inline policy.");
    await deleteInlinePolicy("group", account, "Devs", "Inline");
    await iam.send(new DeleteGroupCommand({ GroupName: "Devs" }));
    await expect(iam.send(new GetGroupCommand({ GroupName: "Devs" }))).rejects.toBeInstanceOf(NoSuchEntityException);
    await expect(iam.send(new DeleteGroupCommand({ GroupName: "Devs" }))).rejects.toBeInstanceOf(NoSuchEntityException);
    expect((await events(account)).filter((e) => e.action === "DeleteGroup")).toEqual([
      { action: "DeleteGroup", targetArn: `arn:aws:iam::${account}:group/Devs`, summary: "Deleted group Devs." },
    ]);
    expect((await auditOf(account, "DeleteGroup")).map((e) => e.errorCode)).toEqual(["DeleteConflict", "DeleteConflict", "DeleteConflict", null, "NoSuchEntity"]);
  });

  it("refuses a user without permission with AWS's words", async () => {
    const account = await freshAccount();
    const root = iamClient(await rootCredentials(account));
    await root.send(new CreateGroupCommand({ GroupName: "Devs" }));
    await root.send(new CreateUserCommand({ UserName: "erin" }));
    const refused = await failure(iamClient(await userCredentials(account, "erin")).send(new DeleteGroupCommand({ GroupName: "Devs" })));
    expect(refused.message).toBe(denied(account, "erin", "iam:DeleteGroup", `arn:aws:iam::${account}:group/Devs`));
    expect((await root.send(new GetGroupCommand({ GroupName: "Devs" }))).Group?.GroupName).toBe("Devs");
  });
});
