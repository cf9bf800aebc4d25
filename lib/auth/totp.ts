import "server-only";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

/**
 * Virtual MFA devices: TOTP as RFC 6238 defines it and AWS uses it (SHA-1, 6 digits, 30-second
 * steps), through the maintained `otpauth` library; the QR code of the otpauth:// URI through
 * `qrcode`. Times are passed in (milliseconds since the epoch), so tests choose the clock.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html
 */
const PERIOD = 30;
const DIGITS = 6;
/** Codes one step either side of now are accepted, for clocks that drift a little. */
const WINDOW = 1;

function totp(base32Secret: string, label = "", issuer = ""): TOTP {
  return new TOTP({ issuer, label, algorithm: "SHA1", digits: DIGITS, period: PERIOD, secret: Secret.fromBase32(base32Secret) });
}

/** A new seed: 160 random bits (RFC 4226's recommended length), as base32. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The otpauth:// URI an authenticator app reads, e.g. label "carol@acme-prod", issuer "Amazon Web Services". */
export const totpUri = (base32Secret: string, label: string, issuer: string): string => totp(base32Secret, label, issuer).toString();

/** The URI as an SVG QR code (rendered on the server: no canvas, no network). */
export const totpQrSvg = (uri: string): Promise<string> => QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });

/** The code shown at `now` (the operator's `iam -- totp` command and tests). */
export const totpCode = (base32Secret: string, now: number): string => totp(base32Secret).generate({ timestamp: now });

const stepAt = (now: number) => Math.floor(now / 1000 / PERIOD);

/**
 * The time step a code belongs to, within one step of `now`, or null. A step at or before
 * `lastUsedStep` is refused, so a code cannot be used twice.
 */
export function verifyTotp(base32Secret: string, code: string, now: number, lastUsedStep: number | null = null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(base32Secret).validate({ token: code, timestamp: now, window: WINDOW });
  if (delta === null) return null;
  const step = stepAt(now) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}

/**
 * EnableMFADevice's check: "two consecutive authentication codes" — the second code is the step
 * right after the first. Searched over a few minutes either side of now, as AWS accepts codes
 * generated a little before the call. Returns the second code's step, or null.
 */
export function verifyConsecutiveTotp(base32Secret: string, code1: string, code2: string, now: number, searchSteps = 10): number | null {
  if (!/^\d{6}$/.test(code1) || !/^\d{6}$/.test(code2)) return null;
  const device = totp(base32Secret);
  const current = stepAt(now);
  for (let step = current - searchSteps; step <= current + 1; step++) {
    const at = (s: number) => device.generate({ timestamp: s * PERIOD * 1000 });
    if (at(step) === code1 && at(step + 1) === code2) return step + 1;
  }
  return null;
}
