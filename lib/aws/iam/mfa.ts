import "server-only";
import QRCode from "qrcode";
import { z } from "@/lib/schemas/zod";
import { iamPath, userName } from "@/lib/schemas/common";
import type { MfaDevice } from "@/lib/schemas/credentials";
import { accountRootArn } from "@/lib/arn";
import { onUser, op, principalTarget } from "@/lib/api/operations";
import { listMfaDevices } from "@/lib/data/list-mfa-devices";
import { deactivateMfaDevice, deleteVirtualMfaDevice, enableMfaDeviceBySerial } from "@/lib/data/mfa-device-serial";
import { createVirtualMfaDevice, listRootMfaDevices, listVirtualMfaDevices, virtualMfaArn, type VirtualMfaDeviceRow } from "@/lib/data/virtual-mfa-devices";
import { accountOf, awsOperation, type SomeAwsOperation } from "@/lib/aws/operation";
import { pagingFields } from "@/lib/aws/inputs";
import { page, pageOfAll, paging } from "@/lib/aws/paging";
import { when } from "@/lib/aws/shapes";
import { onSubject, subjectName } from "@/lib/aws/iam/credential-caller";

/**
 * IAM's virtual MFA device operations (IAM API Reference: CreateVirtualMFADevice,
 * EnableMFADevice, DeactivateMFADevice, ListMFADevices, ListVirtualMFADevices,
 * DeleteVirtualMFADevice), authorized as the Service Authorization Reference has them (the
 * console's lib/api/mfa-operations.ts): CreateVirtualMFADevice and DeleteVirtualMFADevice on the
 * device (resource type mfa), EnableMFADevice, DeactivateMFADevice and ListMFADevices on the user.
 * Devices are named by their serial number, the device's ARN. Codes never reach the audit trail:
 * it hides parameters named like code (lib/api/audit-shape.ts).
 */

/** VirtualMFADeviceName: 1 to 226 of [\w+=,.@-] (the console's device-name rule). */
const deviceName = z
  .string()
  .min(1, "VirtualMFADeviceName cannot be empty.")
  .max(226, "VirtualMFADeviceName must be at most 226 characters.")
  .regex(/^[\w+=,.@-]+$/, "VirtualMFADeviceName may contain only letters, digits and + = , . @ _ - (no spaces).");

/** SerialNumber: 9 to 256 of [\w+=/:,.@-]; a virtual device's is its ARN. */
const serialNumber = z
  .string()
  .min(9, "SerialNumber must be at least 9 characters.")
  .max(256, "SerialNumber must be at most 256 characters.")
  .regex(/^[\w+=/:,.@-]+$/, "SerialNumber must be the device's serial number (a virtual device's ARN).");

/** AuthenticationCode1/2: the six digits an authenticator app shows. */
const code = (name: string) => z.string().regex(/^\d{6}$/, `${name} must be the 6 digits the authenticator app shows.`);

/**
 * Base32StringSeed and QRCodePNG are blobs: AWS answers them base64-encoded (the SDKs decode
 * them to bytes): the seed's base32 text, and a PNG of the otpauth:// URI.
 */
const blob = (bytes: Buffer): string => bytes.toString("base64");

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateVirtualMFADevice.html */
const createVirtualMfaDeviceOperation = awsOperation({
  service: "iam",
  action: "CreateVirtualMFADevice",
  input: z.object({
    VirtualMFADeviceName: deviceName,
    Path: iamPath,
    // The console keeps no tags on MFA devices: refused rather than silently dropped (an empty list, `Tags=`, is none).
    Tags: z.unknown().optional().refine((tags) => tags === undefined || tags === "", "Tags on MFA devices are not supported by this console; create the device without Tags."),
  }),
  authorize: (input, caller) => op(accountOf(caller), "iam:CreateVirtualMFADevice", virtualMfaArn(accountOf(caller), input.Path, input.VirtualMFADeviceName)),
  run: async (input, caller) => {
    const device = await createVirtualMfaDevice(accountOf(caller), input.Path, input.VirtualMFADeviceName);
    const png = await QRCode.toBuffer(device.otpauthUri, { type: "png", errorCorrectionLevel: "M", margin: 2 });
    return { VirtualMFADevice: { SerialNumber: device.serialNumber, Base32StringSeed: blob(Buffer.from(device.base32StringSeed, "utf8")), QRCodePNG: blob(png) } };
  },
});

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_EnableMFADevice.html */
const enableMfaDeviceOperation = awsOperation({
  service: "iam",
  action: "EnableMFADevice",
  input: z.object({ UserName: userName, SerialNumber: serialNumber, AuthenticationCode1: code("AuthenticationCode1"), AuthenticationCode2: code("AuthenticationCode2") }),
  authorize: (input, caller) => onUser({ accountId: accountOf(caller), userName: input.UserName }, "iam:EnableMFADevice"),
  run: async (input, caller) => {
    await enableMfaDeviceBySerial(accountOf(caller), input.UserName, input.SerialNumber, { authenticationCode1: input.AuthenticationCode1, authenticationCode2: input.AuthenticationCode2 });
    return null;
  },
});

/** Without UserName: the caller's own device (the root user's for root credentials). https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeactivateMFADevice.html */
const deactivateMfaDeviceOperation = awsOperation({
  service: "iam",
  action: "DeactivateMFADevice",
  input: z.object({ UserName: userName.optional(), SerialNumber: serialNumber }),
  authorize: (input, caller) => onSubject(caller, subjectName(input.UserName, caller), "iam:DeactivateMFADevice"),
  run: async (input, caller) => {
    await deactivateMfaDevice(accountOf(caller), subjectName(input.UserName, caller), input.SerialNumber);
    return null;
  },
});

/** The MFADevice data type. */
const deviceOut = (device: MfaDevice, owner: string | null) => ({ UserName: owner ?? undefined, SerialNumber: device.serialNumber, EnableDate: when(device.enabledAt) });

/**
 * The user's assigned devices only: the console's unfinished ones (created, not yet enabled) are
 * not assigned in IAM's sense.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListMFADevices.html
 */
const listMfaDevicesOperation = awsOperation({
  service: "iam",
  action: "ListMFADevices",
  readOnly: true,
  input: z.object({ UserName: userName.optional(), ...pagingFields }),
  authorize: (input, caller) => onSubject(caller, subjectName(input.UserName, caller), "iam:ListMFADevices"),
  run: async (input, caller) => {
    const account = accountOf(caller);
    const name = subjectName(input.UserName, caller);
    const devices = name === null ? await listRootMfaDevices(account) : (await listMfaDevices(account, name)).filter((device) => device.enabledAt !== null);
    const owner = name === null ? null : (await principalTarget("user", account, name)).name;
    const { items, IsTruncated, Marker } = pageOfAll(devices, paging(input), (device) => device.name.toLowerCase());
    return { MFADevices: items.map((device) => deviceOut(device, owner)), IsTruncated, Marker };
  },
});

/** The User data type of an assigned device's holder; the root user as GetUser answers it. */
function holderOut(row: VirtualMfaDeviceRow, account: string) {
  if (row.user) {
    const user = row.user;
    return { Path: user.path, UserName: user.name, UserId: user.id, Arn: user.arn, CreateDate: user.createdAt, PasswordLastUsed: user.passwordLastUsedAt ?? undefined };
  }
  return row.forRoot && row.enabledAt ? { UserId: account, Arn: accountRootArn(account), CreateDate: new Date(0) } : undefined;
}

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListVirtualMFADevices.html */
const listVirtualMfaDevicesOperation = awsOperation({
  service: "iam",
  action: "ListVirtualMFADevices",
  readOnly: true,
  input: z.object({ AssignmentStatus: z.enum(["Assigned", "Unassigned", "Any"], 'AssignmentStatus must be "Assigned", "Unassigned" or "Any".').default("Any"), ...pagingFields }),
  // ListVirtualMFADevices has no resource type in the Service Authorization Reference: its resource is "*".
  authorize: (_input, caller) => op(accountOf(caller), "iam:ListVirtualMFADevices", "*"),
  run: async (input, caller) => {
    const account = accountOf(caller);
    const paged = paging(input);
    const rows = await listVirtualMfaDevices(account, { status: input.AssignmentStatus, after: paged.after, take: paged.take + 1 });
    const { items, IsTruncated, Marker } = page(rows, paged, (row) => row.nameLower);
    return {
      VirtualMFADevices: items.map((row) => ({ SerialNumber: row.serialNumber, User: holderOut(row, account), EnableDate: row.enabledAt ?? undefined })),
      IsTruncated,
      Marker,
    };
  },
});

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteVirtualMFADevice.html */
const deleteVirtualMfaDeviceOperation = awsOperation({
  service: "iam",
  action: "DeleteVirtualMFADevice",
  input: z.object({ SerialNumber: serialNumber }),
  authorize: (input, caller) => op(accountOf(caller), "iam:DeleteVirtualMFADevice", input.SerialNumber),
  run: async (input, caller) => {
    await deleteVirtualMfaDevice(accountOf(caller), input.SerialNumber);
    return null;
  },
});

export const mfaOperations: SomeAwsOperation[] = [
  createVirtualMfaDeviceOperation,
  enableMfaDeviceOperation,
  deactivateMfaDeviceOperation,
  listMfaDevicesOperation,
  listVirtualMfaDevicesOperation,
  deleteVirtualMfaDeviceOperation,
];
