import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createGroup } from "@/lib/data/create-group";
import { createUser } from "@/lib/data/create-user";
import { listChanges } from "@/lib/data/list-changes";
import { tagResource } from "@/lib/data/tag-resource";
import { listChangesQuery } from "@/lib/schemas/account";
import { freshAccount } from "@/tests/support/identity";

describe("change log", () => {
  it("lists newest first, filters by target ARN, and pages", async () => {
    const accountId = await freshAccount();
    const user = await createUser(accountId, { userName: "u", path: "/", tags: [] });
    await createGroup(accountId, { groupName: "g", path: "/" });
    await tagResource("user", accountId, "u", [{ key: "k", value: "v" }]);

    const all = await listChanges(accountId, listChangesQuery.parse({}));
    expect(all.items.map((e) => e.action)).toEqual(["TagUser", "CreateGroup", "CreateUser", "CreateAccount"]);
    expect(all.items[0]).toMatchObject({ accountId, targetArn: user.arn });

    const forUser = await listChanges(accountId, listChangesQuery.parse({ targetArn: user.arn }));
    expect(forUser.items.map((e) => e.action)).toEqual(["TagUser", "CreateUser"]);

    const page = await listChanges(accountId, listChangesQuery.parse({ page: "2", pageSize: "3" }));
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page.items.map((e) => e.action)).toEqual(["CreateAccount"]);
  });

  it("writes no event when the write fails", async () => {
    const accountId = await freshAccount();
    await createUser(accountId, { userName: "u", path: "/", tags: [] });
    const before = await db().changeEvent.count();
    await expect(createUser(accountId, { userName: "U", path: "/", tags: [] })).rejects.toMatchObject({
      code: "EntityAlreadyExists",
      field: "userName",
    });
    await expect(
      createUser(accountId, { userName: "v", path: "/", tags: [], permissionsBoundaryArn: "arn:aws:iam::aws:policy/Nope" }),
    ).rejects.toMatchObject({ code: "NoSuchEntity" });
    // Fails after the user row is written (duplicate tag keys slip past the schema here, and the
    // tag table's unique index refuses them: Prisma's P2002, which the door maps to
    // EntityAlreadyExists): the whole transaction, event included, must roll back.
    const clash = [{ key: "a", value: "1" }, { key: "A", value: "2" }];
    await expect(createUser(accountId, { userName: "w", path: "/", tags: clash })).rejects.toMatchObject({ code: "P2002" });
    expect(await db().changeEvent.count()).toBe(before);
    expect(await db().user.count({ where: { accountId } })).toBe(1);
  });

  it("keeps each account's log to itself", async () => {
    const a = await freshAccount();
    const b = await freshAccount();
    await createUser(b, { userName: "elsewhere", path: "/", tags: [] });
    const changes = await listChanges(a, listChangesQuery.parse({}));
    expect(changes.items.every((e) => e.accountId === a)).toBe(true);
    await expect(listChanges("000000000000", listChangesQuery.parse({}))).rejects.toMatchObject({ code: "NoSuchEntity" });
  });
});
