import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as roles from "@/app/api/v1/accounts/[accountId]/roles/route";
import * as role from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/route";
import * as trustPolicy from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/trust-policy/route";
import * as roleTags from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/tags/route";
import * as boundary from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/permissions-boundary/route";
import * as attached from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/attached-policies/route";
import * as inline from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/inline-policies/[policyName]/route";
import { callRoute } from "@/tests/support/call-route";
import { freshAccount } from "@/tests/support/identity";
import { allow, awsPolicyArn, importTestManagedPolicies, trusting } from "@/tests/support/policies";

let accountId: string;
let base: string;
beforeAll(importTestManagedPolicies);
beforeEach(async () => {
  accountId = await freshAccount();
  base = `/api/v1/accounts/${accountId}/roles`;
});

const createRole = (roleName: string, extra: object = {}) =>
  callRoute(roles.POST, "POST", base, { accountId }, { roleName, trustPolicy: trusting(`arn:aws:iam::${accountId}:root`), ...extra });

describe("roles API", () => {
  it("creates (201), gets, lists, updates and deletes (204) a role", async () => {
    const created = await createRole("Deploy", { description: "CI", tags: [{ key: "env", value: "prod" }] });
    expect(created).toMatchObject({ status: 201, body: { roleName: "Deploy", description: "CI", maxSessionDuration: 3600, tags: [{ key: "env", value: "prod" }] } });
    expect(await callRoute(role.GET, "GET", `${base}/deploy`, { accountId, roleName: "deploy" })).toMatchObject({ status: 200, body: { roleName: "Deploy" } });
    const list = await callRoute(roles.GET, "GET", `${base}?search=DEP`, { accountId });
    expect(list).toMatchObject({ status: 200, body: { total: 1, page: 1, pageSize: 25, items: [{ roleName: "Deploy", attachedPolicyCount: 0 }] } });
    const patched = await callRoute(role.PATCH, "PATCH", `${base}/Deploy`, { accountId, roleName: "Deploy" }, { maxSessionDuration: 7200 });
    expect(patched).toMatchObject({ status: 200, body: { maxSessionDuration: 7200 } });
    expect(await callRoute(role.DELETE, "DELETE", `${base}/Deploy`, { accountId, roleName: "Deploy" })).toEqual({ status: 204, body: null });
    expect(await callRoute(role.GET, "GET", `${base}/Deploy`, { accountId, roleName: "Deploy" })).toMatchObject({
      status: 404,
      body: { error: { code: "NoSuchEntity", field: "roleName" } },
    });
  });

  it("answers 400 with the issues for a malformed trust policy, 409 for duplicates and limits", async () => {
    const bad = await createRole("Bad", { trustPolicy: allow("s3:*") });
    expect(bad.status).toBe(400);
    const error = (bad.body as { error: { code: string; field: string; issues: { path: string; range?: object }[] } }).error;
    expect(error).toMatchObject({ code: "MalformedPolicyDocument", field: "trustPolicy" });
    // Every problem, each placed in the document for the editor's markers.
    expect(error.issues).toMatchObject([
      { code: "ResourceNotAllowed", path: "Statement[0].Resource", range: { startLine: 1, startColumn: 72, endLine: 1, endColumn: 86 } },
      { code: "MissingPrincipal", path: "Statement[0].Principal", range: { startLine: 1, startColumn: 38, endLine: 1, endColumn: 39 } },
    ]);
    expect(await createRole("Bad", { maxSessionDuration: 60 })).toMatchObject({ status: 400, body: { error: { code: "ValidationError", field: "maxSessionDuration" } } });
    await createRole("Twin");
    expect(await createRole("TWIN")).toMatchObject({ status: 409, body: { error: { code: "EntityAlreadyExists" } } });
  });

  it("replaces the trust policy, manages tags, boundary, attached and inline policies", async () => {
    await createRole("Ops");
    const params = { accountId, roleName: "Ops" };
    const text = trusting("arn:aws:iam::210987654321:root");
    expect(await callRoute(trustPolicy.PUT, "PUT", `${base}/Ops/trust-policy`, params, { policyDocument: text })).toMatchObject({ status: 200, body: { trustPolicy: text } });
    expect(await callRoute(roleTags.PUT, "PUT", `${base}/Ops/tags`, params, { tags: [{ key: "team", value: "sre" }] })).toEqual({
      status: 200,
      body: { items: [{ key: "team", value: "sre" }] },
    });
    expect((await callRoute(roleTags.DELETE, "DELETE", `${base}/Ops/tags?keys=team`, params)).status).toBe(204);
    expect(await callRoute(roleTags.GET, "GET", `${base}/Ops/tags`, params)).toEqual({ status: 200, body: { items: [] } });

    const arn = awsPolicyArn("PowerUserAccess");
    expect(await callRoute(boundary.PUT, "PUT", `${base}/Ops/permissions-boundary`, params, { policyArn: arn })).toEqual({
      status: 200,
      body: { permissionsBoundary: { arn, name: "PowerUserAccess" } },
    });
    expect((await callRoute(boundary.DELETE, "DELETE", `${base}/Ops/permissions-boundary`, params)).status).toBe(204);

    expect(await callRoute(attached.POST, "POST", `${base}/Ops/attached-policies`, params, { policyArn: arn })).toEqual({
      status: 200,
      body: { policyName: "PowerUserAccess", arn, awsManaged: true },
    });
    expect(await callRoute(attached.GET, "GET", `${base}/Ops/attached-policies`, params)).toMatchObject({ status: 200, body: { items: [{ arn }] } });
    expect(await callRoute(attached.DELETE, "DELETE", `${base}/Ops/attached-policies?policyArn=${encodeURIComponent(arn)}`, params)).toEqual({ status: 204, body: null });
    expect((await callRoute(attached.DELETE, "DELETE", `${base}/Ops/attached-policies?policyArn=${encodeURIComponent(arn)}`, params)).status).toBe(404);
    expect((await callRoute(attached.POST, "POST", `${base}/Ops/attached-policies`, params, { policyArn: "not-an-arn" })).status).toBe(400);

    const inlineParams = { ...params, policyName: "Logs" };
    expect(await callRoute(inline.PUT, "PUT", `${base}/Ops/inline-policies/Logs`, inlineParams, { policyDocument: allow("logs:*") })).toMatchObject({
      status: 200,
      body: { policyName: "Logs", document: allow("logs:*") },
    });
    expect((await callRoute(inline.PUT, "PUT", `${base}/Ops/inline-policies/bad name`, { ...params, policyName: "bad name" }, { policyDocument: allow("logs:*") })).body).toMatchObject({
      error: { code: "ValidationError", field: "policyName" },
    });
    expect(await callRoute(role.DELETE, "DELETE", `${base}/Ops`, params)).toMatchObject({ status: 409, body: { error: { code: "DeleteConflict" } } });
    expect((await callRoute(role.DELETE, "DELETE", `${base}/Ops?force=true`, params)).status).toBe(204);
  });
});
