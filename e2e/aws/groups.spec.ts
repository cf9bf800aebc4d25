import {
  AddUserToGroupCommand,
  CreateGroupCommand,
  CreateUserCommand,
  DeleteGroupCommand,
  GetGroupCommand,
  ListGroupsCommand,
  ListGroupsForUserCommand,
  RemoveUserFromGroupCommand,
  UpdateGroupCommand,
} from "@aws-sdk/client-iam";
import type { APIRequestContext } from "@playwright/test";
import { adminKeys, iamAt, PROD_ACCOUNT, uniqueName, userKeys, expect, test } from "../support/aws";

// API-only: the real IAM client against the E2E server's /aws. IAM API Reference: CreateGroup,
// GetGroup, ListGroups, UpdateGroup, DeleteGroup, AddUserToGroup, RemoveUserFromGroup,
// ListGroupsForUser.

/** What the SDK hands back for a refused call: its name, message and HTTP status. */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ name: "resolved", message: "", status: 0 }),
    (err: { name: string; message: string; $metadata?: { httpStatusCode?: number } }) => ({ name: err.name, message: err.message, status: err.$metadata?.httpStatusCode }),
  );

/** The change log's actions on one ARN (newest first), through the console's API. */
async function actionsOn(request: APIRequestContext, targetArn: string): Promise<string[]> {
  const response = await request.get(`/api/v1/accounts/${PROD_ACCOUNT}/changes?pageSize=100&targetArn=${encodeURIComponent(targetArn)}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { items: { action: string }[] }).items.map((item) => item.action);
}

test.describe("groups through the AWS endpoint", () => {
  test("CreateGroup, GetGroup and ListGroups answer as AWS does, and land in the change log", async ({ request, baseURL }) => {
    const admin = await adminKeys(request, "aws-groups");
    const iam = iamAt(baseURL, admin);
    const path = `/${uniqueName("grp")}/`;
    const groupName = uniqueName("aws-devs");
    const created = await iam.send(new CreateGroupCommand({ GroupName: groupName, Path: path }));
    const arn = `arn:aws:iam::${PROD_ACCOUNT}:group${path}${groupName}`;
    expect(created.Group).toMatchObject({ GroupName: groupName, Path: path, Arn: arn });
    expect(created.Group?.GroupId).toMatch(/^AGPA[A-Z2-7]{17}$/);
    expect(created.Group?.CreateDate).toBeInstanceOf(Date);
    const read = await iam.send(new GetGroupCommand({ GroupName: groupName.toUpperCase() }));
    expect(read.Group).toEqual(created.Group);
    expect(read.Users).toEqual([]);
    expect(read.IsTruncated).toBe(false);
    for (let i = 0; i < 4; i++) await iam.send(new CreateGroupCommand({ GroupName: `${groupName}-${i}`, Path: path }));
    const first = await iam.send(new ListGroupsCommand({ PathPrefix: path, MaxItems: 3 }));
    expect(first.Groups?.map((group) => group.GroupName)).toEqual([groupName, `${groupName}-0`, `${groupName}-1`]);
    expect(first.IsTruncated).toBe(true);
    const rest = await iam.send(new ListGroupsCommand({ PathPrefix: path, MaxItems: 3, Marker: first.Marker }));
    expect(rest.Groups?.map((group) => group.GroupName)).toEqual([`${groupName}-2`, `${groupName}-3`]);
    expect(rest.IsTruncated).toBe(false);
    expect(await failure(iam.send(new CreateGroupCommand({ GroupName: groupName })))).toEqual({
      name: "EntityAlreadyExistsException",
      message: `A group named ${groupName} already exists in account ${PROD_ACCOUNT}.`,
      status: 409,
    });
    expect(await failure(iam.send(new CreateGroupCommand({ GroupName: "has space" })))).toEqual({
      name: "ValidationError",
      message: "GroupName: Group name may contain only letters, digits and + = , . @ _ - (no spaces).",
      status: 400,
    });
    expect(await actionsOn(request, arn)).toContain("CreateGroup");
  });

  test("membership, UpdateGroup and DeleteGroup's DeleteConflict answer as AWS does", async ({ request, baseURL }) => {
    const admin = await adminKeys(request, "aws-members");
    const iam = iamAt(baseURL, admin);
    const groupName = uniqueName("aws-team");
    const renamed = uniqueName("aws-team2");
    const userName = uniqueName("aws-member");
    await iam.send(new CreateGroupCommand({ GroupName: groupName, Path: "/eng/" }));
    await iam.send(new CreateUserCommand({ UserName: userName }));
    await iam.send(new AddUserToGroupCommand({ GroupName: groupName, UserName: userName }));
    const members = await iam.send(new GetGroupCommand({ GroupName: groupName }));
    expect(members.Users?.map((user) => user.UserName)).toEqual([userName]);
    expect(members.Users?.[0].Arn).toBe(`arn:aws:iam::${PROD_ACCOUNT}:user/${userName}`);

    await iam.send(new UpdateGroupCommand({ GroupName: groupName, NewGroupName: renamed, NewPath: "/ops/" }));
    const arn = `arn:aws:iam::${PROD_ACCOUNT}:group/ops/${renamed}`;
    const forUser = await iam.send(new ListGroupsForUserCommand({ UserName: userName }));
    expect(forUser.Groups).toHaveLength(1);
    expect(forUser.Groups?.[0]).toMatchObject({ GroupName: renamed, Path: "/ops/", Arn: arn });
    expect(await failure(iam.send(new GetGroupCommand({ GroupName: groupName })))).toMatchObject({ name: "NoSuchEntityException", status: 404 });

    const conflict = await failure(iam.send(new DeleteGroupCommand({ GroupName: renamed })));
    expect(conflict).toMatchObject({ name: "DeleteConflictException", status: 409 });
    expect(conflict.message).toContain(`Group ${renamed} cannot be deleted: it still has 1 member.`);
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: renamed, UserName: userName }));
    expect(await failure(iam.send(new RemoveUserFromGroupCommand({ GroupName: renamed, UserName: userName })))).toEqual({
      name: "NoSuchEntityException",
      message: `User ${userName} is not a member of group ${renamed}.`,
      status: 404,
    });
    await iam.send(new DeleteGroupCommand({ GroupName: renamed }));
    expect(await failure(iam.send(new GetGroupCommand({ GroupName: renamed })))).toMatchObject({ name: "NoSuchEntityException", status: 404 });
    expect(await actionsOn(request, arn)).toEqual(expect.arrayContaining(["UpdateGroup", "RemoveUserFromGroup", "DeleteGroup"]));
  });

  test("a user without permission is refused with AWS's words", async ({ request, baseURL }) => {
    const admin = await adminKeys(request, "aws-gdeny");
    const iam = iamAt(baseURL, admin);
    const nobodyName = uniqueName("aws-gnobody");
    const groupName = uniqueName("aws-gwanted");
    await iam.send(new CreateUserCommand({ UserName: nobodyName }));
    const nobody = iamAt(baseURL, await userKeys(request, nobodyName));
    expect(await failure(nobody.send(new CreateGroupCommand({ GroupName: groupName })))).toEqual({
      name: "AccessDenied",
      message: `User: arn:aws:iam::${PROD_ACCOUNT}:user/${nobodyName} is not authorized to perform: iam:CreateGroup on resource: arn:aws:iam::${PROD_ACCOUNT}:group/${groupName} because no identity-based policy allows the iam:CreateGroup action`,
      status: 403,
    });
    expect(await failure(iam.send(new GetGroupCommand({ GroupName: groupName })))).toMatchObject({ name: "NoSuchEntityException" });
  });
});
