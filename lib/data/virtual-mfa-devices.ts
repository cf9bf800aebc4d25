import "server-only";
import { db } from "@/lib/db";
import { masterKey } from "@/lib/auth/master-key";
import { seal } from "@/lib/auth/sealed";
import { newTotpSecret, totpUri } from "@/lib/auth/totp";
import { alreadyExists } from "@/lib/errors";
import { MFA_ISSUER, mfaSeedContext } from "@/lib/data/create-mfa-device";
import { mfaDeviceSelect, toMfaDevice } from "@/lib/data/credential-shape";
import { findAccountOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";
import type { MfaDevice } from "@/lib/schemas/credentials";

/**
 * Virtual MFA devices as IAM's API has them: a device is created on its own, unassigned
 * (CreateVirtualMFADevice names no user), and is assigned to a user by EnableMFADevice
 * (mfa-device-serial.ts). A row without a user and not the root's is such an unassigned device;
 * the console's own flow (create-mfa-device.ts) creates the device for a user at once, still not
 * enabled. Either way a device counts as Assigned only once it is enabled.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateVirtualMFADevice.html
 */

/** A virtual device's ARN, its serial number: arn:aws:iam::ACCOUNT:mfa/PATH/NAME. */
export const virtualMfaArn = (accountId: string, path: string, name: string): string => `arn:aws:iam::${accountId}:mfa${path}${name}`;

/** CreateVirtualMFADevice's answer, given once: the seed as base32 and the otpauth:// URI it makes. */
export interface NewUnassignedMfaDevice extends MfaDevice {
  base32StringSeed: string;
  otpauthUri: string;
}

/**
 * A new unassigned virtual device: a new TOTP seed sealed under the master key, answered once.
 * The name is unique in the account whatever the path (the console's rule for device names).
 * `seed` is for tests only.
 */
export async function createVirtualMfaDevice(accountId: string, path: string, deviceName: string, seed: string = newTotpSecret()): Promise<NewUnassignedMfaDevice> {
  const arn = virtualMfaArn(accountId, path, deviceName);
  const { device, alias } = await write(async (tx, log) => {
    const account = await findAccountOrThrow(tx, accountId);
    const nameLower = deviceName.toLowerCase();
    const existing = await tx.mfaDevice.findUnique({ where: { accountId_nameLower: { accountId, nameLower } }, select: { name: true } });
    if (existing) throw alreadyExists(`MFADevice entity at the same path and name already exists: ${existing.name}.`, "virtualMFADeviceName");
    const row = await tx.mfaDevice.create({
      data: { arn, accountId, name: deviceName, nameLower, userId: null, forRoot: false, enabledAt: null, sealedSeed: seal(seed, masterKey(), mfaSeedContext(arn)) },
      select: mfaDeviceSelect,
    });
    log({ accountId, action: "CreateVirtualMFADevice", targetArn: arn, summary: `Created virtual MFA device ${deviceName} (not assigned to anyone yet).` });
    return { device: toMfaDevice(row), alias: account.alias };
  });
  // AWS's URI is otpauth://totp/$virtualMFADeviceName@$AccountName?secret=$Base32String.
  return { ...device, base32StringSeed: seed, otpauthUri: totpUri(seed, `${deviceName}@${alias}`, MFA_ISSUER) };
}

export type AssignmentStatus = "Assigned" | "Unassigned" | "Any";

/** A virtual device as ListVirtualMFADevices shows it: with its user (or the root user) once assigned. */
export interface VirtualMfaDeviceRow {
  serialNumber: string;
  nameLower: string;
  enabledAt: Date | null;
  forRoot: boolean;
  user: { path: string; name: string; id: string; arn: string; createdAt: Date; passwordLastUsedAt: Date | null } | null;
}

/**
 * The account's virtual devices by assignment status, ordered by name, read with keyset paging
 * (after the name `after`, at most `take`).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListVirtualMFADevices.html
 */
export async function listVirtualMfaDevices(accountId: string, options: { status: AssignmentStatus; after: string | null; take: number }): Promise<VirtualMfaDeviceRow[]> {
  const enabled = options.status === "Assigned" ? { enabledAt: { not: null } } : options.status === "Unassigned" ? { enabledAt: null } : {};
  const rows = await db().mfaDevice.findMany({
    where: { accountId, ...enabled, ...(options.after === null ? {} : { nameLower: { gt: options.after } }) },
    orderBy: { nameLower: "asc" },
    take: options.take,
    select: { arn: true, nameLower: true, enabledAt: true, forRoot: true, user: { select: { path: true, name: true, id: true, arn: true, createdAt: true, passwordLastUsedAt: true } } },
  });
  // A device is assigned only once enabled: the console's unfinished device is not yet its user's.
  return rows.map((row) => ({ serialNumber: row.arn, nameLower: row.nameLower, enabledAt: row.enabledAt, forRoot: row.forRoot, user: row.enabledAt ? row.user : null }));
}

/** The root user's enabled MFA devices (ListMFADevices with root credentials and no UserName). */
export async function listRootMfaDevices(accountId: string): Promise<MfaDevice[]> {
  await findAccountOrThrow(db(), accountId);
  const rows = await db().mfaDevice.findMany({ where: { accountId, forRoot: true, enabledAt: { not: null } }, select: mfaDeviceSelect, orderBy: { nameLower: "asc" } });
  return rows.map(toMfaDevice);
}
