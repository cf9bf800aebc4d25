import { describe, expect, it } from "vitest";
import { newTotpSecret, totpCode, totpQrSvg, totpUri, verifyConsecutiveTotp, verifyTotp } from "@/lib/auth/totp";

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890", whose 8-digit codes end in these 6.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const RFC_VECTORS: [number, string][] = [
  [59, "287082"],
  [1111111109, "081804"],
  [1234567890, "005924"],
  [2000000000, "279037"],
];

describe("virtual MFA (TOTP, RFC 6238)", () => {
  it("computes RFC 6238's SHA-1 test vectors (6 digits, 30 s)", () => {
    for (const [seconds, code] of RFC_VECTORS) expect(totpCode(RFC_SECRET, seconds * 1000)).toBe(code);
  });

  it("accepts a code one step either side of now and refuses older ones and reuse", () => {
    const now = 1_700_000_000_000;
    const secret = newTotpSecret();
    const step = Math.floor(now / 30_000);
    expect(verifyTotp(secret, totpCode(secret, now), now)).toBe(step);
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), now)).toBe(step - 1);
    expect(verifyTotp(secret, totpCode(secret, now - 90_000), now)).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, now), now, step)).toBeNull();
    expect(verifyTotp(secret, "12345", now)).toBeNull();
  });

  it("enables a device only with two consecutive codes, in order", () => {
    const now = 1_700_000_000_000;
    const secret = newTotpSecret();
    const first = totpCode(secret, now - 30_000);
    const second = totpCode(secret, now);
    expect(verifyConsecutiveTotp(secret, first, second, now)).toBe(Math.floor(now / 30_000));
    expect(verifyConsecutiveTotp(secret, second, first, now)).toBeNull();
    expect(verifyConsecutiveTotp(secret, first, first, now)).toBeNull();
    expect(verifyConsecutiveTotp(secret, totpCode(secret, now - 60_000), second, now)).toBeNull();
  });

  it("gives the otpauth:// URI and its QR code as SVG", async () => {
    const uri = totpUri(RFC_SECRET, "carol@acme-prod", "Amazon Web Services");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Amazon%20Web%20Services:carol%40acme-prod\?/);
    expect(new URL(uri).searchParams.get("secret")).toBe(RFC_SECRET);
    expect(new URL(uri).searchParams.get("algorithm")).toBe("SHA1");
    expect(new URL(uri).searchParams.get("digits")).toBe("6");
    expect(new URL(uri).searchParams.get("period")).toBe("30");
    const svg = await totpQrSvg(uri);
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });
});
