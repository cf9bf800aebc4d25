import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as userPanel from "@/app/api/v1/accounts/[accountId]/users/[userName]/effective-permissions/route";
import * as rolePanel from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/effective-permissions/route";
import * as groupPanel from "@/app/api/v1/accounts/[accountId]/groups/[groupName]/effective-permissions/route";
import { addUserToGroup } from "@/lib/data/add-user-to-group";
import { attachPolicy } from "@/lib/data/attach-policy";
import { createGroup } from "@/lib/data/create-group";
import { createRole } from "@/lib/data/create-role";
import { createUser } from "@/lib/data/create-user";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { createGroupBody } from "@/lib/schemas/group";
import { createRoleInput } from "@/lib/schemas/role";
import { createUserBody } from "@/lib/schemas/user";
import { callRoute } from "@/tests/support/call-route";
import { freshAccount } from "@/tests/support/identity";
import { allow, awsPolicyArn, importTestManagedPolicies, trusting } from "@/tests/support/policies";

let accountId: string;
let base: string;
beforeAll(importTestManagedPolicies);
beforeEach(async () => {
  accountId = await freshAccount();
  base = `/api/v1/accounts/${accountId}`;
});

describe("effective-permissions routes", () => {
  it("answers a user's panel with its policies and summary", async () => {
    await createUser(accountId, createUserBody.parse({ userName: "alice" }));
    await createGroup(accountId, createGroupBody.parse({ groupName: "ReadOnly" }));
    await addUserToGroup(accountId, "ReadOnly", "alice");
    await attachPolicy("group", accountId, "ReadOnly", awsPolicyArn("ReadOnlyAccess"));
    const answer = await callRoute(userPanel.GET, "GET", `${base}/users/Alice/effective-permissions`, { accountId, userName: "Alice" });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      kind: "analyzed",
      principal: { kind: "user", name: "alice", arn: `arn:aws:iam::${accountId}:user/alice` },
      policies: [{ kind: "managed", name: "ReadOnlyAccess", viaGroup: "ReadOnly", awsManaged: true }],
      summary: expect.stringMatching(/actions in \d+ services$/),
    });
  });

  it("answers a role's and a group's panel", async () => {
    await createRole(accountId, createRoleInput.parse({ roleName: "ops", trustPolicy: trusting(`arn:aws:iam::${accountId}:root`) }));
    await putInlinePolicy("role", accountId, "ops", "Queue", allow("sqs:SendMessage"));
    const role = await callRoute(rolePanel.GET, "GET", `${base}/roles/ops/effective-permissions`, { accountId, roleName: "ops" });
    expect(role).toMatchObject({ status: 200, body: { principal: { kind: "role", name: "ops" }, policies: [{ kind: "inline", owner: { kind: "role", name: "ops" } }] } });

    await createGroup(accountId, createGroupBody.parse({ groupName: "devs" }));
    const group = await callRoute(groupPanel.GET, "GET", `${base}/groups/devs/effective-permissions`, { accountId, groupName: "devs" });
    expect(group).toMatchObject({ status: 200, body: { principal: { kind: "group", name: "devs" }, policies: [] } });
  });

  it("answers 404 NoSuchEntity for a missing principal and 400 for an impossible name", async () => {
    const missing = await callRoute(userPanel.GET, "GET", `${base}/users/ghost/effective-permissions`, { accountId, userName: "ghost" });
    expect(missing).toMatchObject({ status: 404, body: { error: { code: "NoSuchEntity", field: "userName" } } });
    const invalid = await callRoute(rolePanel.GET, "GET", `${base}/roles/a%20b/effective-permissions`, { accountId, roleName: "a b" });
    expect(invalid).toMatchObject({ status: 400, body: { error: { code: "ValidationError", field: "roleName" } } });
  });
});
