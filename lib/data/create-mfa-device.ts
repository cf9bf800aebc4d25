import "server-only";
import { mfaDeviceArn } from "@/lib/arn";
import { masterKey } from "@/lib/auth/master-key";
import { seal } from "@/lib/auth/sealed";
import { newTotpSecret, totpQrSvg, totpUri } from "@/lib/auth/totp";
import { alreadyExists, limitExceeded } from "@/lib/errors";
import { mfaDeviceSelect, toMfaDevice } from "@/lib/data/credential-shape";
import { findUserOrThrow } from "@/lib/data/lookup";
import { write } from "@/lib/data/write";
import type { NewVirtualMfaDevice } from "@/lib/schemas/credentials";

/** "IAM and AWS STS quotas": at most 8 MFA devices per user. */
export const MAX_MFA_DEVICES = 8;

/** What an authenticator app shows above the codes. */
export const MFA_ISSUER = "IAM Console";

/** The sealed seed's context: a seed copied onto another device's row does not open. */
export const mfaSeedContext = (arn: string): string => `mfa:${arn}`;

/**
 * CreateVirtualMFADevice, for a user: a new TOTP seed (160 random bits), stored sealed under the
 * master key, answered once as base32, as the otpauth:// URI and as its QR code. The device is
 * the user's but not enabled: it counts for nothing until EnableMFADevice is given two
 * consecutive codes (enable-mfa-device.ts), and can be deleted meanwhile. The device name is
 * unique in the account (its ARN is arn:aws:iam::ACCOUNT:mfa/NAME). `seed` is for the seed and
 * tests only; the console always generates one.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateVirtualMFADevice.html
 */
export async function createMfaDevice(accountId: string, userName: string, deviceName: string, seed: string = newTotpSecret()): Promise<NewVirtualMfaDevice> {
  const arn = mfaDeviceArn(accountId, deviceName);
  const { device, label } = await write(async (tx, log) => {
    const user = await findUserOrThrow(tx, accountId, userName);
    const nameLower = deviceName.toLowerCase();
    const existing = await tx.mfaDevice.findUnique({ where: { accountId_nameLower: { accountId, nameLower } }, select: { name: true } });
    if (existing) throw alreadyExists(`An MFA device named ${existing.name} already exists in account ${accountId}.`, "deviceName");
    const count = await tx.mfaDevice.count({ where: { userId: user.id } });
    if (count >= MAX_MFA_DEVICES) {
      throw limitExceeded(`User ${user.name} already has ${count} MFA devices, the most AWS allows. Remove one first.`, "deviceName");
    }
    const account = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: { alias: true } });
    const row = await tx.mfaDevice.create({
      data: { arn, accountId, name: deviceName, nameLower, userId: user.id, enabledAt: null, sealedSeed: seal(seed, masterKey(), mfaSeedContext(arn)) },
      select: mfaDeviceSelect,
    });
    log({ accountId, action: "CreateVirtualMFADevice", targetArn: arn, summary: `Created virtual MFA device ${deviceName} for user ${user.name} (not enabled yet).` });
    return { device: toMfaDevice(row), label: `${user.name}@${account.alias}` };
  });
  const otpauthUri = totpUri(seed, label, MFA_ISSUER);
  return { ...device, base32StringSeed: seed, otpauthUri, qrCodeSvg: await totpQrSvg(otpauthUri) };
}
