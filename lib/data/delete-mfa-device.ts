import "server-only";
import { noSuchEntity } from "@/lib/errors";
import { findUserOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";

/**
 * Removes one of the user's virtual MFA devices: an enabled one is deactivated
 * (DeactivateMFADevice) and deleted (DeleteVirtualMFADevice); an unfinished one is only deleted.
 */
export function deleteMfaDevice(accountId: string, userName: string, deviceName: string): Promise<void> {
  return write(async (tx, log) => {
    const user = await findUserOrThrow(tx, accountId, userName);
    const device = await tx.mfaDevice.findFirst({ where: { accountId, nameLower: deviceName.toLowerCase(), userId: user.id } });
    if (!device) throw noSuchEntity(`User ${user.name} has no MFA device named ${deviceName}.`, "deviceName");
    await tx.mfaDevice.delete({ where: { arn: device.arn } });
    if (device.enabledAt) {
      log({ accountId, action: "DeactivateMFADevice", targetArn: user.arn, summary: `Deactivated MFA device ${device.name} of user ${user.name}.` });
    }
    log({ accountId, action: "DeleteVirtualMFADevice", targetArn: device.arn, summary: `Deleted virtual MFA device ${device.name}.` });
  });
}
