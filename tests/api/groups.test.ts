import { beforeEach, describe, expect, it } from "vitest";
import * as groups from "@/app/api/v1/accounts/[accountId]/groups/route";
import * as group from "@/app/api/v1/accounts/[accountId]/groups/[groupName]/route";
import * as members from "@/app/api/v1/accounts/[accountId]/groups/[groupName]/members/route";
import * as member from "@/app/api/v1/accounts/[accountId]/groups/[groupName]/members/[userName]/route";
import * as users from "@/app/api/v1/accounts/[accountId]/users/route";
import { callRoute } from "@/tests/support/call-route";
import { freshAccount } from "@/tests/support/identity";

let accountId: string;
let base: string;
beforeEach(async () => {
  accountId = await freshAccount();
  base = `/api/v1/accounts/${accountId}`;
});

const createGroup = (groupName: string) => callRoute(groups.POST, "POST", `${base}/groups`, { accountId }, { groupName });
const createUser = (userName: string) => callRoute(users.POST, "POST", `${base}/users`, { accountId }, { userName });

describe("groups API", () => {
  it("creates (201), lists, gets, renames; duplicates are 409", async () => {
    expect(await createGroup("Ops")).toMatchObject({ status: 201, body: { groupName: "Ops", memberCount: 0 } });
    expect(await createGroup("ops")).toMatchObject({ status: 409, body: { error: { code: "EntityAlreadyExists", field: "groupName" } } });
    const listed = await callRoute(groups.GET, "GET", `${base}/groups?search=op`, { accountId });
    expect(listed).toMatchObject({ status: 200, body: { total: 1, items: [{ groupName: "Ops" }] } });
    const renamed = await callRoute(group.PATCH, "PATCH", `${base}/groups/ops`, { accountId, groupName: "ops" }, { newGroupName: "SRE" });
    expect(renamed).toMatchObject({ status: 200, body: { groupName: "SRE", arn: `arn:aws:iam::${accountId}:group/SRE` } });
    const got = await callRoute(group.GET, "GET", `${base}/groups/sre`, { accountId, groupName: "sre" });
    expect(got).toMatchObject({ status: 200, body: { groupName: "SRE" } });
    const empty = await callRoute(group.PATCH, "PATCH", `${base}/groups/sre`, { accountId, groupName: "sre" }, {});
    expect(empty).toMatchObject({ status: 400, body: { error: { code: "ValidationError" } } });
  });

  it("adds and lists members, removes them, and deletes with force", async () => {
    await createGroup("devs");
    await createUser("ann");
    await createUser("bob");
    const params = { accountId, groupName: "devs" };
    for (const userName of ["ann", "bob"]) {
      expect((await callRoute(members.POST, "POST", `${base}/groups/devs/members`, params, { userName })).status).toBe(200);
    }
    const ghost = await callRoute(members.POST, "POST", `${base}/groups/devs/members`, params, { userName: "ghost" });
    expect(ghost).toMatchObject({ status: 404, body: { error: { code: "NoSuchEntity", field: "userName" } } });

    const listed = await callRoute(members.GET, "GET", `${base}/groups/devs/members?sort=name&order=desc`, params);
    expect(listed).toMatchObject({ status: 200, body: { total: 2, items: [{ userName: "bob" }, { userName: "ann" }] } });

    const removed = await callRoute(member.DELETE, "DELETE", `${base}/groups/devs/members/ann`, { ...params, userName: "ann" });
    expect(removed.status).toBe(204);

    const refused = await callRoute(group.DELETE, "DELETE", `${base}/groups/devs`, params);
    expect(refused).toMatchObject({ status: 409, body: { error: { code: "DeleteConflict" } } });
    expect((refused.body as { error: { message: string } }).error.message).toContain("1 member");
    expect((await callRoute(group.DELETE, "DELETE", `${base}/groups/devs?force=true`, params)).status).toBe(204);
    expect((await callRoute(group.GET, "GET", `${base}/groups/devs`, params)).status).toBe(404);
  });
});
