import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { attachPolicy } from "@/lib/data/attach-policy";
import { createAccount } from "@/lib/data/create-account";
import { createGroup } from "@/lib/data/create-group";
import { createUser } from "@/lib/data/create-user";
import { deleteAccount } from "@/lib/data/delete-account";
import { getAccount } from "@/lib/data/get-account";
import { listAccounts } from "@/lib/data/list-accounts";
import { updateAccount } from "@/lib/data/update-account";
import { createAccountBody, updateAccountBody } from "@/lib/schemas/account";
import { customerPolicy, events } from "@/tests/support/identity";
import { importTestManagedPolicies } from "@/tests/support/policies";

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

  // CloseAccount: https://docs.aws.amazon.com/organizations/latest/APIReference/API_CloseAccount.html
  it("closes an account with everything in it, keeping its change events outside any account", async () => {
    const { accountId } = await createAccount({ ...base, alias: "to-delete" });
    await createUser(accountId, { userName: "u", path: "/", tags: [] });
    await createGroup(accountId, { groupName: "g", path: "/" });
    await importTestManagedPolicies();
    const admin = await db().policy.findFirstOrThrow({ where: { awsManaged: true, name: "ReadOnlyAccess" } });
    const before = admin.attachmentCount;
    await attachPolicy("user", accountId, "u", admin.arn);
    expect((await db().policy.findUniqueOrThrow({ where: { id: admin.id } })).attachmentCount).toBe(before + 1);

    await deleteAccount(accountId);
    await expect(getAccount(accountId)).rejects.toMatchObject({ code: "NoSuchEntity" });
    expect(await db().user.count({ where: { accountId } })).toBe(0);
    expect(await db().group.count({ where: { accountId } })).toBe(0);
    expect((await db().policy.findUniqueOrThrow({ where: { id: admin.id } })).attachmentCount).toBe(before);
    const kept = await db().changeEvent.findMany({ where: { targetArn: { startsWith: `arn:aws:iam::${accountId}:` } }, orderBy: { id: "asc" } });
    expect(kept.map((e) => [e.accountId, e.action])).toEqual([
      [null, "CreateAccount"],
      [null, "CreateUser"],
      [null, "CreateGroup"],
      [null, "AttachUserPolicy"],
      [null, "CloseAccount"],
    ]);
  });

  it("creates a member account with OrganizationAccountAccessRole, and refuses a member as management account", async () => {
    const { accountId: management } = await createAccount({ ...base, alias: "org-management" });
    const member = await createAccount({ ...base, alias: "org-member" }, { managementAccountId: management });
    expect(member).toMatchObject({ managementAccountId: management, counts: { roles: 1 } });
    expect((await events(member.accountId)).map((e) => e.action)).toEqual(["CreateAccount", "CreateRole", "PutRolePolicy"]);
    expect((await events(management)).map((e) => e.action)).toEqual(["CreateAccount", "CreateAccount"]);
    await expect(createAccount({ ...base, alias: "org-nested" }, { managementAccountId: member.accountId })).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(createAccount({ ...base, alias: "org-orphan" }, { managementAccountId: "999999999998" })).rejects.toMatchObject({ code: "NoSuchEntity" });
    await expect(deleteAccount(management)).rejects.toMatchObject({ code: "ConstraintViolation", field: "accountId" });
    await deleteAccount(member.accountId);
    expect((await events(management)).map((e) => e.action)).toEqual(["CreateAccount", "CreateAccount", "CloseAccount"]);
    await deleteAccount(management);
  });

  it("answers NoSuchEntity for an unknown account", async () => {
    await expect(getAccount("999999999999")).rejects.toMatchObject({ code: "NoSuchEntity", field: "accountId" });
    await expect(deleteAccount("999999999999")).rejects.toMatchObject({ code: "NoSuchEntity" });
  });
});
