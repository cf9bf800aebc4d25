import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addUserToGroup } from "@/lib/data/add-user-to-group";
import { createAccessKey } from "@/lib/data/create-access-key";
import { createGroup } from "@/lib/data/create-group";
import { createMfaDevice } from "@/lib/data/create-mfa-device";
import { createUser } from "@/lib/data/create-user";
import { deleteUser } from "@/lib/data/delete-user";
import { getUser } from "@/lib/data/get-user";
import { listUsers } from "@/lib/data/list-users";
import { putLoginProfile } from "@/lib/data/put-login-profile";
import { updateUser } from "@/lib/data/update-user";
import { IamError } from "@/lib/errors";
import { createUserBody, listUsersQuery, updateUserBody } from "@/lib/schemas/user";
import { attachmentCount, attachToUser, customerPolicy, events, freshAccount } from "@/tests/support/identity";

let accountId: string;
beforeEach(async () => {
  accountId = await freshAccount();
});

const input = (userName: string, extra: Partial<Parameters<typeof createUser>[1]> = {}) => ({
  userName,
  path: "/",
  tags: [],
  ...extra,
});

describe("createUser", () => {
  it("creates a user with an AIDA id, its ARN, tags, and a CreateUser event", async () => {
    const user = await createUser(accountId, input("Alice", { path: "/eng/", tags: [{ key: "team", value: "core" }] }));
    expect(user.userId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(user.arn).toBe(`arn:aws:iam::${accountId}:user/eng/Alice`);
    expect(user).toMatchObject({ userName: "Alice", path: "/eng/", groupCount: 0, hasPassword: false });
    expect(user.tags).toEqual([{ key: "team", value: "core" }]);
    expect(await events(accountId)).toContainEqual(expect.objectContaining({ action: "CreateUser", targetArn: user.arn }));
  });

  it("refuses a second user with the same name in any case, and logs nothing for it", async () => {
    await createUser(accountId, input("Alice"));
    const before = (await events(accountId)).length;
    await expect(createUser(accountId, input("ALICE"))).rejects.toMatchObject({
      code: "EntityAlreadyExists",
      field: "userName",
      message: `A user named Alice already exists in account ${accountId}.`,
    });
    expect((await events(accountId)).length).toBe(before);
  });

  it("allows the same name in another account", async () => {
    const other = await freshAccount();
    await createUser(accountId, input("Shared"));
    await expect(createUser(other, input("shared"))).resolves.toMatchObject({ userName: "shared" });
  });

  it("rejects invalid names, paths and tags with the field named", () => {
    const bad: [unknown, string][] = [
      [{ userName: "has space" }, "userName"],
      [{ userName: "x".repeat(65) }, "userName"],
      [{ userName: "" }, "userName"],
      [{ userName: "ok", path: "no-slashes" }, "path"],
      [{ userName: "ok", path: "/a b/" }, "path"],
      [{ userName: "ok", tags: [{ key: "aws:x", value: "v" }] }, "tags"],
      [{ userName: "ok", tags: [{ key: "K", value: "1" }, { key: "k", value: "2" }] }, "tags"],
      [{ userName: "ok", tags: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: "" })) }, "tags"],
      [{ userName: "ok", permissionsBoundaryArn: "not-an-arn" }, "permissionsBoundaryArn"],
    ];
    for (const [body, field] of bad) {
      const parsed = createUserBody.safeParse(body);
      expect(parsed.success, JSON.stringify(body)).toBe(false);
      expect(parsed.error?.issues[0].path[0]).toBe(field);
    }
    expect(createUserBody.parse({ userName: "a+b=c,d.e@f_g-h" }).path).toBe("/");
  });

  it("sets a permissions boundary only from a policy the account can use", async () => {
    const policy = await customerPolicy(accountId, "Boundary");
    const user = await createUser(accountId, input("bounded", { permissionsBoundaryArn: policy.arn }));
    expect(user.permissionsBoundary).toEqual({ arn: policy.arn, name: "Boundary" });
    expect(user.permissionsBoundaryArn).toBe(policy.arn);

    const foreign = await customerPolicy(await freshAccount(), "Foreign");
    await expect(createUser(accountId, input("x", { permissionsBoundaryArn: foreign.arn }))).rejects.toMatchObject({
      code: "NoSuchEntity",
      field: "permissionsBoundaryArn",
    });
    expect(await db().user.count({ where: { accountId, nameLower: "x" } })).toBe(0);
  });

  it("answers NoSuchEntity for an unknown account", async () => {
    await expect(createUser("000000000000", input("a"))).rejects.toMatchObject({ code: "NoSuchEntity", field: "accountId" });
  });
});

describe("updateUser", () => {
  it("renames and moves the user, storing the new ARN", async () => {
    await createUser(accountId, input("bob"));
    const user = await updateUser(accountId, "BOB", { newUserName: "Robert", newPath: "/ops/" });
    expect(user.arn).toBe(`arn:aws:iam::${accountId}:user/ops/Robert`);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.userId } })).arn).toBe(user.arn);
    await expect(getUser(accountId, "bob")).rejects.toMatchObject({ code: "NoSuchEntity" });
    expect(await events(accountId)).toContainEqual(expect.objectContaining({ action: "UpdateUser", targetArn: user.arn }));
  });

  it("refuses a name another user has, but allows a change of case", async () => {
    await createUser(accountId, input("carol"));
    await createUser(accountId, input("dave"));
    await expect(updateUser(accountId, "dave", { newUserName: "Carol" })).rejects.toMatchObject({
      code: "EntityAlreadyExists",
      field: "newUserName",
    });
    await expect(updateUser(accountId, "dave", { newUserName: "Dave" })).resolves.toMatchObject({ userName: "Dave" });
    expect(updateUserBody.safeParse({}).success).toBe(false);
  });
});

describe("deleteUser", () => {
  async function loadedUser() {
    await createUser(accountId, input("loaded"));
    await createGroup(accountId, { groupName: "g1", path: "/" });
    await addUserToGroup(accountId, "g1", "loaded");
    const policy = await customerPolicy(accountId, "Attached");
    const row = await db().user.findFirstOrThrow({ where: { accountId, nameLower: "loaded" } });
    await attachToUser(row.id, policy.id);
    await db().userInlinePolicy.create({ data: { userId: row.id, name: "Inline", nameLower: "inline", document: "{}" } });
    await putLoginProfile(accountId, "loaded", { password: "Str0ng-Passw0rd" });
    await createAccessKey(accountId, "loaded");
    await createMfaDevice(accountId, "loaded", "loaded-phone");
    return { userId: row.id, policyId: policy.id };
  }

  it("deletes a bare user", async () => {
    const user = await createUser(accountId, input("bare", { tags: [{ key: "k", value: "v" }] }));
    await deleteUser(accountId, "bare", { force: false });
    expect(await db().user.findUnique({ where: { id: user.userId } })).toBeNull();
    expect(await db().userTag.count({ where: { userId: user.userId } })).toBe(0);
  });

  it("refuses while the user holds anything, listing every kind", async () => {
    const { userId, policyId } = await loadedUser();
    const err = await deleteUser(accountId, "loaded", { force: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IamError);
    expect((err as IamError).code).toBe("DeleteConflict");
    for (const part of ["1 group membership", "1 attached managed policy", "1 inline policy", "1 console password", "1 access key", "1 MFA device"]) {
      expect((err as IamError).message).toContain(part);
    }
    expect(await db().user.findUnique({ where: { id: userId } })).not.toBeNull();
    expect(await attachmentCount(policyId)).toBe(1);
  });

  it("with force removes everything in one go and keeps attachment counts right", async () => {
    const { userId, policyId } = await loadedUser();
    await deleteUser(accountId, "loaded", { force: true });
    expect(await db().user.findUnique({ where: { id: userId } })).toBeNull();
    expect(await attachmentCount(policyId)).toBe(0);
    expect(await db().groupMembership.count({ where: { userId } })).toBe(0);
    expect(await db().userPolicyAttachment.count({ where: { userId } })).toBe(0);
    expect(await db().userInlinePolicy.count({ where: { userId } })).toBe(0);
    expect(await db().accessKey.count({ where: { userId } })).toBe(0);
    expect(await db().mfaDevice.count({ where: { accountId } })).toBe(0);
    const actions = (await events(accountId)).map((e) => e.action);
    expect(actions.slice(-2)).toEqual(["RemoveUserFromGroup", "DeleteUser"]);
  });
});

describe("listUsers", () => {
  beforeEach(async () => {
    const users = [["zed", "/a/"], ["Amy", "/c/"], ["mike", "/b/"], ["amelia", "/a/"]];
    for (const [i, [name, path]] of users.entries()) {
      const { userId } = await createUser(accountId, input(name, { path }));
      // Distinct creation times, a minute apart, so the order by creation is certain.
      await db().user.update({ where: { id: userId }, data: { createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)) } });
    }
  });
  const query = (q: Record<string, string>) => listUsersQuery.parse(q);

  it("sorts by name case-insensitively, either way", async () => {
    const asc = await listUsers(accountId, query({}));
    expect(asc.items.map((u) => u.userName)).toEqual(["amelia", "Amy", "mike", "zed"]);
    const desc = await listUsers(accountId, query({ order: "desc" }));
    expect(desc.items.map((u) => u.userName)).toEqual(["zed", "mike", "Amy", "amelia"]);
  });

  it("sorts by creation time and by path", async () => {
    const created = await listUsers(accountId, query({ sort: "created" }));
    expect(created.items.map((u) => u.userName)).toEqual(["zed", "Amy", "mike", "amelia"]);
    const byPath = await listUsers(accountId, query({ sort: "path" }));
    expect(byPath.items.map((u) => u.userName)).toEqual(["amelia", "zed", "mike", "Amy"]);
  });

  it("searches anywhere in the name, case-insensitively, and pages", async () => {
    const found = await listUsers(accountId, query({ search: "AM" }));
    expect(found.items.map((u) => u.userName)).toEqual(["amelia", "Amy"]);
    expect(found.total).toBe(2);
    const page2 = await listUsers(accountId, query({ pageSize: "3", page: "2" }));
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.items.map((u) => u.userName)).toEqual(["zed"]);
  });

  it("counts groups, policies and keys per user", async () => {
    await createGroup(accountId, { groupName: "devs", path: "/" });
    await addUserToGroup(accountId, "devs", "mike");
    await createAccessKey(accountId, "mike");
    await putLoginProfile(accountId, "mike", { password: "Another-Passw0rd" });
    const policy = await customerPolicy(accountId, "ForZed");
    const zed = await db().user.findFirstOrThrow({ where: { accountId, nameLower: "zed" } });
    await attachToUser(zed.id, policy.id);
    const counts = (await listUsers(accountId, query({}))).items.map((u) => [
      u.userName,
      u.groupCount,
      u.accessKeyCount,
      u.attachedPolicyCount,
      u.hasPassword,
    ]);
    expect(counts).toEqual([
      ["amelia", 0, 0, 0, false],
      ["Amy", 0, 0, 0, false],
      ["mike", 1, 1, 0, true],
      ["zed", 0, 0, 1, false],
    ]);
  });

  it("reads _ in a search as itself, not as SQL's any-one-character", async () => {
    await createUser(accountId, input("svc_build"));
    await createUser(accountId, input("svcxbuild"));
    const found = await listUsers(accountId, query({ search: "svc_" }));
    expect(found.items.map((u) => u.userName)).toEqual(["svc_build"]);
    expect(found.total).toBe(1);
  });

  it("never shows users of another account", async () => {
    const other = await freshAccount();
    await createUser(other, input("outsider"));
    expect((await listUsers(accountId, query({ search: "outsider" }))).total).toBe(0);
  });
});
