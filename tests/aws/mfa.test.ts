import { describe, expect, it } from "vitest";
import { Secret, TOTP } from "otpauth";
import {
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  DeleteConflictException,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  EntityAlreadyExistsException,
  InvalidAuthenticationCodeException,
  ListMFADevicesCommand,
  ListVirtualMFADevicesCommand,
  NoSuchEntityException,
  type IAMClient,
} from "@aws-sdk/client-iam";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { createMfaDevice } from "@/lib/data/create-mfa-device";
import { listMfaDevices } from "@/lib/data/list-mfa-devices";
import { events, freshAccount } from "@/tests/support/identity";
import { iamClient, rootCredentials, userCredentials } from "@/tests/support/aws";
import { auditOf, denied, failure } from "@/tests/aws/credentials-support";

const HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS";
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Two consecutive codes of the seed: the previous 30-second step's and the current one's. */
function consecutiveCodes(base32: string, now = Date.now()): [string, string] {
  const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(base32) });
  return [totp.generate({ timestamp: now - 30_000 }), totp.generate({ timestamp: now })];
}

/** A new virtual device and its seed as the SDK hands it back (bytes, decoded from base64). */
async function newDevice(iam: IAMClient, name: string, path?: string) {
  const answer = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name, Path: path }));
  const device = answer.VirtualMFADevice;
  return { serial: device?.SerialNumber ?? "", seed: new TextDecoder().decode(device?.Base32StringSeed), png: device?.QRCodePNG };
}

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateVirtualMFADevice.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListVirtualMFADevices.html
describe("CreateVirtualMFADevice and ListVirtualMFADevices through the AWS endpoint", () => {
  it("creates an unassigned device whose seed and QR code the SDK decodes, lists it, logs it", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    const device = await newDevice(iam, "dana-phone", "/team/");
    expect(device.serial).toBe(`arn:aws:iam::${account}:mfa/team/dana-phone`);
    // Base32StringSeed decodes to the seed's base32 text; QRCodePNG to a PNG image.
    expect(device.seed).toMatch(/^[A-Z2-7]{32}$/);
    expect(device.png).toBeInstanceOf(Uint8Array);
    expect([...(device.png ?? new Uint8Array()).slice(0, 8)]).toEqual(PNG_SIGNATURE);
    const unassigned = await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: "Unassigned" }));
    expect(unassigned.VirtualMFADevices).toEqual([{ SerialNumber: device.serial }]);
    expect((await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: "Assigned" }))).VirtualMFADevices).toEqual([]);
    expect((await events(account)).filter((e) => e.action === "CreateVirtualMFADevice")).toEqual([
      { action: "CreateVirtualMFADevice", targetArn: device.serial, summary: "Created virtual MFA device dana-phone (not assigned to anyone yet)." },
    ]);
    expect(await auditOf(account, "CreateVirtualMFADevice")).toMatchObject([{ errorCode: null, resourceArn: device.serial, responseElements: null }]);
    const again = await failure(iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: "DANA-PHONE" })));
    expect(again).toBeInstanceOf(EntityAlreadyExistsException);
    const bad = await failure(iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: "has space" })));
    expect(bad).toMatchObject({ name: "ValidationError", message: "VirtualMFADeviceName: VirtualMFADeviceName may contain only letters, digits and + = , . @ _ - (no spaces)." });
    // The console keeps no tags on devices: refused, not silently dropped.
    const tagged = await failure(iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: "tagged", Tags: [{ Key: "team", Value: "blue" }] })));
    expect(tagged).toMatchObject({ name: "ValidationError", message: "Tags: Tags on MFA devices are not supported by this console; create the device without Tags." });
  });

  it("pages ListVirtualMFADevices with MaxItems and Marker", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    for (const name of ["d0", "d1", "d2", "d3", "d4"]) await newDevice(iam, name);
    const serials: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const answer = await iam.send(new ListVirtualMFADevicesCommand({ MaxItems: 2, Marker: marker }));
      serials.push(...(answer.VirtualMFADevices ?? []).map((device) => device.SerialNumber ?? ""));
      marker = answer.IsTruncated ? answer.Marker : undefined;
      pages++;
    } while (marker);
    expect(pages).toBe(3);
    expect(serials).toEqual(["d0", "d1", "d2", "d3", "d4"].map((name) => `arn:aws:iam::${account}:mfa/${name}`));
  });
});

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_EnableMFADevice.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListMFADevices.html
describe("EnableMFADevice and ListMFADevices through the AWS endpoint", () => {
  it("assigns the device to the user with two consecutive codes, lists it, logs it and audits it with the codes hidden", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "Dana", Path: "/eng/" }));
    const device = await newDevice(iam, "dana-phone");
    const [code1, code2] = consecutiveCodes(device.seed);
    await iam.send(new EnableMFADeviceCommand({ UserName: "dana", SerialNumber: device.serial, AuthenticationCode1: code1, AuthenticationCode2: code2 }));
    const listed = await iam.send(new ListMFADevicesCommand({ UserName: "dana" }));
    expect(listed.IsTruncated).toBe(false);
    expect(listed.MFADevices).toHaveLength(1);
    expect(listed.MFADevices?.[0]).toMatchObject({ UserName: "Dana", SerialNumber: device.serial });
    expect(listed.MFADevices?.[0]?.EnableDate).toBeInstanceOf(Date);
    const assigned = await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: "Assigned" }));
    expect(assigned.VirtualMFADevices).toHaveLength(1);
    expect(assigned.VirtualMFADevices?.[0]).toMatchObject({ SerialNumber: device.serial, User: { UserName: "Dana", Path: "/eng/", Arn: `arn:aws:iam::${account}:user/eng/Dana` } });
    expect(assigned.VirtualMFADevices?.[0]?.User?.UserId).toMatch(/^AIDA/);
    expect(assigned.VirtualMFADevices?.[0]?.EnableDate).toBeInstanceOf(Date);
    expect((await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: "Unassigned" }))).VirtualMFADevices).toEqual([]);
    expect((await events(account)).filter((e) => e.action === "EnableMFADevice")).toEqual([
      { action: "EnableMFADevice", targetArn: `arn:aws:iam::${account}:user/eng/Dana`, summary: "Enabled MFA device dana-phone for user Dana." },
    ]);
    const audited = await auditOf(account, "EnableMFADevice");
    expect(audited).toHaveLength(1);
    expect(JSON.parse(audited[0].requestParameters ?? "null")).toEqual({ userName: "dana", serialNumber: device.serial, authenticationCode1: HIDDEN, authenticationCode2: HIDDEN });
    expect(JSON.stringify(audited[0])).not.toContain(device.seed);
    // The same device again: already in use.
    const [again1, again2] = consecutiveCodes(device.seed);
    const twice = await failure(iam.send(new EnableMFADeviceCommand({ UserName: "dana", SerialNumber: device.serial, AuthenticationCode1: again1, AuthenticationCode2: again2 })));
    expect(twice).toBeInstanceOf(EntityAlreadyExistsException);
    expect(twice.message).toBe("MFA Device is already in use.");
  });

  it("enables a device the console created for the user (not yet enabled, so unassigned in IAM's terms)", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "dana" }));
    const made = await createMfaDevice(account, "dana", "console-phone");
    expect((await iam.send(new ListMFADevicesCommand({ UserName: "dana" }))).MFADevices).toEqual([]);
    expect((await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: "Unassigned" }))).VirtualMFADevices).toEqual([{ SerialNumber: made.serialNumber }]);
    const [code1, code2] = consecutiveCodes(made.base32StringSeed);
    await iam.send(new EnableMFADeviceCommand({ UserName: "dana", SerialNumber: made.serialNumber, AuthenticationCode1: code1, AuthenticationCode2: code2 }));
    expect((await iam.send(new ListMFADevicesCommand({ UserName: "dana" }))).MFADevices?.map((d) => d.SerialNumber)).toEqual([made.serialNumber]);
    // The console's own list sees it enabled.
    expect((await listMfaDevices(account, "dana")).map((d) => [d.name, d.enabledAt !== null])).toEqual([["console-phone", true]]);
  });

  it("answers InvalidAuthenticationCode for codes that are not two consecutive ones, leaving the device unassigned", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "dana" }));
    const device = await newDevice(iam, "dana-phone");
    const [code1, code2] = consecutiveCodes(device.seed);
    const swapped = await failure(iam.send(new EnableMFADeviceCommand({ UserName: "dana", SerialNumber: device.serial, AuthenticationCode1: code2, AuthenticationCode2: code1 })));
    expect(swapped).toBeInstanceOf(InvalidAuthenticationCodeException);
    expect(swapped.$metadata.httpStatusCode).toBe(403);
    const unassigned = await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: "Unassigned" }));
    expect(unassigned.VirtualMFADevices?.map((d) => d.SerialNumber)).toEqual([device.serial]);
    expect((await iam.send(new ListMFADevicesCommand({ UserName: "dana" }))).MFADevices).toEqual([]);
    const notDigits = await failure(iam.send(new EnableMFADeviceCommand({ UserName: "dana", SerialNumber: device.serial, AuthenticationCode1: "12345", AuthenticationCode2: code2 })));
    expect(notDigits).toMatchObject({ name: "ValidationError", message: "AuthenticationCode1: AuthenticationCode1 must be the 6 digits the authenticator app shows." });
    const unknown = await failure(iam.send(new EnableMFADeviceCommand({ UserName: "dana", SerialNumber: `arn:aws:iam::${account}:mfa/nothing`, AuthenticationCode1: code1, AuthenticationCode2: code2 })));
    expect(unknown).toBeInstanceOf(NoSuchEntityException);
    expect(unknown.message).toBe(`VirtualMFADevice with serial number arn:aws:iam::${account}:mfa/nothing doesn't exist.`);
    await expect(iam.send(new EnableMFADeviceCommand({ UserName: "nobody", SerialNumber: device.serial, AuthenticationCode1: code1, AuthenticationCode2: code2 }))).rejects.toBeInstanceOf(NoSuchEntityException);
    expect((await events(account)).some((e) => e.action === "EnableMFADevice")).toBe(false);
    const audited = await auditOf(account, "EnableMFADevice");
    expect(audited.map((row) => row.errorCode)).toEqual(["InvalidAuthenticationCode", "NoSuchEntity", "NoSuchEntity"]);
    const text = audited.map((row) => JSON.stringify(row)).join();
    for (const code of [code1, code2]) expect(text).not.toContain(`"${code}"`);
  });
});

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeactivateMFADevice.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteVirtualMFADevice.html
describe("DeactivateMFADevice and DeleteVirtualMFADevice through the AWS endpoint", () => {
  it("refuses to delete an assigned device (DeleteConflict), deactivates it back to unassigned, then deletes it", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "dana" }));
    const device = await newDevice(iam, "dana-phone");
    const [code1, code2] = consecutiveCodes(device.seed);
    await iam.send(new EnableMFADeviceCommand({ UserName: "dana", SerialNumber: device.serial, AuthenticationCode1: code1, AuthenticationCode2: code2 }));
    const conflict = await failure(iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.serial })));
    expect(conflict).toBeInstanceOf(DeleteConflictException);
    expect(conflict).toMatchObject({ $metadata: { httpStatusCode: 409 }, message: "VirtualMFADevice dana-phone is still assigned to user dana. Deactivate it first (DeactivateMFADevice)." });
    await iam.send(new DeactivateMFADeviceCommand({ UserName: "dana", SerialNumber: device.serial }));
    expect((await iam.send(new ListMFADevicesCommand({ UserName: "dana" }))).MFADevices).toEqual([]);
    expect((await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: "Unassigned" }))).VirtualMFADevices).toEqual([{ SerialNumber: device.serial }]);
    const notEnabled = await failure(iam.send(new DeactivateMFADeviceCommand({ UserName: "dana", SerialNumber: device.serial })));
    expect(notEnabled).toBeInstanceOf(NoSuchEntityException);
    expect(notEnabled.message).toBe(`User dana has no enabled MFA device with serial number ${device.serial}.`);
    await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.serial }));
    expect((await iam.send(new ListVirtualMFADevicesCommand({}))).VirtualMFADevices).toEqual([]);
    const gone = await failure(iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.serial })));
    expect(gone).toBeInstanceOf(NoSuchEntityException);
    expect((await events(account)).filter((e) => e.action === "DeactivateMFADevice" || e.action === "DeleteVirtualMFADevice")).toEqual([
      { action: "DeactivateMFADevice", targetArn: `arn:aws:iam::${account}:user/dana`, summary: "Deactivated MFA device dana-phone of user dana." },
      { action: "DeleteVirtualMFADevice", targetArn: device.serial, summary: "Deleted virtual MFA device dana-phone." },
    ]);
    expect((await auditOf(account, "DeleteVirtualMFADevice")).map((row) => row.errorCode)).toEqual(["DeleteConflict", null, "NoSuchEntity"]);
    expect((await auditOf(account, "DeactivateMFADevice")).map((row) => row.errorCode)).toEqual([null, "NoSuchEntity"]);
  });

  it("lets a user manage its own device without naming itself, and lists the root user's devices for root credentials", async () => {
    const account = await freshAccount();
    const root = iamClient(await rootCredentials(account));
    await root.send(new CreateUserCommand({ UserName: "erin" }));
    // The User Guide's self-service MFA policy, with ${aws:username}.
    await putInlinePolicy(
      "user",
      account,
      "erin",
      "own-mfa",
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Action: ["iam:CreateVirtualMFADevice", "iam:DeleteVirtualMFADevice"], Resource: "arn:aws:iam::*:mfa/*" },
          { Effect: "Allow", Action: ["iam:EnableMFADevice", "iam:DeactivateMFADevice", "iam:ListMFADevices"], Resource: "arn:aws:iam::*:user/${aws:username}" },
        ],
      }),
    );
    const erin = iamClient(await userCredentials(account, "erin"));
    const device = await newDevice(erin, "erin-phone");
    const [code1, code2] = consecutiveCodes(device.seed);
    await erin.send(new EnableMFADeviceCommand({ UserName: "erin", SerialNumber: device.serial, AuthenticationCode1: code1, AuthenticationCode2: code2 }));
    expect((await erin.send(new ListMFADevicesCommand({}))).MFADevices?.map((d) => [d.UserName, d.SerialNumber])).toEqual([["erin", device.serial]]);
    await erin.send(new DeactivateMFADeviceCommand({ SerialNumber: device.serial }));
    expect((await erin.send(new ListMFADevicesCommand({}))).MFADevices).toEqual([]);
    await erin.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.serial }));
    // The root user has no device of its own here.
    expect((await root.send(new ListMFADevicesCommand({}))).MFADevices).toEqual([]);
  });
});

describe("MFA operations refused with AccessDenied in AWS's words", () => {
  it("names the action, the resource and the reason for a user without permission, and audits the attempts", async () => {
    const account = await freshAccount();
    const root = iamClient(await rootCredentials(account));
    await root.send(new CreateUserCommand({ UserName: "dana" }));
    await root.send(new CreateUserCommand({ UserName: "erin" }));
    const device = await newDevice(root, "dana-phone");
    const erin = iamClient(await userCredentials(account, "erin"));
    const [code1, code2] = consecutiveCodes(device.seed);
    const danaArn = `arn:aws:iam::${account}:user/dana`;
    const cases: [Promise<unknown>, string, string][] = [
      [erin.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: "erin-phone" })), "iam:CreateVirtualMFADevice", `arn:aws:iam::${account}:mfa/erin-phone`],
      [erin.send(new EnableMFADeviceCommand({ UserName: "dana", SerialNumber: device.serial, AuthenticationCode1: code1, AuthenticationCode2: code2 })), "iam:EnableMFADevice", danaArn],
      [erin.send(new DeactivateMFADeviceCommand({ UserName: "dana", SerialNumber: device.serial })), "iam:DeactivateMFADevice", danaArn],
      [erin.send(new ListMFADevicesCommand({})), "iam:ListMFADevices", `arn:aws:iam::${account}:user/erin`],
      [erin.send(new ListVirtualMFADevicesCommand({})), "iam:ListVirtualMFADevices", "*"],
      [erin.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: device.serial })), "iam:DeleteVirtualMFADevice", device.serial],
    ];
    for (const [call, action, resource] of cases) {
      const refused = await failure(call);
      expect(refused).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
      expect(refused.message).toBe(denied(account, "erin", action, resource));
    }
    const enable = await auditOf(account, "EnableMFADevice");
    expect(enable).toMatchObject([{ userName: "erin", errorCode: "AccessDenied" }]);
    expect(JSON.parse(enable[0].requestParameters ?? "null")).toMatchObject({ authenticationCode1: HIDDEN, authenticationCode2: HIDDEN });
    expect(await auditOf(account, "ListVirtualMFADevices")).toMatchObject([{ errorCode: "AccessDenied", readOnly: true }]);
    expect((await root.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: "Unassigned" }))).VirtualMFADevices).toEqual([{ SerialNumber: device.serial }]);
  });
});
