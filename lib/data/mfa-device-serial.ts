import "server-only";
import { accountRootArn } from "@/lib/arn";
import { alreadyExists, deleteConflict, limitExceeded, noSuchEntity } from "@/lib/errors";
import { GIVE_UP_AFTER_MS } from "@/lib/data/busy";
import { MAX_MFA_DEVICES } from "@/lib/data/create-mfa-device";
import { enableMfaDevice } from "@/lib/data/enable-mfa-device";
import { findUserOrThrow } from "@/lib/data/lookup";
import { write, writeAll } from "@/lib/data/write";
import type { EnableMfaDeviceInput, MfaDevice } from "@/lib/schemas/credentials";

/**
 * IAM's API names a virtual MFA device by its serial number (its ARN) and lets any unassigned
 * device be enabled for a user, deactivated back to unassigned, and deleted once unassigned.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_EnableMFADevice.html
 */

const noDevice = (serialNumber: string) => noSuchEntity(`VirtualMFADevice with serial number ${serialNumber} doesn't exist.`, "serialNumber");

/**
 * EnableMFADevice: the device is given to the user (if it is not already the user's unfinished
 * device) and enabled by the console's own enableMfaDevice, which checks the two consecutive
 * codes and logs the change; both in one transaction, so wrong codes leave the device as it was.
 */
export function enableMfaDeviceBySerial(accountId: string, userName: string, serialNumber: string, codes: EnableMfaDeviceInput): Promise<MfaDevice> {
  return writeAll(async (tx) => {
    const user = await findUserOrThrow(tx, accountId, userName);
    const device = await tx.mfaDevice.findFirst({ where: { arn: serialNumber, accountId }, select: { arn: true, name: true, userId: true, enabledAt: true } });
    if (!device) throw noDevice(serialNumber);
    if (device.enabledAt) throw alreadyExists("MFA Device is already in use.", "serialNumber");
    if (device.userId !== user.id) {
      const count = await tx.mfaDevice.count({ where: { userId: user.id } });
      if (count >= MAX_MFA_DEVICES) throw limitExceeded(`User ${user.name} already has ${count} MFA devices, the most AWS allows. Remove one first.`, "userName");
      await tx.mfaDevice.update({ where: { arn: device.arn }, data: { userId: user.id, forRoot: false } });
    }
    return enableMfaDevice(accountId, user.name, device.name, codes);
  }, GIVE_UP_AFTER_MS);
}

/**
 * DeactivateMFADevice: the user's (or, with `userName` null, the root user's) enabled device goes
 * back to unassigned. It keeps its seed and the last step used, so it can be enabled again but
 * no code it already accepted is accepted again.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeactivateMFADevice.html
 */
export function deactivateMfaDevice(accountId: string, userName: string | null, serialNumber: string): Promise<void> {
  return write(async (tx, log) => {
    const user = userName === null ? null : await findUserOrThrow(tx, accountId, userName);
    const owner = user ? { userId: user.id } : { forRoot: true };
    const device = await tx.mfaDevice.findFirst({ where: { arn: serialNumber, accountId, enabledAt: { not: null }, ...owner }, select: { arn: true, name: true } });
    if (!device) throw noSuchEntity(`${user ? `User ${user.name}` : "The root user"} has no enabled MFA device with serial number ${serialNumber}.`, "serialNumber");
    await tx.mfaDevice.update({ where: { arn: device.arn }, data: { userId: null, forRoot: false, enabledAt: null } });
    log({
      accountId,
      action: "DeactivateMFADevice",
      targetArn: user?.arn ?? accountRootArn(accountId),
      summary: `Deactivated MFA device ${device.name} of ${user ? `user ${user.name}` : "the root user"}.`,
    });
  });
}

/**
 * DeleteVirtualMFADevice: only an unassigned device; one still enabled for someone is AWS's
 * DeleteConflict ("You must deactivate a user's virtual MFA device before you can delete it").
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteVirtualMFADevice.html
 */
export function deleteVirtualMfaDevice(accountId: string, serialNumber: string): Promise<void> {
  return write(async (tx, log) => {
    const device = await tx.mfaDevice.findFirst({ where: { arn: serialNumber, accountId }, select: { arn: true, name: true, enabledAt: true, forRoot: true, user: { select: { name: true } } } });
    if (!device) throw noDevice(serialNumber);
    if (device.enabledAt) {
      const holder = device.user ? `user ${device.user.name}` : "the root user";
      throw deleteConflict(`VirtualMFADevice ${device.name} is still assigned to ${holder}. Deactivate it first (DeactivateMFADevice).`, "serialNumber");
    }
    await tx.mfaDevice.delete({ where: { arn: device.arn } });
    log({ accountId, action: "DeleteVirtualMFADevice", targetArn: device.arn, summary: `Deleted virtual MFA device ${device.name}.` });
  });
}
