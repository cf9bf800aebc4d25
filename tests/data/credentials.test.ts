import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAccessKey, hashSecretAccessKey, MAX_ACCESS_KEYS } from "@/lib/data/create-access-key";
import { createMfaDevice, MAX_MFA_DEVICES } from "@/lib/data/create-mfa-device";
import { createUser } from "@/lib/data/create-user";
import { deleteAccessKey } from "@/lib/data/delete-access-key";
import { deleteLoginProfile } from "@/lib/data/delete-login-profile";
import { deleteMfaDevice } from "@/lib/data/delete-mfa-device";
import { getUser } from "@/lib/data/get-user";
import { listAccessKeys } from "@/lib/data/list-access-keys";
import { listMfaDevices } from "@/lib/data/list-mfa-devices";
import { putLoginProfile } from "@/lib/data/put-login-profile";
import { updateAccessKey } from "@/lib/data/update-access-key";
import { verifyPassword } from "@/lib/passwords";
import { events, freshAccount } from "@/tests/support/identity";

let accountId: string;
beforeEach(async () => {
  accountId = await freshAccount();
  await createUser(accountId, { userName: "dev", path: "/", tags: [] });
});

const stored = () => db().user.findFirstOrThrow({ where: { accountId, nameLower: "dev" } });

describe("login profile", () => {
  it("creates then updates the console password, storing only a verifiable hash", async () => {
    const created = await putLoginProfile(accountId, "DEV", { password: "First-Passw0rd", passwordResetRequired: true });
    expect(created).toMatchObject({ userName: "dev", passwordResetRequired: true });
    const first = await stored();
    expect(first.passwordHash).not.toBe("First-Passw0rd");
    expect(await verifyPassword("First-Passw0rd", first.passwordHash ?? "")).toBe(true);

    await putLoginProfile(accountId, "dev", { password: "Second-Passw0rd" });
    const second = await stored();
    expect(await verifyPassword("Second-Passw0rd", second.passwordHash ?? "")).toBe(true);
    expect(second.passwordResetRequired).toBe(true);

    await putLoginProfile(accountId, "dev", { passwordResetRequired: false });
    expect((await getUser(accountId, "dev")).passwordResetRequired).toBe(false);
    const actions = (await events(accountId)).map((e) => e.action);
    expect(actions.filter((a) => a.endsWith("LoginProfile"))).toEqual([
      "CreateLoginProfile",
      "UpdateLoginProfile",
      "UpdateLoginProfile",
    ]);
  });

  it("never writes the password into the change log", async () => {
    await putLoginProfile(accountId, "dev", { password: "Secret-Passw0rd" });
    const all = await db().changeEvent.findMany({ where: { accountId } });
    expect(all.some((e) => e.summary.includes("Secret-Passw0rd"))).toBe(false);
  });

  it("enforces the password policy with the password field named", async () => {
    await expect(putLoginProfile(accountId, "dev", { password: "short1!" })).rejects.toMatchObject({
      code: "PasswordPolicyViolation",
      field: "password",
    });
    await expect(putLoginProfile(accountId, "dev", { password: "Dev-1234" })).resolves.toMatchObject({
      userName: "dev",
      passwordResetRequired: false,
    });
    await expect(putLoginProfile(accountId, "dev", { password: "alllowercase" })).rejects.toMatchObject({
      code: "PasswordPolicyViolation",
      field: "password",
    });
  });

  it("needs a password to create one, and deletes only an existing one", async () => {
    await expect(putLoginProfile(accountId, "dev", { passwordResetRequired: true })).rejects.toMatchObject({
      code: "ValidationError",
      field: "password",
    });
    await expect(deleteLoginProfile(accountId, "dev")).rejects.toMatchObject({ code: "NoSuchEntity" });
    await putLoginProfile(accountId, "dev", { password: "Good-Passw0rd" });
    await deleteLoginProfile(accountId, "dev");
    const user = await getUser(accountId, "dev");
    expect(user).toMatchObject({ hasPassword: false, passwordSetAt: null });
  });
});

describe("access keys", () => {
  it("shows the 40-character secret once and stores only its hash", async () => {
    const key = await createAccessKey(accountId, "dev");
    expect(key.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(key.secretAccessKey).toHaveLength(40);
    expect(key.status).toBe("Active");
    const row = await db().accessKey.findUniqueOrThrow({ where: { id: key.accessKeyId } });
    expect(row.secretHash).not.toBe(key.secretAccessKey);
    expect(row.secretHash).toBe(hashSecretAccessKey(key.secretAccessKey));

    const listed = await listAccessKeys(accountId, "dev");
    expect(listed).toEqual([{ accessKeyId: key.accessKeyId, status: "Active", createdAt: key.createdAt, lastUsedAt: null, lastUsedService: null, lastUsedRegion: null, canSign: true }]);
    expect(JSON.stringify(listed)).not.toContain(key.secretAccessKey);
    const events_ = await db().changeEvent.findMany({ where: { accountId } });
    expect(events_.some((e) => e.summary.includes(key.secretAccessKey))).toBe(false);
  });

  it("allows at most two keys per user", async () => {
    for (let i = 0; i < MAX_ACCESS_KEYS; i++) await createAccessKey(accountId, "dev");
    await expect(createAccessKey(accountId, "dev")).rejects.toMatchObject({ code: "LimitExceeded" });
    expect(await listAccessKeys(accountId, "dev")).toHaveLength(2);
  });

  it("deactivates, reactivates and deletes a key of that user only", async () => {
    const key = await createAccessKey(accountId, "dev");
    expect(await updateAccessKey(accountId, "dev", key.accessKeyId, "Inactive")).toMatchObject({ status: "Inactive" });
    expect((await listAccessKeys(accountId, "dev"))[0].status).toBe("Inactive");
    await updateAccessKey(accountId, "dev", key.accessKeyId, "Active");

    await createUser(accountId, { userName: "other", path: "/", tags: [] });
    await expect(deleteAccessKey(accountId, "other", key.accessKeyId)).rejects.toMatchObject({
      code: "NoSuchEntity",
      field: "accessKeyId",
    });
    await deleteAccessKey(accountId, "dev", key.accessKeyId);
    expect(await listAccessKeys(accountId, "dev")).toEqual([]);
    const actions = (await events(accountId)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["CreateAccessKey", "UpdateAccessKey", "DeleteAccessKey"]));
  });
});

describe("virtual MFA devices", () => {
  it("creates a device with an mfa ARN, unique in the account, not enabled until EnableMFADevice", async () => {
    const { base32StringSeed, otpauthUri, qrCodeSvg, ...device } = await createMfaDevice(accountId, "dev", "dev-phone");
    expect(device).toMatchObject({ serialNumber: `arn:aws:iam::${accountId}:mfa/dev-phone`, enabledAt: null });
    expect([base32StringSeed.length, otpauthUri.startsWith("otpauth://totp/"), qrCodeSvg.startsWith("<svg")]).toEqual([32, true, true]);
    expect(await listMfaDevices(accountId, "dev")).toEqual([device]);
    await createUser(accountId, { userName: "other", path: "/", tags: [] });
    await expect(createMfaDevice(accountId, "other", "DEV-PHONE")).rejects.toMatchObject({
      code: "EntityAlreadyExists",
      field: "deviceName",
    });
    const actions = (await events(accountId)).map((e) => e.action);
    expect(actions).toContain("CreateVirtualMFADevice");
    expect(actions).not.toContain("EnableMFADevice");
  });

  it("allows at most 8 devices per user", async () => {
    for (let i = 0; i < MAX_MFA_DEVICES; i++) await createMfaDevice(accountId, "dev", `d${i}`);
    await expect(createMfaDevice(accountId, "dev", "one-more")).rejects.toMatchObject({ code: "LimitExceeded" });
  });

  it("removes only the user's own device", async () => {
    await createMfaDevice(accountId, "dev", "dev-key");
    await createUser(accountId, { userName: "other", path: "/", tags: [] });
    await expect(deleteMfaDevice(accountId, "other", "dev-key")).rejects.toMatchObject({ code: "NoSuchEntity" });
    await deleteMfaDevice(accountId, "dev", "DEV-KEY");
    expect(await listMfaDevices(accountId, "dev")).toEqual([]);
    expect(await db().mfaDevice.count({ where: { accountId } })).toBe(0);
  });
});
