import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import * as accounts from "@/app/api/v1/accounts/route";
import * as account from "@/app/api/v1/accounts/[accountId]/route";
import * as changes from "@/app/api/v1/accounts/[accountId]/changes/route";
import * as users from "@/app/api/v1/accounts/[accountId]/users/route";
import { db } from "@/lib/db";
import { createUser } from "@/lib/data/create-user";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { callRoute } from "@/tests/support/call-route";
import { freshAccount } from "@/tests/support/identity";
import { allow } from "@/tests/support/policies";
import { sessionCookie } from "@/tests/support/session";

// POST /api/v1/accounts is AWS Organizations' CreateAccount and DELETE /api/v1/accounts/{id} its
// CloseAccount; GET /api/v1/accounts is ListAccounts, which only a management account answers
// with its organization.
// https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreateAccount.html
// https://docs.aws.amazon.com/organizations/latest/APIReference/API_CloseAccount.html
// https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_access.html

/** A new account's body; aliases are unique across the console, so each gets its own. */
const body = () => ({ alias: `api-${randomBytes(5).toString("hex")}`, displayName: "API", rootEmail: "root@example.com" });
type Body = { error: { code: string; message: string } };

let management: string;
let asManagement: string;
beforeEach(async () => {
  management = await freshAccount();
  asManagement = await sessionCookie({ accountId: management });
});

const create = (input: object, as = asManagement) => callRoute(accounts.POST, "POST", "/api/v1/accounts", {}, input, as);
const close = (accountId: string, as: string) => callRoute(account.DELETE, "DELETE", `/api/v1/accounts/${accountId}`, { accountId }, undefined, as);
const list = (as: string) => callRoute(accounts.GET, "GET", "/api/v1/accounts", {}, undefined, as);
const ids = (answer: { body: unknown }) => (answer.body as { items: { accountId: string }[] }).items.map((a) => a.accountId);

describe("/api/v1/accounts", () => {
  it("creates a member account (201), reads, lists, renames and closes it", async () => {
    const input = body();
    const created = await create(input);
    expect(created).toMatchObject({ status: 201, body: { alias: input.alias, managementAccountId: management, counts: { roles: 1 } } });
    const { accountId } = created.body as { accountId: string };
    expect(accountId).toMatch(/^\d{12}$/);

    const got = await callRoute(account.GET, "GET", `/api/v1/accounts/${accountId}`, { accountId });
    expect(got).toMatchObject({ status: 200, body: { alias: input.alias, counts: { users: 0 } } });

    const listed = await list(asManagement);
    expect(listed.body).toMatchObject({ scope: "organization" });
    expect(ids(listed).sort()).toEqual([management, accountId].sort());

    const patched = await callRoute(account.PATCH, "PATCH", `/api/v1/accounts/${accountId}`, { accountId }, { displayName: "Renamed" });
    expect(patched).toMatchObject({ status: 200, body: { displayName: "Renamed" } });

    const log = await callRoute(changes.GET, "GET", `/api/v1/accounts/${accountId}/changes?pageSize=1`, { accountId });
    // CreateAccount, CreateRole and PutRolePolicy (OrganizationAccountAccessRole), PutAccountName.
    expect(log).toMatchObject({ status: 200, body: { total: 4, pageSize: 1, items: [{ action: "PutAccountName" }] } });

    expect(await close(accountId, asManagement)).toEqual({ status: 204, body: null });
    expect(ids(await list(asManagement))).toEqual([management]);
  });

  it("gives the new account OrganizationAccountAccessRole, trusting the management account, with AdministratorAccess inline", async () => {
    const { accountId } = (await create(body())).body as { accountId: string };
    const role = await db().role.findFirstOrThrow({ where: { accountId, name: "OrganizationAccountAccessRole" }, include: { inlinePolicies: true } });
    expect(JSON.parse(role.trustPolicy)).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${management}:root` }, Action: "sts:AssumeRole" }],
    });
    expect(role.inlinePolicies.map((p) => [p.name, JSON.parse(p.document)])).toEqual([
      ["AdministratorAccess", { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }],
    ]);
  });

  it("answers errors as { error: { code, message, field } } with AWS statuses", async () => {
    const bad = await create({ ...body(), alias: "Bad Alias" });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: "ValidationError", field: "alias" } });

    const notJson = await create("{oops" as unknown as object);
    expect(notJson).toMatchObject({ status: 400, body: { error: { code: "ValidationError", field: "body" } } });

    await create({ ...body(), alias: "dup-alias" });
    const dup = await create({ ...body(), alias: "dup-alias" });
    expect(dup).toMatchObject({ status: 409, body: { error: { code: "EntityAlreadyExists", field: "alias" } } });

    const missing = await callRoute(account.GET, "GET", "/api/v1/accounts/000000000001", { accountId: "000000000001" });
    expect(missing).toMatchObject({ status: 404, body: { error: { code: "NoSuchEntity", field: "accountId" } } });
  });

  it("lets only a management (or standalone) account create accounts", async () => {
    const { accountId: member } = (await create({ ...body(), alias: "member-one" })).body as { accountId: string };
    const refused = await create({ ...body(), alias: "member-two" }, await sessionCookie({ accountId: member }));
    expect(refused.status).toBe(403);
    expect((refused.body as Body).error).toMatchObject({ code: "AccessDenied" });
    expect((refused.body as Body).error.message).toBe(
      `Account ${member} cannot create accounts because it is a member of an organization; only its management account ${management} can create accounts.`,
    );
    expect(await db().account.count({ where: { alias: "member-two" } })).toBe(0);
  });

  it("needs organizations:CreateAccount in the caller's account", async () => {
    await createUser(management, { userName: "alice", path: "/", tags: [] });
    const alice = await sessionCookie({ accountId: management, userName: "alice" });
    const refused = await create(body(), alice);
    expect((refused.body as Body).error.message).toBe(
      `User: arn:aws:iam::${management}:user/alice is not authorized to perform: organizations:CreateAccount on resource: * because no identity-based policy allows the organizations:CreateAccount action`,
    );
    await putInlinePolicy("user", management, "alice", "Create", allow("organizations:CreateAccount"));
    expect(await create(body(), alice)).toMatchObject({ status: 201, body: { managementAccountId: management } });
  });

  it("closes a member with everything in it, keeps its history, and lets its id be used again", async () => {
    const { accountId } = (await create({ ...body(), accountId: "000000000777", alias: "busy-acct" })).body as { accountId: string };
    await callRoute(users.POST, "POST", `/api/v1/accounts/${accountId}/users`, { accountId }, { userName: "u" });
    const history = (await db().changeEvent.findMany({ where: { accountId }, select: { id: true } })).map((e) => e.id);

    expect(await close(accountId, asManagement)).toEqual({ status: 204, body: null });
    expect(await db().user.count({ where: { accountId } })).toBe(0);
    expect(await db().role.count({ where: { accountId } })).toBe(0);
    // The change log keeps the account's events (outside any account) and the management account records the closing.
    expect(await db().changeEvent.findMany({ where: { id: { in: history } }, select: { accountId: true } })).toEqual(history.map(() => ({ accountId: null })));
    expect(await db().changeEvent.findFirst({ where: { accountId: management, action: "CloseAccount" } })).toMatchObject({ targetArn: `arn:aws:iam::${accountId}:root` });
    expect(await db().auditEvent.count({ where: { eventName: "CloseAccount", accountId: management, errorCode: null } })).toBe(1);

    const again = await create({ ...body(), accountId, alias: "busy-acct" });
    expect(again).toMatchObject({ status: 201, body: { accountId, counts: { users: 0, roles: 1 } } });
    const log = await callRoute(changes.GET, "GET", `/api/v1/accounts/${accountId}/changes`, { accountId });
    expect((log.body as { items: { action: string }[] }).items.map((e) => e.action).reverse()).toEqual(["CreateAccount", "CreateRole", "PutRolePolicy"]);
  });

  it("refuses CloseAccount from the member itself and from other accounts, in AWS's words", async () => {
    const { accountId } = (await create(body())).body as { accountId: string };
    const arn = `arn:aws:organizations::${management}:account/o-${management.slice(-10)}/${accountId}`;
    for (const caller of [accountId, await freshAccount()]) {
      const refused = await close(accountId, await sessionCookie({ accountId: caller }));
      expect(refused.status).toBe(403);
      expect((refused.body as Body).error.message).toMatch(
        new RegExp(`^User: arn:aws:iam::${caller}:root is not authorized to perform: organizations:CloseAccount on resource: ${arn.replace(/[/.]/g, "\\$&")} because no resource-based policy allows`),
      );
    }
    expect(await db().account.count({ where: { id: accountId } })).toBe(1);
  });

  it("cannot close the management account while it has members (409 ConstraintViolation)", async () => {
    await create(body());
    const refused = await close(management, asManagement);
    expect(refused).toMatchObject({ status: 409, body: { error: { code: "ConstraintViolation", field: "accountId" } } });
    expect((refused.body as Body).error.message).toMatch(/^You attempted to close the management account/);
  });

  it("lists only the caller's own account without organizations:ListAccounts, or from a member account", async () => {
    const { accountId: member } = (await create(body())).body as { accountId: string };
    await createUser(management, { userName: "bob", path: "/", tags: [] });
    const bob = await sessionCookie({ accountId: management, userName: "bob" });
    expect((await list(bob)).body).toMatchObject({ scope: "own-account", items: [{ accountId: management }] });
    await putInlinePolicy("user", management, "bob", "List", allow("organizations:ListAccounts"));
    const listed = await list(bob);
    expect(listed.body).toMatchObject({ scope: "organization" });
    expect(ids(listed).sort()).toEqual([management, member].sort());

    const memberRoot = await list(await sessionCookie({ accountId: member }));
    expect(memberRoot).toMatchObject({ status: 200, body: { scope: "own-account", items: [{ accountId: member }] } });
    expect(ids(memberRoot)).toEqual([member]);
  });
});
