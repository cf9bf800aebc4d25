import {
  AddUserToGroupCommand,
  CreateGroupCommand,
  CreateUserCommand,
  DeleteGroupCommand,
  DeleteUserCommand,
  DeleteUserPermissionsBoundaryCommand,
  GetUserCommand,
  ListUsersCommand,
  ListUserTagsCommand,
  PutUserPermissionsBoundaryCommand,
  RemoveUserFromGroupCommand,
  TagUserCommand,
  UntagUserCommand,
  UpdateUserCommand,
  type Tag,
} from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import type { APIRequestContext } from "@playwright/test";
import { adminKeys, iamAt, PROD_ACCOUNT, stsAt, uniqueName, userKeys, expect, test } from "../support/aws";

// API-only: the real IAM and STS clients against the E2E server's /aws (IAM API Reference: CreateUser,
// GetUser, ListUsers, UpdateUser, DeleteUser, TagUser, UntagUser, ListUserTags,
// PutUserPermissionsBoundary, DeleteUserPermissionsBoundary).

/** What the SDK hands back for a refused call: its name, message and HTTP status. */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ name: "resolved", message: "", status: 0 }),
    (err: { name: string; message: string; $metadata?: { httpStatusCode?: number } }) => ({ name: err.name, message: err.message, status: err.$metadata?.httpStatusCode }),
  );

/** The change log's events on one ARN (newest first), with who made them, through the console's API. */
async function changesOn(request: APIRequestContext, targetArn: string): Promise<{ action: string; actor: string | null }[]> {
  const response = await request.get(`/api/v1/accounts/${PROD_ACCOUNT}/changes?pageSize=100&targetArn=${encodeURIComponent(targetArn)}`);
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { items: { action: string; actor: { arn: string } | null }[] };
  return body.items.map((item) => ({ action: item.action, actor: item.actor?.arn ?? null }));
}

const POWER_USER = "arn:aws:iam::aws:policy/PowerUserAccess";

test.describe("users through the AWS endpoint", () => {
  test("CreateUser, GetUser and GetCallerIdentity answer as AWS does", async ({ request, baseURL }) => {
    const admin = await adminKeys(request, "aws-users");
    const iam = iamAt(baseURL, admin);
    const userName = uniqueName("aws-dana");
    const created = await iam.send(new CreateUserCommand({ UserName: userName, Tags: [{ Key: "team", Value: "blue" }] }));
    expect(created.User?.Arn).toBe(`arn:aws:iam::${PROD_ACCOUNT}:user/${userName}`);
    const read = await iam.send(new GetUserCommand({ UserName: userName }));
    expect(read.User?.Tags).toEqual([{ Key: "team", Value: "blue" }]);
    const who = await stsAt(baseURL, admin).send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toBe(`arn:aws:iam::${PROD_ACCOUNT}:user/${admin.userName}`);
  });

  test("ListUsers pages through 250 users with MaxItems 100", async ({ request, baseURL }) => {
    const admin = await adminKeys(request, "aws-pager");
    const iam = iamAt(baseURL, admin);
    const prefix = `/${uniqueName("pager")}/`;
    for (let i = 0; i < 250; i++) await iam.send(new CreateUserCommand({ UserName: `p${String(i).padStart(3, "0")}-${prefix.slice(1, -1)}`, Path: prefix }));
    const names: string[] = [];
    let marker: string | undefined;
    const sizes: number[] = [];
    do {
      const answer = await iam.send(new ListUsersCommand({ PathPrefix: prefix, MaxItems: 100, Marker: marker }));
      sizes.push(answer.Users?.length ?? 0);
      names.push(...(answer.Users ?? []).map((user) => user.UserName ?? ""));
      marker = answer.IsTruncated ? answer.Marker : undefined;
    } while (marker);
    expect(sizes).toEqual([100, 100, 50]);
    expect(new Set(names).size).toBe(250);
  });

  test("UpdateUser renames and moves a user, read back through GetUser and logged as the caller's", async ({ request, baseURL }) => {
    const admin = await adminKeys(request, "aws-upd");
    const iam = iamAt(baseURL, admin);
    const before = uniqueName("aws-upd-a");
    const after = uniqueName("aws-upd-b");
    await iam.send(new CreateUserCommand({ UserName: before, Path: "/eng/" }));
    await iam.send(new UpdateUserCommand({ UserName: before, NewUserName: after, NewPath: "/ops/" }));
    const read = await iam.send(new GetUserCommand({ UserName: after }));
    const arn = `arn:aws:iam::${PROD_ACCOUNT}:user/ops/${after}`;
    expect(read.User).toMatchObject({ UserName: after, Path: "/ops/", Arn: arn });
    expect(await failure(iam.send(new GetUserCommand({ UserName: before })))).toMatchObject({ name: "NoSuchEntityException", status: 404 });
    expect(await changesOn(request, arn)).toContainEqual({ action: "UpdateUser", actor: `arn:aws:iam::${PROD_ACCOUNT}:user/${admin.userName}` });
    const invalid = await failure(iam.send(new UpdateUserCommand({ UserName: after, NewUserName: "has space" })));
    expect(invalid).toEqual({ name: "ValidationError", message: "NewUserName: User name may contain only letters, digits and + = , . @ _ - (no spaces).", status: 400 });
  });

  test("TagUser, ListUserTags and UntagUser answer as AWS does, with LimitExceeded past 50 tags", async ({ request, baseURL }) => {
    const admin = await adminKeys(request, "aws-tag");
    const iam = iamAt(baseURL, admin);
    const userName = uniqueName("aws-tagged");
    await iam.send(new CreateUserCommand({ UserName: userName, Tags: [{ Key: "team", Value: "blue" }] }));
    await iam.send(new TagUserCommand({ UserName: userName, Tags: [{ Key: "Team", Value: "red" }, { Key: "cost", Value: "42" }] }));
    const listed = await iam.send(new ListUserTagsCommand({ UserName: userName }));
    expect(listed.Tags).toEqual([{ Key: "cost", Value: "42" }, { Key: "Team", Value: "red" }]);
    expect(listed.IsTruncated).toBe(false);
    const firstPage = await iam.send(new ListUserTagsCommand({ UserName: userName, MaxItems: 1 }));
    expect(firstPage.Tags).toEqual([{ Key: "cost", Value: "42" }]);
    expect(firstPage.IsTruncated).toBe(true);
    const secondPage = await iam.send(new ListUserTagsCommand({ UserName: userName, MaxItems: 1, Marker: firstPage.Marker }));
    expect(secondPage.Tags).toEqual([{ Key: "Team", Value: "red" }]);
    expect(secondPage.IsTruncated).toBe(false);
    await iam.send(new UntagUserCommand({ UserName: userName, TagKeys: ["team"] }));
    expect((await iam.send(new GetUserCommand({ UserName: userName }))).User?.Tags).toEqual([{ Key: "cost", Value: "42" }]);
    const many: Tag[] = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
    expect(await failure(iam.send(new TagUserCommand({ UserName: userName, Tags: many })))).toEqual({
      name: "LimitExceededException",
      message: `User ${userName} would have 51 tags; at most 50 are allowed. Remove some first.`,
      status: 409,
    });
    const actions = (await changesOn(request, `arn:aws:iam::${PROD_ACCOUNT}:user/${userName}`)).map((change) => change.action);
    expect(actions).toEqual(expect.arrayContaining(["CreateUser", "TagUser", "UntagUser"]));
  });

  test("PutUserPermissionsBoundary and DeleteUserPermissionsBoundary, read back through GetUser", async ({ request, baseURL }) => {
    const admin = await adminKeys(request, "aws-pb");
    const iam = iamAt(baseURL, admin);
    const userName = uniqueName("aws-bounded");
    await iam.send(new CreateUserCommand({ UserName: userName }));
    await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: userName, PermissionsBoundary: POWER_USER }));
    expect((await iam.send(new GetUserCommand({ UserName: userName }))).User?.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: "PermissionsBoundaryPolicy",
      PermissionsBoundaryArn: POWER_USER,
    });
    await iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: userName }));
    expect((await iam.send(new GetUserCommand({ UserName: userName }))).User?.PermissionsBoundary).toBeUndefined();
    const missing = await failure(iam.send(new PutUserPermissionsBoundaryCommand({ UserName: userName, PermissionsBoundary: `arn:aws:iam::${PROD_ACCOUNT}:policy/${uniqueName("none")}` })));
    expect(missing).toMatchObject({ name: "NoSuchEntityException", status: 404 });
    const actions = (await changesOn(request, `arn:aws:iam::${PROD_ACCOUNT}:user/${userName}`)).map((change) => change.action);
    expect(actions).toEqual(expect.arrayContaining(["PutUserPermissionsBoundary", "DeleteUserPermissionsBoundary"]));
  });

  test("DeleteUser answers DeleteConflict while the user is in a group, then deletes it", async ({ request, baseURL }) => {
    const admin = await adminKeys(request, "aws-del");
    const iam = iamAt(baseURL, admin);
    const userName = uniqueName("aws-held");
    const groupName = uniqueName("aws-held-g");
    await iam.send(new CreateUserCommand({ UserName: userName }));
    await iam.send(new CreateGroupCommand({ GroupName: groupName }));
    await iam.send(new AddUserToGroupCommand({ GroupName: groupName, UserName: userName }));
    const conflict = await failure(iam.send(new DeleteUserCommand({ UserName: userName })));
    expect(conflict).toMatchObject({ name: "DeleteConflictException", status: 409 });
    expect(conflict.message).toContain(`User ${userName} cannot be deleted: it still has 1 group membership.`);
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: groupName, UserName: userName }));
    await iam.send(new DeleteUserCommand({ UserName: userName }));
    expect(await failure(iam.send(new GetUserCommand({ UserName: userName })))).toMatchObject({ name: "NoSuchEntityException", status: 404 });
    await iam.send(new DeleteGroupCommand({ GroupName: groupName }));
    expect((await changesOn(request, `arn:aws:iam::${PROD_ACCOUNT}:user/${userName}`)).map((change) => change.action)).toContain("DeleteUser");
  });

  test("a user without permission is refused with AWS's words", async ({ request, baseURL }) => {
    const admin = await adminKeys(request, "aws-deny");
    const nobodyName = uniqueName("aws-nobody");
    const target = uniqueName("aws-target");
    const iam = iamAt(baseURL, admin);
    await iam.send(new CreateUserCommand({ UserName: nobodyName }));
    await iam.send(new CreateUserCommand({ UserName: target }));
    const nobody = iamAt(baseURL, await userKeys(request, nobodyName));
    const refused = await failure(nobody.send(new TagUserCommand({ UserName: target, Tags: [{ Key: "a", Value: "b" }] })));
    expect(refused).toEqual({
      name: "AccessDenied",
      message: `User: arn:aws:iam::${PROD_ACCOUNT}:user/${nobodyName} is not authorized to perform: iam:TagUser on resource: arn:aws:iam::${PROD_ACCOUNT}:user/${target} because no identity-based policy allows the iam:TagUser action`,
      status: 403,
    });
    expect((await iam.send(new ListUserTagsCommand({ UserName: target }))).Tags).toEqual([]);
  });
});
