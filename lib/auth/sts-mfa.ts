import "server-only";
import { db } from "@/lib/db";
import { httpError, type IamError } from "@/lib/errors";
import type { Identity } from "@/lib/auth/identity";
import { acceptMfaCode } from "@/lib/auth/sign-in";
import { checkThrottles, clearThrottle, recordFailures, type ThrottleKey } from "@/lib/auth/throttle-store";

/**
 * STS's MFA check (AssumeRole's and GetSessionToken's SerialNumber and TokenCode): the code must
 * be a fresh one of the caller's own enabled virtual MFA device, verified as console sign-in
 * verifies it (lib/auth/sign-in.ts): RFC 6238 through lib/auth/totp.ts, one step of drift either
 * way, and each step's code accepted once (the device's lastUsedStep, shared with sign-in). Wrong
 * codes are throttled per device as sign-in's failures are per principal (lib/auth/throttle.ts):
 * whoever holds a user's access key cannot try a million codes.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_configure-api-require.html
 */

/** STS's words when the serial number is no device of the caller's. */
export const MFA_UNKNOWN_DEVICE =
  "MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial number is valid and associated with this user.";
/** STS's words for a wrong (or already used) code. */
export const MFA_INVALID_CODE = "MultiFactorAuthentication failed with invalid MFA one time pass code.";

const throttleKey = (deviceArn: string): ThrottleKey => ({ key: `sts-mfa:${deviceArn}`, kind: "principal" });

/** The caller's own device of that serial number (ARN): a user's, or its account root's; a role session has none. */
async function callersDevice(identity: Identity, serialNumber: string) {
  if (identity.role) return null;
  const device = await db().mfaDevice.findUnique({ where: { arn: serialNumber }, select: { arn: true, userId: true, accountId: true, forRoot: true, enabledAt: true, sealedSeed: true, lastUsedStep: true } });
  if (!device || device.enabledAt === null || device.sealedSeed === null) return null;
  const { signedIn } = identity;
  const owned = signedIn.type === "IAMUser" ? device.userId === signedIn.userId : device.forRoot && device.accountId === signedIn.accountId;
  return owned ? { ...device, sealedSeed: device.sealedSeed } : null;
}

function throttled(until: number, now: number, locked: boolean): IamError {
  if (locked) {
    const at = new Date(until).toISOString().replace(/\.\d{3}Z$/, "Z");
    return httpError("AccessDenied", `Too many wrong MFA codes: this MFA device cannot authenticate STS requests until ${at}.`);
  }
  const seconds = Math.max(1, Math.ceil((until - now) / 1000));
  return httpError("Throttling", `Too many wrong MFA codes. Wait ${seconds} second${seconds === 1 ? "" : "s"} before trying again.`, { "Retry-After": String(seconds) });
}

/**
 * Verifies `tokenCode` against the caller's device `serialNumber` at `now`; throws AccessDenied
 * in STS's words when it is not a fresh code of one of the caller's enabled devices.
 */
export async function verifyStsMfa(identity: Identity, serialNumber: string, tokenCode: string, now: Date): Promise<void> {
  const device = await callersDevice(identity, serialNumber);
  if (!device) throw httpError("AccessDenied", MFA_UNKNOWN_DEVICE);
  const t = now.getTime();
  const keys = [throttleKey(device.arn)];
  const gate = await checkThrottles(keys, t);
  if (!gate.allowed) throw throttled(gate.until, t, gate.reason === "locked");
  // One device: its code accepted once, its step shared with console sign-in (lib/auth/sign-in.ts).
  const accepted = await acceptMfaCode([device], tokenCode, t);
  if (!accepted) {
    await recordFailures(keys, t);
    throw httpError("AccessDenied", MFA_INVALID_CODE);
  }
  await clearThrottle(keys[0].key);
}
