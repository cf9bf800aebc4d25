import "server-only";
import { masterKey } from "@/lib/auth/master-key";
import { open } from "@/lib/auth/sealed";
import { verifyConsecutiveTotp } from "@/lib/auth/totp";
import { alreadyExists, httpError, noSuchEntity } from "@/lib/errors";
import { mfaDeviceSelect, toMfaDevice } from "@/lib/data/credential-shape";
import { mfaSeedContext } from "@/lib/data/create-mfa-device";
import { findUserOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";
import type { EnableMfaDeviceInput, MfaDevice } from "@/lib/schemas/credentials";

/**
 * EnableMFADevice: the user's unfinished virtual device is enabled once it is given "two
 * consecutive authentication codes" of its seed. From then on the user's sign-in asks for a code,
 * and no code up to the second one is accepted again (lastUsedStep).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_EnableMFADevice.html
 */
export function enableMfaDevice(accountId: string, userName: string, deviceName: string, codes: EnableMfaDeviceInput, now: Date = new Date()): Promise<MfaDevice> {
  return write(async (tx, log) => {
    const user = await findUserOrThrow(tx, accountId, userName);
    const device = await tx.mfaDevice.findFirst({ where: { accountId, nameLower: deviceName.toLowerCase(), userId: user.id } });
    if (!device) throw noSuchEntity(`User ${user.name} has no MFA device named ${deviceName}.`, "deviceName");
    if (device.enabledAt) throw alreadyExists(`MFA device ${device.name} is already enabled for user ${user.name}.`, "deviceName");
    if (!device.sealedSeed) throw noSuchEntity(`MFA device ${device.name} has no seed; delete it and assign a new one.`, "deviceName");
    const seed = open(device.sealedSeed, masterKey(), mfaSeedContext(device.arn));
    const step = verifyConsecutiveTotp(seed, codes.authenticationCode1, codes.authenticationCode2, now.getTime());
    if (step === null) {
      throw httpError(
        "InvalidAuthenticationCode",
        "Authentication codes for the MFA device are not valid: enter two consecutive codes, the second one after the first has changed.",
        undefined,
        "authenticationCode1",
      );
    }
    const row = await tx.mfaDevice.update({ where: { arn: device.arn }, data: { enabledAt: now, lastUsedStep: step }, select: mfaDeviceSelect });
    log({ accountId, action: "EnableMFADevice", targetArn: user.arn, summary: `Enabled MFA device ${device.name} for user ${user.name}.` });
    return toMfaDevice(row);
  });
}
