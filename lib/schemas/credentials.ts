import { z } from "./zod";
import { strictObject } from "@/lib/schemas/strict";

// Request and response shapes of a user's security credentials: console password (login
// profile), access keys and virtual MFA devices.

/**
 * CreateLoginProfile needs a password; UpdateLoginProfile may change only the reset flag. A body
 * with neither is refused rather than answered with success: AWS's UpdateLoginProfile given
 * nothing to change changes nothing, so a caller who sent `{}` (or misspelled both fields) would
 * otherwise believe a password was set or reset when it was not.
 */
export const loginProfileBody = strictObject({
  password: z
    .string({ error: "Password must be text." })
    .min(1, "Password cannot be empty.")
    .max(128, "Password must be at most 128 characters.")
    .optional(),
  passwordResetRequired: z.boolean({ error: "passwordResetRequired must be true or false." }).optional(),
}).refine((b) => b.password !== undefined || b.passwordResetRequired !== undefined, {
  message: "Give password or passwordResetRequired (or both) to change.",
  path: ["password"],
});
export type LoginProfileInput = z.infer<typeof loginProfileBody>;

export const ACCESS_KEY_STATUSES = ["Active", "Inactive"] as const;
export type AccessKeyStatus = (typeof ACCESS_KEY_STATUSES)[number];

export const updateAccessKeyBody = strictObject({
  status: z.enum(ACCESS_KEY_STATUSES, 'Status must be "Active" or "Inactive".'),
});

/** Virtual MFA device names follow CreateVirtualMFADevice's VirtualMFADeviceName rules. */
export const mfaDeviceBody = strictObject({
  deviceName: z
    .string({ error: "Device name is required." })
    .trim()
    .min(1, "Device name is required.")
    .max(226, "Device name must be at most 226 characters.")
    .regex(/^[\w+=,.@-]+$/, "Device name may contain only letters, digits and + = , . @ _ - (no spaces)."),
});

export interface LoginProfile {
  userName: string;
  passwordSetAt: string;
  passwordResetRequired: boolean;
}

export interface AccessKey {
  accessKeyId: string;
  status: AccessKeyStatus;
  createdAt: string;
  /** GetAccessKeyLastUsed: when, for which service and in which region (null: never used). */
  lastUsedAt: string | null;
  lastUsedService: string | null;
  lastUsedRegion: string | null;
  /** False for keys created before secrets were sealed: they cannot sign requests. */
  canSign: boolean;
}

/** Only the create response carries the secret; it is never stored or shown again. */
export interface NewAccessKey extends AccessKey {
  secretAccessKey: string;
}

/** EnableMFADevice's AuthenticationCode1 and AuthenticationCode2: two consecutive codes of the device. */
const authenticationCode = (field: string) =>
  z
    .string({ error: `${field} is required.` })
    .trim()
    .regex(/^\d{6}$/, `${field} must be the 6 digits the authenticator app shows.`);

export const enableMfaDeviceBody = strictObject({
  authenticationCode1: authenticationCode("The first MFA code"),
  authenticationCode2: authenticationCode("The second MFA code"),
});
export type EnableMfaDeviceInput = z.infer<typeof enableMfaDeviceBody>;

/**
 * A user's virtual MFA device. `enabledAt` is null while it is unfinished: created
 * (CreateVirtualMFADevice) but not yet enabled with two codes (EnableMFADevice); such a device
 * does not count for sign-in and can only be finished or deleted.
 */
export interface MfaDevice {
  serialNumber: string;
  name: string;
  createdAt: string;
  enabledAt: string | null;
}

/**
 * CreateVirtualMFADevice's answer, given once: the seed as base32 and as the otpauth:// URI an
 * authenticator app reads, and that URI as a QR code (SVG). The seed is never shown again.
 */
export interface NewVirtualMfaDevice extends MfaDevice {
  base32StringSeed: string;
  otpauthUri: string;
  qrCodeSvg: string;
}
