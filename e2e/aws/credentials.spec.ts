import { Secret, TOTP } from "otpauth";
import {
  ChangePasswordCommand,
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  DeleteAccessKeyCommand,
  DeleteLoginProfileCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GetAccessKeyLastUsedCommand,
  GetLoginProfileCommand,
  ListAccessKeysCommand,
  ListMFADevicesCommand,
  ListVirtualMFADevicesCommand,
  UpdateAccessKeyCommand,
  UpdateLoginProfileCommand,
} from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { IamApi } from "../support/iam-api";
import { adminKeys, iamAt, PROD_ACCOUNT, stsAt, uniqueName, userKeys, expect, test } from "../support/aws";

// API-only: the real IAM and STS clients against the E2E server's /aws, for a user's credentials
// (IAM API Reference: CreateAccessKey, UpdateAccessKey, DeleteAccessKey, ListAccessKeys,
// GetAccessKeyLastUsed, Create/Get/Update/DeleteLoginProfile, ChangePassword,
// CreateVirtualMFADevice, EnableMFADevice, DeactivateMFADevice, ListMFADevices,
// ListVirtualMFADevices, DeleteVirtualMFADevice).

const PASSWORD = "Correct-Horse-Battery-9x!";
const NEW_PASSWORD = "Battery-Staple-Horse-7y?";
const failure = (call: Promise<unknown>) =>
  call.then(
    () => {
      throw new Error("The call succeeded; it should have failed.");
    },
    (err: unknown) => err as { name: string; message: string; $metadata: { httpStatusCode?: number } },
  );

test.describe("a user's credentials through the AWS endpoint", () => {
  test("CreateAccessKey makes a key that signs; Inactive it cannot (InvalidClientTokenId); ListAccessKeys, GetAccessKeyLastUsed, DeleteAccessKey", async ({ request, baseURL }) => {
    const admin = await adminKeys(request, "aws-keys");
    const iam = iamAt(baseURL, admin);
    const userName = uniqueName("aws-dana");
    await iam.send(new CreateUserCommand({ UserName: userName }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: userName }))).AccessKey;
    expect(key).toMatchObject({ UserName: userName, Status: "Active" });
    const credentials = { accessKeyId: key?.AccessKeyId ?? "", secretAccessKey: key?.SecretAccessKey ?? "" };
    expect((await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key?.AccessKeyId }))).AccessKeyLastUsed).toEqual({ ServiceName: "N/A", Region: "N/A" });
    const sts = stsAt(baseURL, credentials);
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:iam::${PROD_ACCOUNT}:user/${userName}`);
    const used = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key?.AccessKeyId }));
    expect(used).toMatchObject({ UserName: userName, AccessKeyLastUsed: { ServiceName: "sts", Region: "us-east-1" } });
    expect(used.AccessKeyLastUsed?.LastUsedDate).toBeInstanceOf(Date);
    await iam.send(new UpdateAccessKeyCommand({ UserName: userName, AccessKeyId: key?.AccessKeyId, Status: "Inactive" }));
    expect((await iam.send(new ListAccessKeysCommand({ UserName: userName }))).AccessKeyMetadata).toEqual([
      { UserName: userName, AccessKeyId: key?.AccessKeyId, Status: "Inactive", CreateDate: key?.CreateDate },
    ]);
    expect(await failure(sts.send(new GetCallerIdentityCommand({})))).toMatchObject({ name: "InvalidClientTokenId", $metadata: { httpStatusCode: 403 } });
    await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
    expect(await failure(iam.send(new CreateAccessKeyCommand({ UserName: userName })))).toMatchObject({ name: "LimitExceededException" });
    await iam.send(new DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: key?.AccessKeyId }));
    expect((await iam.send(new ListAccessKeysCommand({ UserName: userName }))).AccessKeyMetadata?.map((k) => k.AccessKeyId)).not.toContain(key?.AccessKeyId);
    // The admin's own keys, without naming itself.
    expect((await iam.send(new ListAccessKeysCommand({}))).AccessKeyMetadata?.map((k) => k.AccessKeyId)).toEqual([admin.accessKeyId]);
  });

  test("login profiles: Create, Get, Update, Delete, and the user's own ChangePassword", async ({ request, baseURL }) => {
    const admin = await adminKeys(request, "aws-login");
    const iam = iamAt(baseURL, admin);
    const userName = uniqueName("aws-erin");
    await iam.send(new CreateUserCommand({ UserName: userName }));
    expect(await failure(iam.send(new GetLoginProfileCommand({ UserName: userName })))).toMatchObject({
      name: "NoSuchEntityException",
      message: `Login Profile for User ${userName} cannot be found.`,
    });
    const created = await iam.send(new CreateLoginProfileCommand({ UserName: userName, Password: PASSWORD, PasswordResetRequired: true }));
    expect(created.LoginProfile).toMatchObject({ UserName: userName, PasswordResetRequired: true });
    expect(await failure(iam.send(new CreateLoginProfileCommand({ UserName: userName, Password: PASSWORD })))).toMatchObject({ name: "EntityAlreadyExistsException" });
    expect(await failure(iam.send(new UpdateLoginProfileCommand({ UserName: userName, Password: "abc" })))).toMatchObject({ name: "PasswordPolicyViolationException" });
    await iam.send(new UpdateLoginProfileCommand({ UserName: userName, PasswordResetRequired: false }));
    expect((await iam.send(new GetLoginProfileCommand({ UserName: userName }))).LoginProfile?.PasswordResetRequired).toBe(false);
    // The user changes its own password with its own key (AdministratorAccess allows iam:ChangePassword).
    await new IamApi(request).attachUserPolicy(userName, "arn:aws:iam::aws:policy/AdministratorAccess");
    const own = iamAt(baseURL, await userKeys(request, userName));
    await own.send(new ChangePasswordCommand({ OldPassword: PASSWORD, NewPassword: NEW_PASSWORD }));
    expect((await iam.send(new GetLoginProfileCommand({ UserName: userName }))).LoginProfile?.UserName).toBe(userName);
    await iam.send(new DeleteLoginProfileCommand({ UserName: userName }));
    expect(await failure(iam.send(new GetLoginProfileCommand({ UserName: userName })))).toMatchObject({ name: "NoSuchEntityException" });
  });

  test("virtual MFA: CreateVirtualMFADevice, EnableMFADevice with two consecutive codes, list, DeleteConflict, deactivate, delete", async ({ request, baseURL }) => {
    const admin = await adminKeys(request, "aws-mfa");
    const iam = iamAt(baseURL, admin);
    const userName = uniqueName("aws-fay");
    await iam.send(new CreateUserCommand({ UserName: userName }));
    const device = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: uniqueName("phone") }))).VirtualMFADevice;
    const serial = device?.SerialNumber ?? "";
    expect(serial).toMatch(new RegExp(`^arn:aws:iam::${PROD_ACCOUNT}:mfa/phone-`));
    const seed = new TextDecoder().decode(device?.Base32StringSeed);
    expect(seed).toMatch(/^[A-Z2-7]+$/);
    expect([...(device?.QRCodePNG ?? new Uint8Array()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(seed) });
    const now = Date.now();
    const wrong = await failure(
      iam.send(new EnableMFADeviceCommand({ UserName: userName, SerialNumber: serial, AuthenticationCode1: totp.generate({ timestamp: now }), AuthenticationCode2: totp.generate({ timestamp: now - 30_000 }) })),
    );
    expect(wrong).toMatchObject({ name: "InvalidAuthenticationCodeException", $metadata: { httpStatusCode: 403 } });
    await iam.send(new EnableMFADeviceCommand({ UserName: userName, SerialNumber: serial, AuthenticationCode1: totp.generate({ timestamp: now - 30_000 }), AuthenticationCode2: totp.generate({ timestamp: now }) }));
    expect((await iam.send(new ListMFADevicesCommand({ UserName: userName }))).MFADevices?.map((d) => [d.UserName, d.SerialNumber])).toEqual([[userName, serial]]);
    const assigned: string[] = [];
    let marker: string | undefined;
    do {
      const answer = await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: "Assigned", Marker: marker }));
      for (const entry of answer.VirtualMFADevices ?? []) if (entry.SerialNumber === serial) assigned.push(entry.User?.UserName ?? "");
      marker = answer.IsTruncated ? answer.Marker : undefined;
    } while (marker);
    expect(assigned).toEqual([userName]);
    expect(await failure(iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial })))).toMatchObject({ name: "DeleteConflictException" });
    await iam.send(new DeactivateMFADeviceCommand({ UserName: userName, SerialNumber: serial }));
    expect((await iam.send(new ListMFADevicesCommand({ UserName: userName }))).MFADevices).toEqual([]);
    await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial }));
    expect(await failure(iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial })))).toMatchObject({ name: "NoSuchEntityException" });
  });
});
