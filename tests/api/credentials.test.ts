import { beforeEach, describe, expect, it } from "vitest";
import * as users from "@/app/api/v1/accounts/[accountId]/users/route";
import * as user from "@/app/api/v1/accounts/[accountId]/users/[userName]/route";
import * as loginProfile from "@/app/api/v1/accounts/[accountId]/users/[userName]/login-profile/route";
import * as keys from "@/app/api/v1/accounts/[accountId]/users/[userName]/access-keys/route";
import * as key from "@/app/api/v1/accounts/[accountId]/users/[userName]/access-keys/[accessKeyId]/route";
import * as mfa from "@/app/api/v1/accounts/[accountId]/users/[userName]/mfa-devices/route";
import * as mfaDevice from "@/app/api/v1/accounts/[accountId]/users/[userName]/mfa-devices/[deviceName]/route";
import { callRoute } from "@/tests/support/call-route";
import { freshAccount } from "@/tests/support/identity";

let accountId: string;
let base: string;
let params: { accountId: string; userName: string };
beforeEach(async () => {
  accountId = await freshAccount();
  base = `/api/v1/accounts/${accountId}/users/dev`;
  params = { accountId, userName: "dev" };
  await callRoute(users.POST, "POST", `/api/v1/accounts/${accountId}/users`, { accountId }, { userName: "dev" });
});

describe("credentials API", () => {
  it("sets a console password with PUT, refuses weak ones with 400, deletes with 204", async () => {
    const weak = await callRoute(loginProfile.PUT, "PUT", `${base}/login-profile`, params, { password: "password" });
    expect(weak).toMatchObject({ status: 400, body: { error: { code: "PasswordPolicyViolation", field: "password" } } });
    expect((weak.body as { error: { message: string } }).error.message).toMatch(/three of/);

    const set = await callRoute(loginProfile.PUT, "PUT", `${base}/login-profile`, params, {
      password: "Str0ng-Enough",
      passwordResetRequired: true,
    });
    expect(set).toMatchObject({ status: 200, body: { userName: "dev", passwordResetRequired: true } });
    expect(JSON.stringify(set.body)).not.toContain("Str0ng-Enough");
    const got = await callRoute(user.GET, "GET", base, params);
    expect(got.body).toMatchObject({ hasPassword: true, passwordResetRequired: true });

    expect((await callRoute(loginProfile.DELETE, "DELETE", `${base}/login-profile`, params)).status).toBe(204);
    expect((await callRoute(loginProfile.DELETE, "DELETE", `${base}/login-profile`, params)).status).toBe(404);
  });

  it("returns the secret only from the create (201), never from the list", async () => {
    const created = await callRoute(keys.POST, "POST", `${base}/access-keys`, params);
    expect(created.status).toBe(201);
    const { accessKeyId, secretAccessKey } = created.body as { accessKeyId: string; secretAccessKey: string };
    expect(secretAccessKey).toHaveLength(40);
    const listed = await callRoute(keys.GET, "GET", `${base}/access-keys`, params);
    expect(listed).toMatchObject({ status: 200, body: { items: [{ accessKeyId, status: "Active" }] } });
    expect(JSON.stringify(listed.body)).not.toContain(secretAccessKey);

    await callRoute(keys.POST, "POST", `${base}/access-keys`, params);
    const third = await callRoute(keys.POST, "POST", `${base}/access-keys`, params);
    expect(third).toMatchObject({ status: 409, body: { error: { code: "LimitExceeded" } } });

    const keyParams = { ...params, accessKeyId };
    const patched = await callRoute(key.PATCH, "PATCH", `${base}/access-keys/${accessKeyId}`, keyParams, { status: "Inactive" });
    expect(patched).toMatchObject({ status: 200, body: { accessKeyId, status: "Inactive" } });
    const badStatus = await callRoute(key.PATCH, "PATCH", `${base}/access-keys/${accessKeyId}`, keyParams, { status: "Off" });
    expect(badStatus).toMatchObject({ status: 400, body: { error: { field: "status" } } });
    expect((await callRoute(key.DELETE, "DELETE", `${base}/access-keys/${accessKeyId}`, keyParams)).status).toBe(204);
    const again = await callRoute(key.DELETE, "DELETE", `${base}/access-keys/${accessKeyId}`, keyParams);
    expect(again).toMatchObject({ status: 404, body: { error: { code: "NoSuchEntity", field: "accessKeyId" } } });
  });

  it("assigns (201), lists and removes (204) a virtual MFA device", async () => {
    const created = await callRoute(mfa.POST, "POST", `${base}/mfa-devices`, params, { deviceName: "dev-phone" });
    expect(created).toMatchObject({ status: 201, body: { serialNumber: `arn:aws:iam::${accountId}:mfa/dev-phone`, name: "dev-phone" } });
    const dup = await callRoute(mfa.POST, "POST", `${base}/mfa-devices`, params, { deviceName: "dev-phone" });
    expect(dup).toMatchObject({ status: 409, body: { error: { code: "EntityAlreadyExists", field: "deviceName" } } });
    const bad = await callRoute(mfa.POST, "POST", `${base}/mfa-devices`, params, { deviceName: "has space" });
    expect(bad).toMatchObject({ status: 400, body: { error: { field: "deviceName" } } });
    const listed = await callRoute(mfa.GET, "GET", `${base}/mfa-devices`, params);
    expect(listed).toMatchObject({ status: 200, body: { items: [{ name: "dev-phone" }] } });
    const removed = await callRoute(mfaDevice.DELETE, "DELETE", `${base}/mfa-devices/dev-phone`, { ...params, deviceName: "dev-phone" });
    expect(removed.status).toBe(204);
  });
});
