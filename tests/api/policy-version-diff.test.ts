import { beforeEach, describe, expect, it } from "vitest";
import * as policies from "@/app/api/v1/accounts/[accountId]/policies/route";
import * as versions from "@/app/api/v1/accounts/[accountId]/policies/[policyName]/versions/route";
import * as versionDiff from "@/app/api/v1/accounts/[accountId]/policies/[policyName]/versions/diff/route";
import * as users from "@/app/api/v1/accounts/[accountId]/users/route";
import * as userAttached from "@/app/api/v1/accounts/[accountId]/users/[userName]/attached-policies/route";
import * as groups from "@/app/api/v1/accounts/[accountId]/groups/route";
import * as members from "@/app/api/v1/accounts/[accountId]/groups/[groupName]/members/route";
import * as groupAttached from "@/app/api/v1/accounts/[accountId]/groups/[groupName]/attached-policies/route";
import * as roles from "@/app/api/v1/accounts/[accountId]/roles/route";
import * as roleBoundary from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/permissions-boundary/route";
import { callRoute } from "@/tests/support/call-route";
import { freshAccount } from "@/tests/support/identity";
import { allow, trusting } from "@/tests/support/policies";

let accountId: string;
let base: string;
let policyArn: string;
beforeEach(async () => {
  accountId = await freshAccount();
  base = `/api/v1/accounts/${accountId}`;
  const created = await callRoute(policies.POST, "POST", `${base}/policies`, { accountId }, { policyName: "Reports", policyDocument: allow(["s3:GetObject", "s3:ListBucket"]) });
  policyArn = (created.body as { arn: string }).arn;
  const v2 = await callRoute(versions.POST, "POST", `${base}/policies/Reports/versions`, { accountId, policyName: "Reports" }, { policyDocument: allow(["s3:GetObject", "s3:PutObject"]) });
  expect(v2.status).toBe(201);
});

const diff = (query: string) => callRoute(versionDiff.GET, "GET", `${base}/policies/Reports/versions/diff?${query}`, { accountId, policyName: "Reports" });

describe("GET …/policies/{policyName}/versions/diff", () => {
  it("answers the actions gained and lost between two versions", async () => {
    const answer = await diff("from=v1&to=v2");
    expect(answer).toMatchObject({
      status: 200,
      body: {
        policyName: "Reports",
        from: { versionId: "v1", isDefault: true },
        to: { versionId: "v2", isDefault: false },
        access: { kind: "diff", counts: { gained: 1, lost: 1, changed: 0 }, services: [{ service: "s3" }] },
      },
    });
    const changes = (answer.body as { access: { services: { changes: { change: string; actions: { name: string }[] }[] }[] } }).access.services[0].changes;
    expect(Object.fromEntries(changes.map((c) => [c.change, c.actions.map((a) => a.name)]))).toEqual({ lost: ["ListBucket"], gained: ["PutObject"] });
  });

  it("counts each principal the policy reaches once: direct, through a group, as a boundary", async () => {
    const params = { accountId };
    for (const userName of ["ann", "ben", "cid"]) await callRoute(users.POST, "POST", `${base}/users`, params, { userName });
    await callRoute(groups.POST, "POST", `${base}/groups`, params, { groupName: "devs" });
    for (const userName of ["ann", "cid"]) await callRoute(members.POST, "POST", `${base}/groups/devs/members`, { accountId, groupName: "devs" }, { userName });
    await callRoute(userAttached.POST, "POST", `${base}/users/ann/attached-policies`, { accountId, userName: "ann" }, { policyArn });
    await callRoute(groupAttached.POST, "POST", `${base}/groups/devs/attached-policies`, { accountId, groupName: "devs" }, { policyArn });
    await callRoute(roles.POST, "POST", `${base}/roles`, params, { roleName: "ci", trustPolicy: trusting(`arn:aws:iam::${accountId}:root`) });
    expect((await callRoute(roleBoundary.PUT, "PUT", `${base}/roles/ci/permissions-boundary`, { accountId, roleName: "ci" }, { policyArn })).status).toBe(200);

    const answer = await diff("from=v2&to=v1");
    expect(answer.body).toMatchObject({ affected: { users: 2, roles: 1, groups: 1, principals: 3, viaBoundary: 1 } });
  });

  it("refuses a missing version with NoSuchEntity and a malformed one with ValidationError", async () => {
    expect(await diff("from=v1&to=v9")).toMatchObject({ status: 404, body: { error: { code: "NoSuchEntity" } } });
    expect(await diff("from=v1&to=latest")).toMatchObject({ status: 400, body: { error: { code: "ValidationError" } } });
    expect(await diff("from=v1")).toMatchObject({ status: 400, body: { error: { code: "ValidationError" } } });
  });
});
