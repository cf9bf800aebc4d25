import "server-only";
import { db } from "@/lib/db";
import { masterKey } from "@/lib/auth/master-key";
import { open } from "@/lib/auth/sealed";
import { totpCode } from "@/lib/auth/totp";
import { noSuchEntity } from "@/lib/errors";
import { mfaSeedContext } from "@/lib/data/create-mfa-device";
import { findUserOrThrow } from "@/lib/data/lookup";

/**
 * The code a user's enabled virtual MFA device shows at `now`, for the operator's command line
 * (`npm run --silent iam -- totp`): the device named, or the user's first enabled one.
 */
export async function currentMfaCode(accountId: string, userName: string, deviceName?: string, now: Date = new Date()): Promise<{ deviceName: string; serialNumber: string; code: string; validForSeconds: number }> {
  const user = await findUserOrThrow(db(), accountId, userName);
  const device = await db().mfaDevice.findFirst({
    where: { userId: user.id, enabledAt: { not: null }, sealedSeed: { not: null }, ...(deviceName ? { nameLower: deviceName.toLowerCase() } : {}) },
    orderBy: { enabledAt: "asc" },
    select: { arn: true, name: true, sealedSeed: true },
  });
  if (!device?.sealedSeed) {
    throw noSuchEntity(deviceName ? `User ${user.name} has no enabled virtual MFA device named ${deviceName}.` : `User ${user.name} has no enabled virtual MFA device.`, "user");
  }
  const seed = open(device.sealedSeed, masterKey(), mfaSeedContext(device.arn));
  const seconds = Math.floor(now.getTime() / 1000);
  return { deviceName: device.name, serialNumber: device.arn, code: totpCode(seed, now.getTime()), validForSeconds: 30 - (seconds % 30) };
}
