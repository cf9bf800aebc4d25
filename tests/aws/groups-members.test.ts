import { describe, expect, it } from "vitest";
import {
  AddUserToGroupCommand,
  CreateGroupCommand,
  CreateUserCommand,
  GetGroupCommand,
  LimitExceededException,
  ListGroupsForUserCommand,
  NoSuchEntityException,
  RemoveUserFromGroupCommand,
} from "@aws-sdk/client-iam";
import { events, freshAccount } from "@/tests/support/identity";
import { iamClient, rootCredentials, userCredentials, failure, auditOf } from "@/tests/support/aws";

const denied = (account: string, caller: string, action: string, resource: string) =>
  `User: arn:aws:iam::${account}:user/${caller} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_AddUserToGroup.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_RemoveUserFromGroup.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListGroupsForUser.html
describe("group membership through the AWS endpoint", () => {
  it("adds and removes a member, read back through GetGroup and ListGroupsForUser, logged and audited", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateGroupCommand({ GroupName: "Devs", Path: "/eng/" }));
    await iam.send(new CreateUserCommand({ UserName: "dana", Path: "/people/" }));
    await iam.send(new AddUserToGroupCommand({ GroupName: "devs", UserName: "DANA" }));
    // Adding again changes nothing and is not logged, as AWS answers success.
    await iam.send(new AddUserToGroupCommand({ GroupName: "Devs", UserName: "dana" }));
    const group = await iam.send(new GetGroupCommand({ GroupName: "Devs" }));
    expect(group.Users).toHaveLength(1);
    expect(group.Users?.[0]).toMatchObject({ UserName: "dana", Path: "/people/", Arn: `arn:aws:iam::${account}:user/people/dana` });
    expect(group.Users?.[0].UserId).toMatch(/^AIDA/);
    expect(group.Users?.[0].CreateDate).toBeInstanceOf(Date);
    const forUser = await iam.send(new ListGroupsForUserCommand({ UserName: "dana" }));
    expect(forUser.Groups).toEqual([group.Group]);
    expect(forUser.IsTruncated).toBe(false);
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: "Devs", UserName: "dana" }));
    expect((await iam.send(new ListGroupsForUserCommand({ UserName: "dana" }))).Groups).toEqual([]);
    expect((await iam.send(new GetGroupCommand({ GroupName: "Devs" }))).Users).toEqual([]);
    const arn = `arn:aws:iam::${account}:group/eng/Devs`;
    expect((await events(account)).filter((e) => e.targetArn === arn && e.action !== "CreateGroup")).toEqual([
      { action: "AddUserToGroup", targetArn: arn, summary: "Added user dana to group Devs." },
      { action: "RemoveUserFromGroup", targetArn: arn, summary: "Removed user dana from group Devs." },
    ]);
    expect((await auditOf(account, "AddUserToGroup")).map((e) => [e.errorCode, e.resourceArn, JSON.parse(e.requestParameters ?? "{}")])).toEqual([
      [null, arn, { groupName: "devs", userName: "DANA" }],
      [null, arn, { groupName: "Devs", userName: "dana" }],
    ]);
    expect((await auditOf(account, "RemoveUserFromGroup")).map((e) => e.errorCode)).toEqual([null]);
  });

  it("answers NoSuchEntity for a missing group, user or membership, and ValidationError naming the parameter", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateGroupCommand({ GroupName: "Devs" }));
    await iam.send(new CreateUserCommand({ UserName: "dana" }));
    await expect(iam.send(new AddUserToGroupCommand({ GroupName: "nobody", UserName: "dana" }))).rejects.toBeInstanceOf(NoSuchEntityException);
    await expect(iam.send(new AddUserToGroupCommand({ GroupName: "Devs", UserName: "nobody" }))).rejects.toBeInstanceOf(NoSuchEntityException);
    const notMember = await failure(iam.send(new RemoveUserFromGroupCommand({ GroupName: "Devs", UserName: "dana" })));
    expect(notMember).toBeInstanceOf(NoSuchEntityException);
    expect(notMember.message).toBe("User dana is not a member of group Devs.");
    await expect(iam.send(new ListGroupsForUserCommand({ UserName: "nobody" }))).rejects.toBeInstanceOf(NoSuchEntityException);
    const invalid = await failure(iam.send(new AddUserToGroupCommand({ GroupName: "Devs", UserName: "a b" })));
    expect(invalid).toMatchObject({ name: "ValidationError", $metadata: { httpStatusCode: 400 } });
    expect(invalid.message).toBe("UserName: User name may contain only letters, digits and + = , . @ _ - (no spaces).");
    expect((await auditOf(account, "AddUserToGroup")).map((e) => e.errorCode)).toEqual(["NoSuchEntity", "NoSuchEntity"]);
    expect((await auditOf(account, "RemoveUserFromGroup")).map((e) => e.errorCode)).toEqual(["NoSuchEntity"]);
  });

  it("answers LimitExceeded for an eleventh group, and pages ListGroupsForUser by MaxItems and Marker", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "dana" }));
    for (let i = 0; i < 11; i++) await iam.send(new CreateGroupCommand({ GroupName: `g${String(i).padStart(2, "0")}` }));
    for (let i = 0; i < 10; i++) await iam.send(new AddUserToGroupCommand({ GroupName: `g${String(i).padStart(2, "0")}`, UserName: "dana" }));
    const over = await failure(iam.send(new AddUserToGroupCommand({ GroupName: "g10", UserName: "dana" })));
    expect(over).toBeInstanceOf(LimitExceededException);
    expect(over.message).toBe("User dana is already in 10 groups, the most AWS allows. Remove it from a group first.");
    const seen: string[] = [];
    let marker: string | undefined;
    const sizes: number[] = [];
    do {
      const answer = await iam.send(new ListGroupsForUserCommand({ UserName: "dana", MaxItems: 4, Marker: marker }));
      sizes.push(answer.Groups?.length ?? 0);
      seen.push(...(answer.Groups ?? []).map((group) => group.GroupName ?? ""));
      marker = answer.IsTruncated ? answer.Marker : undefined;
    } while (marker);
    expect(sizes).toEqual([4, 4, 2]);
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => `g${String(i).padStart(2, "0")}`));
  });

  it("pages GetGroup's users by MaxItems and Marker, never repeating or skipping a member", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateGroupCommand({ GroupName: "Devs" }));
    await iam.send(new CreateUserCommand({ UserName: "outsider" }));
    for (let i = 0; i < 7; i++) {
      await iam.send(new CreateUserCommand({ UserName: `u${i}` }));
      await iam.send(new AddUserToGroupCommand({ GroupName: "Devs", UserName: `u${i}` }));
    }
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const answer = await iam.send(new GetGroupCommand({ GroupName: "Devs", MaxItems: 3, Marker: marker }));
      expect(answer.Group?.GroupName).toBe("Devs");
      seen.push(...(answer.Users ?? []).map((user) => user.UserName ?? ""));
      marker = answer.IsTruncated ? answer.Marker : undefined;
      pages++;
    } while (marker);
    expect(pages).toBe(3);
    expect(seen).toEqual(["u0", "u1", "u2", "u3", "u4", "u5", "u6"]);
    const bad = await failure(iam.send(new GetGroupCommand({ GroupName: "Devs", Marker: "not-ours" })));
    expect(bad).toMatchObject({ name: "ValidationError", $metadata: { httpStatusCode: 400 } });
  });

  it("refuses a user without permission with AWS's words, on the group for membership and on the user for ListGroupsForUser", async () => {
    const account = await freshAccount();
    const root = iamClient(await rootCredentials(account));
    await root.send(new CreateGroupCommand({ GroupName: "Devs", Path: "/eng/" }));
    await root.send(new CreateUserCommand({ UserName: "dana", Path: "/people/" }));
    await root.send(new CreateUserCommand({ UserName: "erin" }));
    const erin = iamClient(await userCredentials(account, "erin"));
    const add = await failure(erin.send(new AddUserToGroupCommand({ GroupName: "Devs", UserName: "dana" })));
    expect(add).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
    expect(add.message).toBe(denied(account, "erin", "iam:AddUserToGroup", `arn:aws:iam::${account}:group/eng/Devs`));
    const remove = await failure(erin.send(new RemoveUserFromGroupCommand({ GroupName: "Devs", UserName: "dana" })));
    expect(remove.message).toBe(denied(account, "erin", "iam:RemoveUserFromGroup", `arn:aws:iam::${account}:group/eng/Devs`));
    const list = await failure(erin.send(new ListGroupsForUserCommand({ UserName: "dana" })));
    expect(list.message).toBe(denied(account, "erin", "iam:ListGroupsForUser", `arn:aws:iam::${account}:user/people/dana`));
    expect((await root.send(new GetGroupCommand({ GroupName: "Devs" }))).Users).toEqual([]);
    expect((await auditOf(account, "AddUserToGroup")).map((e) => e.errorCode)).toEqual(["AccessDenied"]);
  });
});
