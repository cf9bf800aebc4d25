import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  CreateAccountAliasCommand,
  CreateUserCommand,
  DeleteAccountAliasCommand,
  EntityAlreadyExistsException,
  ListAccountAliasesCommand,
  NoSuchEntityException,
} from "@aws-sdk/client-iam";
import * as accountRoute from "@/app/api/v1/accounts/[accountId]/route";
import { db } from "@/lib/db";
import { signIn } from "@/lib/auth/sign-in";
import { createUser } from "@/lib/data/create-user";
import { getAccount } from "@/lib/data/get-account";
import { putLoginProfile } from "@/lib/data/put-login-profile";
import { callRoute } from "@/tests/support/call-route";
import { freshAccount } from "@/tests/support/identity";
import { iamClient, rootCredentials, userCredentials } from "@/tests/support/aws";

// IAM API Reference: CreateAccountAlias, DeleteAccountAlias, ListAccountAliases.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccountAlias.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteAccountAlias.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAccountAliases.html

const newAlias = () => `al-${randomBytes(5).toString("hex")}`;
const aliasOf = async (accountId: string) => (await db().account.findUniqueOrThrow({ where: { id: accountId } })).alias;
type Refusal = { name: string; message: string; $metadata: { httpStatusCode: number } };
const refusal = (promise: Promise<unknown>) => promise.then(() => null, (err: unknown) => err as Refusal);

describe("CreateAccountAlias, ListAccountAliases and DeleteAccountAlias with the real IAM client", () => {
  it("replaces the alias, lists it, and deletes it to an empty list (CreateAccountAlias, ListAccountAliases, DeleteAccountAlias)", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    const before = await aliasOf(account);
    expect(await iam.send(new ListAccountAliasesCommand({}))).toMatchObject({ AccountAliases: [before], IsTruncated: false });

    const alias = newAlias();
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: alias }));
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([alias]);
    // The same alias again changes nothing and is no error.
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: alias }));

    await iam.send(new DeleteAccountAliasCommand({ AccountAlias: alias }));
    const after = await iam.send(new ListAccountAliasesCommand({}));
    expect(after.AccountAliases).toEqual([]);
    expect(after.IsTruncated).toBe(false);
    // The account keeps its ID where the console shows an alias.
    expect((await getAccount(account)).alias).toBe(account);

    // A new alias after none.
    const next = newAlias();
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: next }));
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([next]);
  });

  it("refuses another account's alias (EntityAlreadyExists), AWS's alias rules (ValidationError), and a wrong alias to delete (NoSuchEntity)", async () => {
    const account = await freshAccount();
    const other = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    const taken = await aliasOf(other);
    const clash = await refusal(iam.send(new CreateAccountAliasCommand({ AccountAlias: taken })));
    expect(clash).toBeInstanceOf(EntityAlreadyExistsException);
    expect(clash?.message).toBe(`The account alias ${taken} already exists.`);
    expect(clash?.$metadata.httpStatusCode).toBe(409);

    for (const bad of ["ab", "Upper-Case", "double--hyphen", "-leading", "123456789012", "a".repeat(64)]) {
      const invalid = await refusal(iam.send(new CreateAccountAliasCommand({ AccountAlias: bad })));
      expect(invalid, bad).toMatchObject({ name: "ValidationError", $metadata: { httpStatusCode: 400 } });
      expect(invalid?.message, bad).toMatch(/^AccountAlias: /);
    }

    const missing = await refusal(iam.send(new DeleteAccountAliasCommand({ AccountAlias: "not-mine" })));
    expect(missing).toBeInstanceOf(NoSuchEntityException);
    expect(missing?.message).toBe("The account alias not-mine cannot be found.");
    await iam.send(new DeleteAccountAliasCommand({ AccountAlias: await aliasOf(account) }));
    // Once deleted, the account's ID that stands in for it is not an alias to delete.
    expect(await refusal(iam.send(new DeleteAccountAliasCommand({ AccountAlias: account })))).toBeInstanceOf(NoSuchEntityException);
    expect(await refusal(iam.send(new DeleteAccountAliasCommand({ AccountAlias: "Not--Valid" })))).toMatchObject({ name: "ValidationError" });
    expect(await refusal(iam.send(new DeleteAccountAliasCommand({ AccountAlias: "still-none" })))).toBeInstanceOf(NoSuchEntityException);
    expect(await aliasOf(other)).toBe(taken);
  });

  it("pages ListAccountAliases with MaxItems", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    const answer = await iam.send(new ListAccountAliasesCommand({ MaxItems: 1 }));
    expect(answer).toMatchObject({ AccountAliases: [await aliasOf(account)], IsTruncated: false });
    expect(answer.Marker).toBeUndefined();
  });

  it("logs each change and audits each attempt (change log, audit trail)", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    const old = await aliasOf(account);
    const alias = newAlias();
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: alias }));
    await iam.send(new DeleteAccountAliasCommand({ AccountAlias: alias }));
    await refusal(iam.send(new DeleteAccountAliasCommand({ AccountAlias: alias })));
    // An account without an alias gets one anew: "created", not "changed from" its ID.
    const again = newAlias();
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: again }));
    const changes = await db().changeEvent.findMany({ where: { accountId: account, action: { in: ["CreateAccountAlias", "DeleteAccountAlias"] } }, orderBy: { id: "asc" } });
    expect(changes.map((c) => [c.action, c.targetArn, c.summary, c.actorArn])).toEqual([
      ["CreateAccountAlias", `arn:aws:iam::${account}:root`, `Changed the alias from ${old} to ${alias}.`, `arn:aws:iam::${account}:root`],
      ["DeleteAccountAlias", `arn:aws:iam::${account}:root`, `Deleted the account alias ${alias}; the account is known by its ID.`, `arn:aws:iam::${account}:root`],
      ["CreateAccountAlias", `arn:aws:iam::${account}:root`, `Created the alias ${again}.`, `arn:aws:iam::${account}:root`],
    ]);
    const audit = await db().auditEvent.findMany({ where: { accountId: account, eventName: { contains: "AccountAlias" } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.eventSource, a.eventName, a.errorCode, a.readOnly])).toEqual([
      ["iam.amazonaws.com", "CreateAccountAlias", null, false],
      ["iam.amazonaws.com", "DeleteAccountAlias", null, false],
      ["iam.amazonaws.com", "DeleteAccountAlias", "NoSuchEntity", false],
      ["iam.amazonaws.com", "CreateAccountAlias", null, false],
    ]);
  });

  it("refuses a user without permission with AWS's AccessDenied message, and audits it", async () => {
    const account = await freshAccount();
    await iamClient(await rootCredentials(account)).send(new CreateUserCommand({ UserName: "nopolicy" }));
    const iam = iamClient(await userCredentials(account, "nopolicy"));
    const user = `arn:aws:iam::${account}:user/nopolicy`;
    for (const [command, action] of [
      [new CreateAccountAliasCommand({ AccountAlias: newAlias() }), "iam:CreateAccountAlias"],
      [new DeleteAccountAliasCommand({ AccountAlias: await aliasOf(account) }), "iam:DeleteAccountAlias"],
      [new ListAccountAliasesCommand({}), "iam:ListAccountAliases"],
    ] as const) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const denied = await refusal(iam.send(command as any));
      expect(denied).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
      expect(denied?.message).toBe(`User: ${user} is not authorized to perform: ${action} on resource: * because no identity-based policy allows the ${action} action`);
    }
    const audit = await db().auditEvent.findMany({ where: { accountId: account, errorCode: "AccessDenied" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.eventName)).toEqual(["CreateAccountAlias", "DeleteAccountAlias", "ListAccountAliases"]);
  });
});

describe("the console with an account without an alias (DeleteAccountAlias)", () => {
  it("signs users in by the account's ID, no longer by the deleted alias, and saves Account settings", async () => {
    const account = await freshAccount();
    await createUser(account, { userName: "ana", path: "/", tags: [] });
    await putLoginProfile(account, "ana", { password: "Correct-Horse-9", passwordResetRequired: false });
    const alias = await aliasOf(account);
    await iamClient(await rootCredentials(account)).send(new DeleteAccountAliasCommand({ AccountAlias: alias }));

    const facts = { sourceIp: "10.9.9.1", userAgent: "vitest", secure: false };
    const byId = await signIn({ account, userName: "ana", password: "Correct-Horse-9" }, facts, "http://localhost:3000/");
    expect(byId.identity.arn).toBe(`arn:aws:iam::${account}:user/ana`);
    await expect(signIn({ account: alias, userName: "ana", password: "Correct-Horse-9" }, { ...facts, sourceIp: "10.9.9.2" }, "http://localhost:3000/")).rejects.toMatchObject({ code: "AccessDenied" });

    // The account page reads it; a new name or alias is saved through the console's own route.
    const read = await callRoute(accountRoute.GET, "GET", `/api/v1/accounts/${account}`, { accountId: account });
    expect(read).toMatchObject({ status: 200, body: { accountId: account, alias: account } });
    const renamed = await callRoute(accountRoute.PATCH, "PATCH", `/api/v1/accounts/${account}`, { accountId: account }, { displayName: "Renamed" });
    expect(renamed).toMatchObject({ status: 200, body: { alias: account, displayName: "Renamed" } });
    const realiased = await callRoute(accountRoute.PATCH, "PATCH", `/api/v1/accounts/${account}`, { accountId: account }, { alias: newAlias() });
    expect(realiased.status).toBe(200);
  });
});
