import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as policies from "@/app/api/v1/accounts/[accountId]/policies/route";
import * as policy from "@/app/api/v1/accounts/[accountId]/policies/[policyName]/route";
import * as versions from "@/app/api/v1/accounts/[accountId]/policies/[policyName]/versions/route";
import * as version from "@/app/api/v1/accounts/[accountId]/policies/[policyName]/versions/[versionId]/route";
import * as defaultVersion from "@/app/api/v1/accounts/[accountId]/policies/[policyName]/default-version/route";
import * as entities from "@/app/api/v1/accounts/[accountId]/policies/[policyName]/entities/route";
import * as users from "@/app/api/v1/accounts/[accountId]/users/route";
import * as userAttached from "@/app/api/v1/accounts/[accountId]/users/[userName]/attached-policies/route";
import * as userInlineList from "@/app/api/v1/accounts/[accountId]/users/[userName]/inline-policies/route";
import * as userInline from "@/app/api/v1/accounts/[accountId]/users/[userName]/inline-policies/[policyName]/route";
import * as userBoundary from "@/app/api/v1/accounts/[accountId]/users/[userName]/permissions-boundary/route";
import * as groups from "@/app/api/v1/accounts/[accountId]/groups/route";
import * as groupAttached from "@/app/api/v1/accounts/[accountId]/groups/[groupName]/attached-policies/route";
import * as groupInline from "@/app/api/v1/accounts/[accountId]/groups/[groupName]/inline-policies/[policyName]/route";
import { callRoute } from "@/tests/support/call-route";
import { freshAccount } from "@/tests/support/identity";
import { allow, awsPolicyArn, importTestManagedPolicies, policyOfSize } from "@/tests/support/policies";

let accountId: string;
let base: string;
beforeAll(importTestManagedPolicies);
beforeEach(async () => {
  accountId = await freshAccount();
  base = `/api/v1/accounts/${accountId}`;
});

const createPolicy = (policyName: string, policyDocument = allow("s3:GetObject")) =>
  callRoute(policies.POST, "POST", `${base}/policies`, { accountId }, { policyName, policyDocument });

describe("policies API", () => {
  it("creates, versions, switches the default and deletes a policy", async () => {
    const created = await createPolicy("Reader");
    expect(created).toMatchObject({ status: 201, body: { policyName: "Reader", defaultVersionId: "v1", versionCount: 1, awsManaged: false } });
    const params = { accountId, policyName: "Reader" };
    const v2 = await callRoute(versions.POST, "POST", `${base}/policies/Reader/versions`, params, { policyDocument: allow("s3:ListBucket") });
    expect(v2).toMatchObject({ status: 201, body: { versionId: "v2", isDefault: false, document: allow("s3:ListBucket") } });
    expect(await callRoute(versions.GET, "GET", `${base}/policies/Reader/versions`, params)).toMatchObject({
      status: 200,
      body: { items: [{ versionId: "v2" }, { versionId: "v1", isDefault: true }] },
    });
    expect(await callRoute(defaultVersion.PUT, "PUT", `${base}/policies/Reader/default-version`, params, { versionId: "v2" })).toMatchObject({
      status: 200,
      body: { defaultVersionId: "v2", document: allow("s3:ListBucket") },
    });
    const vParams = { ...params, versionId: "v2" };
    expect(await callRoute(version.DELETE, "DELETE", `${base}/policies/Reader/versions/v2`, vParams)).toMatchObject({ status: 409, body: { error: { code: "DeleteConflict" } } });
    expect(await callRoute(version.GET, "GET", `${base}/policies/Reader/versions/v1`, { ...params, versionId: "v1" })).toMatchObject({ status: 200, body: { isDefault: false } });
    expect(await callRoute(policy.DELETE, "DELETE", `${base}/policies/Reader`, params)).toMatchObject({ status: 409, body: { error: { code: "DeleteConflict" } } });
    expect(await callRoute(policy.DELETE, "DELETE", `${base}/policies/Reader?force=true`, params)).toEqual({ status: 204, body: null });
    expect((await callRoute(policy.GET, "GET", `${base}/policies/Reader`, params)).status).toBe(404);
  });

  it("answers MalformedPolicyDocument and LimitExceeded with their details", async () => {
    const bad = await createPolicy("Bad", '{"Statement": [{"Effect": "Allow"}]}');
    expect(bad).toMatchObject({ status: 400, body: { error: { code: "MalformedPolicyDocument", field: "policyDocument" } } });
    expect((bad.body as { error: { issues: unknown[] } }).error.issues.length).toBeGreaterThan(0);
    expect(await createPolicy("Huge", policyOfSize(7000))).toMatchObject({ status: 409, body: { error: { code: "LimitExceeded" } } });
    const aws = await callRoute(versions.POST, "POST", `${base}/policies/PowerUserAccess/versions`, { accountId, policyName: "PowerUserAccess" }, { policyDocument: allow("*") });
    expect(aws).toMatchObject({ status: 400, body: { error: { code: "ValidationError" } } });
  });

  it("lists with scope, attachment filter, sort and paging from the query string", async () => {
    await createPolicy("Mine");
    const local = await callRoute(policies.GET, "GET", `${base}/policies?scope=Local`, { accountId });
    expect(local).toMatchObject({ status: 200, body: { total: 1, items: [{ policyName: "Mine" }] } });
    const aws = await callRoute(policies.GET, "GET", `${base}/policies?scope=AWS&sort=updated&order=desc&pageSize=2`, { accountId });
    expect(aws).toMatchObject({ status: 200, body: { pageSize: 2 } });
    expect((aws.body as { items: unknown[] }).items).toHaveLength(2);
    expect((await callRoute(policies.GET, "GET", `${base}/policies?scope=Nope`, { accountId })).body).toMatchObject({ error: { field: "scope" } });
    expect((await callRoute(policies.GET, "GET", `${base}/policies?onlyAttached=yes`, { accountId })).body).toMatchObject({ error: { field: "onlyAttached" } });
    const none = await callRoute(policies.GET, "GET", `${base}/policies?onlyAttached=true`, { accountId });
    expect(none).toMatchObject({ status: 200, body: { total: 0, items: [] } });
    expect((await callRoute(policies.GET, "GET", `/api/v1/accounts/000000000000/policies`, { accountId: "000000000000" })).status).toBe(404);
  });

  it("attaches to users and groups, puts inline policies and boundaries, and names the entities", async () => {
    await callRoute(users.POST, "POST", `${base}/users`, { accountId }, { userName: "ann" });
    await callRoute(groups.POST, "POST", `${base}/groups`, { accountId }, { groupName: "devs" });
    const created = await createPolicy("Shared");
    const arn = (created.body as { arn: string }).arn;
    const user = { accountId, userName: "ann" };
    expect((await callRoute(userAttached.POST, "POST", `${base}/users/ann/attached-policies`, user, { policyArn: arn })).status).toBe(200);
    expect((await callRoute(groupAttached.POST, "POST", `${base}/groups/devs/attached-policies`, { accountId, groupName: "devs" }, { policyArn: arn })).status).toBe(200);
    expect((await callRoute(userBoundary.PUT, "PUT", `${base}/users/ann/permissions-boundary`, user, { policyArn: awsPolicyArn("PowerUserAccess") })).status).toBe(200);
    const put = await callRoute(userInline.PUT, "PUT", `${base}/users/ann/inline-policies/Own`, { ...user, policyName: "Own" }, { policyDocument: allow("iam:GetUser") });
    expect(put).toMatchObject({ status: 200, body: { policyName: "Own" } });
    expect(await callRoute(userInlineList.GET, "GET", `${base}/users/ann/inline-policies`, user)).toMatchObject({ status: 200, body: { items: [{ policyName: "Own" }] } });
    expect((await callRoute(userInline.GET, "GET", `${base}/users/ann/inline-policies/own`, { ...user, policyName: "own" })).status).toBe(200);
    const groupInlineParams = { accountId, groupName: "devs", policyName: "G" };
    expect((await callRoute(groupInline.PUT, "PUT", `${base}/groups/devs/inline-policies/G`, groupInlineParams, { policyDocument: allow("s3:*") })).status).toBe(200);
    expect((await callRoute(groupInline.DELETE, "DELETE", `${base}/groups/devs/inline-policies/G`, groupInlineParams)).status).toBe(204);

    expect(await callRoute(policy.GET, "GET", `${base}/policies/Shared`, { accountId, policyName: "Shared" })).toMatchObject({ body: { attachmentCount: 2 } });
    expect(await callRoute(entities.GET, "GET", `${base}/policies/Shared/entities`, { accountId, policyName: "Shared" })).toMatchObject({
      status: 200,
      body: {
        items: [
          { kind: "user", name: "ann", usage: "PermissionsPolicy" },
          { kind: "group", name: "devs", usage: "PermissionsPolicy" },
        ],
        total: 2,
        page: 1,
        pageSize: 25,
      },
    });
    const boundaryUse = await callRoute(entities.GET, "GET", `${base}/policies/PowerUserAccess/entities`, { accountId, policyName: "PowerUserAccess" });
    expect(boundaryUse.body).toMatchObject({ items: [{ kind: "user", name: "ann", usage: "PermissionsBoundary" }], total: 1 });
  });
});
