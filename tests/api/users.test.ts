import { beforeEach, describe, expect, it } from "vitest";
import * as users from "@/app/api/v1/accounts/[accountId]/users/route";
import * as user from "@/app/api/v1/accounts/[accountId]/users/[userName]/route";
import * as userGroups from "@/app/api/v1/accounts/[accountId]/users/[userName]/groups/route";
import * as userGroup from "@/app/api/v1/accounts/[accountId]/users/[userName]/groups/[groupName]/route";
import * as tags from "@/app/api/v1/accounts/[accountId]/users/[userName]/tags/route";
import * as groups from "@/app/api/v1/accounts/[accountId]/groups/route";
import { callRoute } from "@/tests/support/call-route";
import { freshAccount } from "@/tests/support/identity";

let accountId: string;
let base: string;
beforeEach(async () => {
  accountId = await freshAccount();
  base = `/api/v1/accounts/${accountId}`;
});

const createUser = (userName: string, extra: object = {}) =>
  callRoute(users.POST, "POST", `${base}/users`, { accountId }, { userName, ...extra });

describe("users API", () => {
  it("creates (201) and gets a user; duplicates are 409 with the field", async () => {
    const created = await createUser("Alice", { path: "/eng/", tags: [{ key: "team", value: "a" }] });
    expect(created).toMatchObject({ status: 201, body: { userName: "Alice", path: "/eng/", tags: [{ key: "team", value: "a" }] } });
    const got = await callRoute(user.GET, "GET", `${base}/users/alice`, { accountId, userName: "alice" });
    expect(got).toMatchObject({ status: 200, body: { userName: "Alice", passwordResetRequired: false, permissionsBoundary: null } });
    expect(Object.keys(got.body as object)).not.toContain("passwordHash");

    const dup = await createUser("ALICE");
    expect(dup).toEqual({
      status: 409,
      body: { error: { code: "EntityAlreadyExists", message: `A user named Alice already exists in account ${accountId}.`, field: "userName" } },
    });
  });

  it("rejects bad input with 400 naming the field", async () => {
    const res = await createUser("bad name");
    expect(res).toMatchObject({ status: 400, body: { error: { code: "ValidationError", field: "userName" } } });
    expect((res.body as { error: { message: string } }).error.message).toMatch(/no spaces/);
    const path = await createUser("ok", { path: "nope" });
    expect(path).toMatchObject({ status: 400, body: { error: { field: "path" } } });
    const page = await callRoute(users.GET, "GET", `${base}/users?pageSize=1000`, { accountId });
    expect(page).toMatchObject({ status: 400, body: { error: { field: "pageSize" } } });
    const sort = await callRoute(users.GET, "GET", `${base}/users?sort=color`, { accountId });
    expect(sort).toMatchObject({ status: 400, body: { error: { field: "sort" } } });
  });

  it("lists with search, sort and paging from the query string", async () => {
    for (const name of ["carl", "Anna", "bea", "annette"]) await createUser(name);
    const res = await callRoute(users.GET, "GET", `${base}/users?search=ANN&order=desc&pageSize=1`, { accountId });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 1, items: [{ userName: "annette" }] });
  });

  it("renames with PATCH and 404s the old name", async () => {
    await createUser("old");
    const res = await callRoute(user.PATCH, "PATCH", `${base}/users/old`, { accountId, userName: "old" }, { newUserName: "new" });
    expect(res).toMatchObject({ status: 200, body: { userName: "new", arn: `arn:aws:iam::${accountId}:user/new` } });
    const gone = await callRoute(user.GET, "GET", `${base}/users/old`, { accountId, userName: "old" });
    expect(gone).toMatchObject({ status: 404, body: { error: { code: "NoSuchEntity", field: "userName" } } });
  });

  it("deletes: 409 while in a group, 204 with ?force=true", async () => {
    await createUser("member");
    await callRoute(groups.POST, "POST", `${base}/groups`, { accountId }, { groupName: "team" });
    const added = await callRoute(userGroups.POST, "POST", `${base}/users/member/groups`, { accountId, userName: "member" }, { groupName: "team" });
    expect(added).toMatchObject({ status: 200, body: { groupName: "team", memberCount: 1 } });
    const listed = await callRoute(userGroups.GET, "GET", `${base}/users/member/groups`, { accountId, userName: "member" });
    expect(listed).toMatchObject({ status: 200, body: { items: [{ groupName: "team" }] } });

    const params = { accountId, userName: "member" };
    const refused = await callRoute(user.DELETE, "DELETE", `${base}/users/member`, params);
    expect(refused).toMatchObject({ status: 409, body: { error: { code: "DeleteConflict" } } });
    const forced = await callRoute(user.DELETE, "DELETE", `${base}/users/member?force=true`, params);
    expect(forced).toEqual({ status: 204, body: null });
    const badForce = await callRoute(user.DELETE, "DELETE", `${base}/users/member?force=yes`, params);
    expect(badForce).toMatchObject({ status: 400, body: { error: { field: "force" } } });
  });

  it("removes a membership (204), then 404s the second time", async () => {
    await createUser("leaver");
    await callRoute(groups.POST, "POST", `${base}/groups`, { accountId }, { groupName: "club" });
    await callRoute(userGroups.POST, "POST", `${base}/users/leaver/groups`, { accountId, userName: "leaver" }, { groupName: "club" });
    const params = { accountId, userName: "leaver", groupName: "club" };
    expect((await callRoute(userGroup.DELETE, "DELETE", `${base}/users/leaver/groups/club`, params)).status).toBe(204);
    expect((await callRoute(userGroup.DELETE, "DELETE", `${base}/users/leaver/groups/club`, params)).status).toBe(404);
  });

  it("tags with PUT, lists, and untags with DELETE ?keys=", async () => {
    await createUser("t");
    const params = { accountId, userName: "t" };
    const put = await callRoute(tags.PUT, "PUT", `${base}/users/t/tags`, params, { tags: [{ key: "a", value: "1" }, { key: "b", value: "2" }] });
    expect(put).toMatchObject({ status: 200, body: { items: [{ key: "a" }, { key: "b" }] } });
    expect((await callRoute(tags.DELETE, "DELETE", `${base}/users/t/tags?keys=A`, params)).status).toBe(204);
    const listed = await callRoute(tags.GET, "GET", `${base}/users/t/tags`, params);
    expect(listed).toEqual({ status: 200, body: { items: [{ key: "b", value: "2" }] } });
    const noKeys = await callRoute(tags.DELETE, "DELETE", `${base}/users/t/tags`, params);
    expect(noKeys).toMatchObject({ status: 400, body: { error: { field: "keys" } } });
    const tooMany = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: "" }));
    const limit = await callRoute(tags.PUT, "PUT", `${base}/users/t/tags`, params, { tags: tooMany });
    expect(limit).toMatchObject({ status: 400, body: { error: { code: "ValidationError", field: "tags" } } });
  });
});
