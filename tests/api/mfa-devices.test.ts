import { beforeEach, describe, expect, it } from "vitest";
import * as mfa from "@/app/api/v1/accounts/[accountId]/users/[userName]/mfa-devices/route";
import * as mfaDevice from "@/app/api/v1/accounts/[accountId]/users/[userName]/mfa-devices/[deviceName]/route";
import * as enable from "@/app/api/v1/accounts/[accountId]/users/[userName]/mfa-devices/[deviceName]/enable/route";
import { masterKey } from "@/lib/auth/master-key";
import { open } from "@/lib/auth/sealed";
import { totpCode } from "@/lib/auth/totp";
import { createUser } from "@/lib/data/create-user";
import { currentMfaCode } from "@/lib/data/current-mfa-code";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { db } from "@/lib/db";
import type { NewVirtualMfaDevice } from "@/lib/schemas/credentials";
import { callRoute, type Answer } from "@/tests/support/call-route";
import { freshAccount } from "@/tests/support/identity";
import { sessionCookie } from "@/tests/support/session";

// Virtual MFA as the IAM API has it: CreateVirtualMFADevice answers the seed once (base32 and as
// a QR code of the otpauth:// URI), EnableMFADevice needs "two consecutive authentication codes",
// and only then is the device the user's for sign-in; DeactivateMFADevice and
// DeleteVirtualMFADevice remove it. The doors follow the Service Authorization Reference: the
// device actions on the mfa resource, the user actions on the user.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateVirtualMFADevice.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_EnableMFADevice.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html

const STEP_MS = 30_000;
let accountId: string;
let base: string;
let params: { accountId: string; userName: string };

beforeEach(async () => {
  accountId = await freshAccount();
  await createUser(accountId, { userName: "dev", path: "/", tags: [] });
  base = `/api/v1/accounts/${accountId}/users/dev`;
  params = { accountId, userName: "dev" };
});

const create = (deviceName: string, as?: string) => callRoute(mfa.POST, "POST", `${base}/mfa-devices`, params, { deviceName }, as);
const enableWith = (deviceName: string, authenticationCode1: string, authenticationCode2: string, as?: string) =>
  callRoute(enable.POST, "POST", `${base}/mfa-devices/${deviceName}/enable`, { ...params, deviceName }, { authenticationCode1, authenticationCode2 }, as);
const remove = (deviceName: string, as?: string) => callRoute(mfaDevice.DELETE, "DELETE", `${base}/mfa-devices/${deviceName}`, { ...params, deviceName }, undefined, as);
const list = (as?: string) => callRoute(mfa.GET, "GET", `${base}/mfa-devices`, params, undefined, as);
const errorOf = (answer: Answer) => (answer.body as { error: { code: string; message: string; field?: string; denied?: { action: string; resource: string } } }).error;
const changes = async () => (await db().changeEvent.findMany({ where: { accountId }, orderBy: { id: "asc" } })).map((event) => event.action);

/** Two consecutive codes of `seed`: the previous step's and the current one's. */
const consecutive = (seed: string, now = Date.now()) => [totpCode(seed, now - STEP_MS), totpCode(seed, now)] as const;

describe("CreateVirtualMFADevice", () => {
  it("answers the seed once, as base32, as an otpauth:// URI and as a QR code, and stores it sealed", async () => {
    const answer = await create("dev-phone");
    expect(answer.status).toBe(201);
    const device = answer.body as NewVirtualMfaDevice;
    expect(device).toMatchObject({ serialNumber: `arn:aws:iam::${accountId}:mfa/dev-phone`, name: "dev-phone", enabledAt: null });
    expect(device.base32StringSeed).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(device.otpauthUri);
    expect([uri.protocol, uri.host, uri.searchParams.get("secret"), uri.searchParams.get("algorithm"), uri.searchParams.get("digits"), uri.searchParams.get("period")]).toEqual([
      "otpauth:", "totp", device.base32StringSeed, "SHA1", "6", "30",
    ]);
    expect(decodeURIComponent(uri.pathname)).toContain("dev@");
    expect(device.qrCodeSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(device.qrCodeSvg).not.toMatch(/<script|on\w+=/i);

    const row = await db().mfaDevice.findUniqueOrThrow({ where: { arn: device.serialNumber } });
    expect(row.sealedSeed).not.toContain(device.base32StringSeed);
    expect(open(row.sealedSeed ?? "", masterKey(), `mfa:${device.serialNumber}`)).toBe(device.base32StringSeed);

    // Never again: not in the list, not in the change log, not in the audit trail.
    const listed = await list();
    expect(listed).toMatchObject({ status: 200, body: { items: [{ name: "dev-phone", enabledAt: null }] } });
    expect(JSON.stringify(listed.body)).not.toContain(device.base32StringSeed);
    const trails = JSON.stringify([await db().changeEvent.findMany({ where: { accountId } }), await db().auditEvent.findMany({ where: { accountId } })]);
    expect(trails).not.toContain(device.base32StringSeed);
  });

  it("refuses a name already used in the account and a name AWS does not allow", async () => {
    expect((await create("dev-phone")).status).toBe(201);
    expect(await create("DEV-PHONE")).toMatchObject({ status: 409, body: { error: { code: "EntityAlreadyExists", field: "deviceName" } } });
    expect(await create("has space")).toMatchObject({ status: 400, body: { error: { field: "deviceName" } } });
  });
});

describe("EnableMFADevice", () => {
  it("enables the device with two consecutive codes, and no code up to the second can be used again", async () => {
    const device = (await create("dev-phone")).body as NewVirtualMfaDevice;
    const now = Date.now();
    const [code1, code2] = consecutive(device.base32StringSeed, now);
    const answer = await enableWith("dev-phone", code1, code2);
    expect(answer).toMatchObject({ status: 200, body: { name: "dev-phone" } });
    expect((answer.body as { enabledAt: string | null }).enabledAt).not.toBeNull();
    const row = await db().mfaDevice.findUniqueOrThrow({ where: { arn: device.serialNumber } });
    expect(row.lastUsedStep).toBe(Math.floor(now / STEP_MS));
    expect(await changes()).toEqual(expect.arrayContaining(["CreateVirtualMFADevice", "EnableMFADevice"]));
    expect(await enableWith("dev-phone", code1, code2)).toMatchObject({ status: 409, body: { error: { code: "EntityAlreadyExists" } } });
    // The audit trail records the attempt without the codes.
    const audit = await db().auditEvent.findFirstOrThrow({ where: { accountId, eventName: "EnableMFADevice" } });
    expect(audit.requestParameters).not.toContain(code1);
  });

  it("refuses codes that are not two consecutive codes of the device", async () => {
    const device = (await create("dev-phone")).body as NewVirtualMfaDevice;
    const [code1, code2] = consecutive(device.base32StringSeed);
    for (const [first, second] of [[code2, code1], [code2, code2], ["000000", "000000"]]) {
      const answer = await enableWith("dev-phone", first, second);
      expect(answer.status).toBe(403);
      expect(errorOf(answer)).toMatchObject({ code: "InvalidAuthenticationCode", field: "authenticationCode1" });
    }
    const other = (await create("other-phone")).body as NewVirtualMfaDevice;
    const [wrong1, wrong2] = consecutive(other.base32StringSeed);
    expect(errorOf(await enableWith("dev-phone", wrong1, wrong2)).code).toBe("InvalidAuthenticationCode");
    expect(await enableWith("dev-phone", "12345", "abcdef")).toMatchObject({ status: 400, body: { error: { code: "ValidationError" } } });
    expect((await db().mfaDevice.findUniqueOrThrow({ where: { arn: device.serialNumber } })).enabledAt).toBeNull();
  });

  it("gives the operator's command the device's current code once it is enabled", async () => {
    const device = (await create("dev-phone")).body as NewVirtualMfaDevice;
    await expect(currentMfaCode(accountId, "dev")).rejects.toMatchObject({ code: "NoSuchEntity" });
    const [code1, code2] = consecutive(device.base32StringSeed);
    await enableWith("dev-phone", code1, code2);
    const now = new Date();
    expect(await currentMfaCode(accountId, "dev", undefined, now)).toMatchObject({ deviceName: "dev-phone", code: totpCode(device.base32StringSeed, now.getTime()) });
  });
});

describe("removing a device", () => {
  it("deletes an unfinished device (DeleteVirtualMFADevice only) and deactivates an enabled one first", async () => {
    await create("unfinished");
    expect((await remove("unfinished")).status).toBe(204);
    expect((await changes()).slice(-2)).toEqual(["CreateVirtualMFADevice", "DeleteVirtualMFADevice"]);

    const device = (await create("enabled")).body as NewVirtualMfaDevice;
    const [code1, code2] = consecutive(device.base32StringSeed);
    await enableWith("enabled", code1, code2);
    expect((await remove("enabled")).status).toBe(204);
    expect((await changes()).slice(-2)).toEqual(["DeactivateMFADevice", "DeleteVirtualMFADevice"]);
    expect(await remove("enabled")).toMatchObject({ status: 404, body: { error: { code: "NoSuchEntity", field: "deviceName" } } });
  });
});

describe("the doors", () => {
  it("names each action on its resource type: the device for Create/DeleteVirtualMFADevice, the user for Enable/Deactivate/ListMFADevices", async () => {
    await createUser(accountId, { userName: "nobody", path: "/", tags: [] });
    const nobody = await sessionCookie({ accountId, userName: "nobody" });
    const user = `arn:aws:iam::${accountId}:user/dev`;
    const device = `arn:aws:iam::${accountId}:mfa/dev-phone`;
    expect(errorOf(await list(nobody)).denied).toMatchObject({ action: "iam:ListMFADevices", resource: user });
    expect(errorOf(await create("dev-phone", nobody)).denied).toMatchObject({ action: "iam:CreateVirtualMFADevice", resource: device });

    const created = (await create("dev-phone")).body as NewVirtualMfaDevice;
    expect(errorOf(await remove("dev-phone", nobody)).denied).toMatchObject({ action: "iam:DeleteVirtualMFADevice", resource: device });
    const [code1, code2] = consecutive(created.base32StringSeed);
    expect(errorOf(await enableWith("dev-phone", code1, code2, nobody)).denied).toMatchObject({ action: "iam:EnableMFADevice", resource: user });
    expect((await enableWith("dev-phone", code1, code2)).status).toBe(200);
    expect(errorOf(await remove("dev-phone", nobody)).denied).toMatchObject({ action: "iam:DeactivateMFADevice", resource: user });
  });

  it("lets users manage their own device with AWS's self-service policy (${aws:username})", async () => {
    await putInlinePolicy(
      "user",
      accountId,
      "dev",
      "SelfManageMfa",
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Action: ["iam:CreateVirtualMFADevice", "iam:DeleteVirtualMFADevice"], Resource: "arn:aws:iam::*:mfa/${aws:username}-*" },
          { Effect: "Allow", Action: ["iam:EnableMFADevice", "iam:ListMFADevices"], Resource: "arn:aws:iam::*:user/${aws:username}" },
        ],
      }),
    );
    const self = await sessionCookie({ accountId, userName: "dev" });
    const device = (await create("dev-phone", self)).body as NewVirtualMfaDevice;
    expect(device.name).toBe("dev-phone");
    expect((await create("someone-else", self)).status).toBe(403);
    const [code1, code2] = consecutive(device.base32StringSeed);
    expect((await enableWith("dev-phone", code1, code2, self)).status).toBe(200);
    expect((await list(self)).status).toBe(200);
  });
});
