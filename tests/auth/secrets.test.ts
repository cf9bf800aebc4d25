import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeMasterKey, loadMasterKey, MasterKeyError } from "@/lib/auth/master-key";
import { isSealed, open, seal, SealedSecretError } from "@/lib/auth/sealed";

const key = randomBytes(32);

describe("sealed secrets (AES-256-GCM)", () => {
  it("opens what it sealed, and each seal differs (a fresh IV every time)", () => {
    const a = seal("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", key, "AKIAEXAMPLE");
    const b = seal("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", key, "AKIAEXAMPLE");
    expect(a).not.toBe(b);
    expect(isSealed(a)).toBe(true);
    expect(a).not.toContain("wJalrXUtnFEMI");
    expect(open(a, key, "AKIAEXAMPLE")).toBe("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  });

  it("refuses another key, another record's context, a changed byte and a plain value", () => {
    const sealed = seal("secret", key, "AKIA1");
    expect(() => open(sealed, randomBytes(32), "AKIA1")).toThrow(SealedSecretError);
    expect(() => open(sealed, key, "AKIA2")).toThrow(SealedSecretError);
    const raw = Buffer.from(sealed.slice(3), "base64url");
    raw[raw.length - 1] ^= 1;
    expect(() => open(`v1.${raw.toString("base64url")}`, key, "AKIA1")).toThrow(SealedSecretError);
    expect(() => open("scrypt$16384$8$1$salt$hash", key, "AKIA1")).toThrow(/predate encryption/);
  });
});

describe("the master key", () => {
  const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), "iam-key-"));

  it("takes IAM_MASTER_KEY as base64 or hex, and names the variable when it is wrong", () => {
    const raw = randomBytes(32);
    expect(loadMasterKey({ IAM_MASTER_KEY: raw.toString("base64") })).toEqual(raw);
    expect(loadMasterKey({ IAM_MASTER_KEY: raw.toString("hex") })).toEqual(raw);
    expect(() => loadMasterKey({ IAM_MASTER_KEY: "short" })).toThrow(/IAM_MASTER_KEY: expected 32 bytes/);
    expect(() => decodeMasterKey(randomBytes(16).toString("base64"), "x")).toThrow(MasterKeyError);
  });

  it("generates data/master.key once, mode 0600, and reads the same key afterwards", () => {
    const file = path.join(scratch(), "data", "master.key");
    const first = loadMasterKey({ IAM_MASTER_KEY_FILE: file });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadMasterKey({ IAM_MASTER_KEY_FILE: file })).toEqual(first);
  });

  it("refuses a key file others can read", () => {
    const file = path.join(scratch(), "master.key");
    fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    expect(() => loadMasterKey({ IAM_MASTER_KEY_FILE: file })).toThrow(/chmod 600/);
  });
});
