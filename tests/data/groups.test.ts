import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addUserToGroup, MAX_GROUPS_PER_USER } from "@/lib/data/add-user-to-group";
import { createGroup } from "@/lib/data/create-group";
import { createUser } from "@/lib/data/create-user";
import { deleteGroup } from "@/lib/data/delete-group";
import { getGroup } from "@/lib/data/get-group";
import { listGroupMembers } from "@/lib/data/list-group-members";
import { listGroups } from "@/lib/data/list-groups";
import { listGroupsForUser } from "@/lib/data/list-groups-for-user";
import { removeUserFromGroup } from "@/lib/data/remove-user-from-group";
import { updateGroup } from "@/lib/data/update-group";
import { IamError } from "@/lib/errors";
import { createGroupBody, listGroupsQuery } from "@/lib/schemas/group";
import { listUsersQuery } from "@/lib/schemas/user";
import { attachmentCount, attachToGroup, customerPolicy, events, freshAccount } from "@/tests/support/identity";

let accountId: string;
beforeEach(async () => {
  accountId = await freshAccount();
});

const group = (groupName: string, path = "/") => createGroup(accountId, { groupName, path });
const user = (userName: string) => createUser(accountId, { userName, path: "/", tags: [] });

describe("groups", () => {
  it("creates a group with an AGPA id and ARN, unique case-insensitively", async () => {
    const g = await group("Admins", "/ops/");
    expect(g.groupId).toMatch(/^AGPA[A-Z2-7]{17}$/);
    expect(g.arn).toBe(`arn:aws:iam::${accountId}:group/ops/Admins`);
    await expect(group("admins")).rejects.toMatchObject({ code: "EntityAlreadyExists", field: "groupName" });
    expect(createGroupBody.safeParse({ groupName: "no spaces" }).success).toBe(false);
    expect(createGroupBody.safeParse({ groupName: "x".repeat(129) }).success).toBe(false);
    expect(createGroupBody.safeParse({ groupName: "ok", path: "/bad" }).success).toBe(false);
  });

  it("renames and moves a group, storing the new ARN", async () => {
    await group("old");
    await group("taken");
    const renamed = await updateGroup(accountId, "OLD", { newGroupName: "new", newPath: "/x/" });
    expect(renamed.arn).toBe(`arn:aws:iam::${accountId}:group/x/new`);
    expect(await getGroup(accountId, "new")).toMatchObject({ arn: renamed.arn });
    await expect(updateGroup(accountId, "new", { newGroupName: "TAKEN" })).rejects.toMatchObject({
      code: "EntityAlreadyExists",
      field: "newGroupName",
    });
  });

  it("lists with search, sort and member counts", async () => {
    await group("beta");
    await group("Alpha");
    await group("gamma-alpha");
    await user("u1");
    await addUserToGroup(accountId, "alpha", "u1");
    const page = await listGroups(accountId, listGroupsQuery.parse({ search: "ALPHA" }));
    expect(page.items.map((g) => [g.groupName, g.memberCount])).toEqual([["Alpha", 1], ["gamma-alpha", 0]]);
    const desc = await listGroups(accountId, listGroupsQuery.parse({ order: "desc", pageSize: "1" }));
    expect(desc).toMatchObject({ total: 3, pageSize: 1 });
    expect(desc.items[0].groupName).toBe("gamma-alpha");
  });
});

describe("membership", () => {
  it("adds and removes members, logging both; adding twice changes nothing", async () => {
    await group("devs");
    await user("ann");
    const g = await addUserToGroup(accountId, "DEVS", "ANN");
    expect(g.memberCount).toBe(1);
    await addUserToGroup(accountId, "devs", "ann");
    expect((await getGroup(accountId, "devs")).memberCount).toBe(1);
    expect((await listGroupsForUser(accountId, "ann")).map((x) => x.groupName)).toEqual(["devs"]);
    const members = await listGroupMembers(accountId, "devs", listUsersQuery.parse({}));
    expect(members.items.map((u) => u.userName)).toEqual(["ann"]);

    await removeUserFromGroup(accountId, "devs", "ann");
    expect(await listGroupsForUser(accountId, "ann")).toEqual([]);
    await expect(removeUserFromGroup(accountId, "devs", "ann")).rejects.toMatchObject({ code: "NoSuchEntity" });
    const actions = (await events(accountId)).filter((e) => e.targetArn === g.arn).map((e) => e.action);
    expect(actions).toEqual(["CreateGroup", "AddUserToGroup", "RemoveUserFromGroup"]);
  });

  it("only takes users of the same account", async () => {
    await group("devs");
    const other = await freshAccount();
    await createUser(other, { userName: "stranger", path: "/", tags: [] });
    await expect(addUserToGroup(accountId, "devs", "stranger")).rejects.toMatchObject({
      code: "NoSuchEntity",
      field: "userName",
    });
  });

  it("stops a user at 10 groups with LimitExceeded", async () => {
    await user("joiner");
    for (let i = 0; i <= MAX_GROUPS_PER_USER; i++) await group(`g${i}`);
    for (let i = 0; i < MAX_GROUPS_PER_USER; i++) await addUserToGroup(accountId, `g${i}`, "joiner");
    await expect(addUserToGroup(accountId, `g${MAX_GROUPS_PER_USER}`, "joiner")).rejects.toMatchObject({
      code: "LimitExceeded",
    });
    expect((await listGroupsForUser(accountId, "joiner")).length).toBe(10);
  });
});

describe("deleteGroup", () => {
  it("refuses with members or policies, naming them", async () => {
    const g = await group("busy");
    await user("m");
    await addUserToGroup(accountId, "busy", "m");
    const policy = await customerPolicy(accountId, "GroupPolicy");
    await attachToGroup(g.groupId, policy.id);
    await db().groupInlinePolicy.create({ data: { groupId: g.groupId, name: "I", nameLower: "i", document: "{}" } });
    const err = await deleteGroup(accountId, "busy", { force: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IamError);
    expect((err as IamError).code).toBe("DeleteConflict");
    expect((err as IamError).message).toContain("1 member, 1 attached managed policy and 1 inline policy");

    await deleteGroup(accountId, "busy", { force: true });
    expect(await db().group.findUnique({ where: { id: g.groupId } })).toBeNull();
    expect(await attachmentCount(policy.id)).toBe(0);
    expect(await db().groupMembership.count({ where: { groupId: g.groupId } })).toBe(0);
    expect(await db().groupInlinePolicy.count({ where: { groupId: g.groupId } })).toBe(0);
    expect(await db().user.count({ where: { accountId, nameLower: "m" } })).toBe(1);
  });
});
