import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAccount } from "@/lib/data/create-account";
import { createGroup } from "@/lib/data/create-group";
import { createUser } from "@/lib/data/create-user";
import { deleteAccount } from "@/lib/data/delete-account";
import { deleteGroup } from "@/lib/data/delete-group";
import { deleteUser } from "@/lib/data/delete-user";
import { getAccount } from "@/lib/data/get-account";
import { listAccounts } from "@/lib/data/list-accounts";
import { updateAccount } from "@/lib/data/update-account";
import { IamError } from "@/lib/errors";
import { createAccountBody, updateAccountBody } from "@/lib/schemas/account";
import { customerPolicy, events } from "@/tests/support/identity";

const base = { displayName: "Demo", rootEmail: "admin@example.com" };

describe("accounts", () => {
  it("creates an account with a generated 12-digit id, and logs it", async () => {
    const account = await createAccount({ ...base, alias: "generated-id" });
    expect(account.accountId).toMatch(/^\d{12}$/);
    expect(account.counts).toEqual({ users: 0, groups: 0, roles: 0, policies: 0 });
    expect(await events(account.accountId)).toEqual([
      expect.objectContaining({ action: "CreateAccount", targetArn: `arn:aws:iam::${account.accountId}:root` }),
    ]);
  });

  it("keeps a given id, and refuses the same id or alias twice", async () => {
    const account = await createAccount({ ...base, accountId: "123456789012", alias: "given-id" });
    expect(account.accountId).toBe("123456789012");
    await expect(createAccount({ ...base, accountId: "123456789012", alias: "other" })).rejects.toMatchObject({
      code: "EntityAlreadyExists",
      field: "accountId",
    });
    await expect(createAccount({ ...base, alias: "given-id" })).rejects.toMatchObject({
      code: "EntityAlreadyExists",
      field: "alias",
    });
  });

  it("validates alias and email as AWS does", () => {
    for (const alias of ["ab", "Upper", "-lead", "trail-", "dou--ble", "123456789012", "a".repeat(64)]) {
      expect(createAccountBody.safeParse({ ...base, alias }).success, alias).toBe(false);
    }
    expect(createAccountBody.safeParse({ ...base, alias: "my-co-2" }).success).toBe(true);
    expect(createAccountBody.safeParse({ ...base, alias: "my-co", rootEmail: "not-an-email" }).success).toBe(false);
    expect(createAccountBody.safeParse({ ...base, alias: "my-co", accountId: "12345" }).success).toBe(false);
    expect(updateAccountBody.safeParse({}).success).toBe(false);
  });

  it("lists accounts with their counts", async () => {
    const { accountId } = await createAccount({ ...base, alias: "counted" });
    await createUser(accountId, { userName: "a", path: "/", tags: [] });
    await createUser(accountId, { userName: "b", path: "/", tags: [] });
    await createGroup(accountId, { groupName: "g", path: "/" });
    await customerPolicy(accountId, "P");
    const listed = (await listAccounts()).find((a) => a.accountId === accountId);
    expect(listed?.counts).toEqual({ users: 2, groups: 1, roles: 0, policies: 1 });
  });

  it("renames, changes alias and email, one event per change", async () => {
    const { accountId } = await createAccount({ ...base, alias: "before" });
    const updated = await updateAccount(accountId, { alias: "after", displayName: "Renamed" });
    expect(updated).toMatchObject({ alias: "after", displayName: "Renamed", rootEmail: base.rootEmail });
    const actions = (await events(accountId)).map((e) => e.action);
    expect(actions).toEqual(["CreateAccount", "CreateAccountAlias", "PutAccountName"]);
    await createAccount({ ...base, alias: "taken" });
    await expect(updateAccount(accountId, { alias: "taken" })).rejects.toMatchObject({
      code: "EntityAlreadyExists",
      field: "alias",
    });
  });

  it("deletes only an empty account, naming what remains", async () => {
    const { accountId } = await createAccount({ ...base, alias: "to-delete" });
    await createUser(accountId, { userName: "u", path: "/", tags: [] });
    await createGroup(accountId, { groupName: "g", path: "/" });
    const err = await deleteAccount(accountId).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IamError);
    expect(err).toMatchObject({ code: "DeleteConflict" });
    expect((err as IamError).message).toContain("1 user and 1 group");

    await deleteUser(accountId, "u", { force: false });
    await deleteGroup(accountId, "g", { force: false });
    await deleteAccount(accountId);
    await expect(getAccount(accountId)).rejects.toMatchObject({ code: "NoSuchEntity" });
    const closed = await db().changeEvent.findFirst({ where: { action: "CloseAccount", targetArn: `arn:aws:iam::${accountId}:root` } });
    expect(closed).not.toBeNull();
  });

  it("answers NoSuchEntity for an unknown account", async () => {
    await expect(getAccount("999999999999")).rejects.toMatchObject({ code: "NoSuchEntity", field: "accountId" });
    await expect(deleteAccount("999999999999")).rejects.toMatchObject({ code: "NoSuchEntity" });
  });
});
