import { describe, expect, it } from "vitest";
import * as accounts from "@/app/api/v1/accounts/route";
import * as account from "@/app/api/v1/accounts/[accountId]/route";
import * as changes from "@/app/api/v1/accounts/[accountId]/changes/route";
import * as users from "@/app/api/v1/accounts/[accountId]/users/route";
import { callRoute } from "@/tests/support/call-route";

const body = { alias: "api-acct", displayName: "API", rootEmail: "root@example.com" };

describe("/api/v1/accounts", () => {
  it("creates (201), reads, lists, renames and deletes an account", async () => {
    const created = await callRoute(accounts.POST, "POST", "/api/v1/accounts", {}, body);
    expect(created.status).toBe(201);
    const { accountId } = created.body as { accountId: string };
    expect(accountId).toMatch(/^\d{12}$/);

    const got = await callRoute(account.GET, "GET", `/api/v1/accounts/${accountId}`, { accountId });
    expect(got).toMatchObject({ status: 200, body: { alias: "api-acct", counts: { users: 0 } } });

    const listed = await callRoute(accounts.GET, "GET", "/api/v1/accounts", {});
    expect((listed.body as { items: { accountId: string }[] }).items.map((a) => a.accountId)).toContain(accountId);

    const patched = await callRoute(account.PATCH, "PATCH", `/api/v1/accounts/${accountId}`, { accountId }, { displayName: "Renamed" });
    expect(patched).toMatchObject({ status: 200, body: { displayName: "Renamed" } });

    const log = await callRoute(changes.GET, "GET", `/api/v1/accounts/${accountId}/changes?pageSize=1`, { accountId });
    expect(log).toMatchObject({ status: 200, body: { total: 2, pageSize: 1, items: [{ action: "PutAccountName" }] } });

    const deleted = await callRoute(account.DELETE, "DELETE", `/api/v1/accounts/${accountId}`, { accountId });
    expect(deleted).toEqual({ status: 204, body: null });
  });

  it("answers errors as { error: { code, message, field } } with AWS statuses", async () => {
    const bad = await callRoute(accounts.POST, "POST", "/api/v1/accounts", {}, { ...body, alias: "Bad Alias" });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: "ValidationError", field: "alias" } });

    const notJson = await callRoute(accounts.POST, "POST", "/api/v1/accounts", {}, "{oops");
    expect(notJson).toMatchObject({ status: 400, body: { error: { code: "ValidationError", field: "body" } } });

    await callRoute(accounts.POST, "POST", "/api/v1/accounts", {}, { ...body, alias: "dup-alias" });
    const dup = await callRoute(accounts.POST, "POST", "/api/v1/accounts", {}, { ...body, alias: "dup-alias" });
    expect(dup).toMatchObject({ status: 409, body: { error: { code: "EntityAlreadyExists", field: "alias" } } });

    const missing = await callRoute(account.GET, "GET", "/api/v1/accounts/000000000001", { accountId: "000000000001" });
    expect(missing).toMatchObject({ status: 404, body: { error: { code: "NoSuchEntity", field: "accountId" } } });
  });

  it("refuses to delete an account that still has users (409 DeleteConflict)", async () => {
    const created = await callRoute(accounts.POST, "POST", "/api/v1/accounts", {}, { ...body, alias: "busy-acct" });
    const { accountId } = created.body as { accountId: string };
    await callRoute(users.POST, "POST", `/api/v1/accounts/${accountId}/users`, { accountId }, { userName: "u" });
    const res = await callRoute(account.DELETE, "DELETE", `/api/v1/accounts/${accountId}`, { accountId });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: "DeleteConflict" } });
    expect((res.body as { error: { message: string } }).error.message).toContain("1 user");
  });
});
