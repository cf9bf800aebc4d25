import "server-only";
import { mfaDeviceArn } from "@/lib/arn";
import { alreadyExists, limitExceeded } from "@/lib/errors";
import { mfaDeviceSelect, toMfaDevice } from "@/lib/data/credential-shape";
import { findUserOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";
import type { MfaDevice } from "@/lib/schemas/credentials";

/** "IAM and AWS STS quotas": at most 8 MFA devices per user. */
export const MAX_MFA_DEVICES = 8;

/**
 * CreateVirtualMFADevice then EnableMFADevice for the user, as the console's "Assign MFA device"
 * does. The device name is unique in the account (its ARN is arn:aws:iam::ACCOUNT:mfa/NAME).
 */
export function createMfaDevice(accountId: string, userName: string, deviceName: string): Promise<MfaDevice> {
  return write(async (tx, log) => {
    const user = await findUserOrThrow(tx, accountId, userName);
    const nameLower = deviceName.toLowerCase();
    const existing = await tx.mfaDevice.findUnique({
      where: { accountId_nameLower: { accountId, nameLower } },
      select: { name: true },
    });
    if (existing) {
      throw alreadyExists(
        `An MFA device named ${existing.name} already exists in account ${accountId}.`,
        "deviceName",
      );
    }
    const count = await tx.mfaDevice.count({ where: { userId: user.id } });
    if (count >= MAX_MFA_DEVICES) {
      throw limitExceeded(
        `User ${user.name} already has ${count} MFA devices, the most AWS allows. Remove one first.`,
        "deviceName",
      );
    }
    const arn = mfaDeviceArn(accountId, deviceName);
    const row = await tx.mfaDevice.create({
      data: { arn, accountId, name: deviceName, nameLower, userId: user.id, enabledAt: new Date() },
      select: mfaDeviceSelect,
    });
    log({
      accountId,
      action: "CreateVirtualMFADevice",
      targetArn: arn,
      summary: `Created virtual MFA device ${deviceName}.`,
    });
    log({
      accountId,
      action: "EnableMFADevice",
      targetArn: user.arn,
      summary: `Assigned MFA device ${deviceName} to user ${user.name}.`,
    });
    return toMfaDevice(row);
  });
}
