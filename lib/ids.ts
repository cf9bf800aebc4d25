import { randomBytes } from "node:crypto";

// AWS unique ids are a four-letter prefix naming the entity type plus upper-case base32 characters
// ("Unique identifiers" in the IAM identifiers page of the IAM User Guide).
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (let i = 0; i < length; i++) out += BASE32[bytes[i] % 32];
  return out;
}

export type UniqueIdPrefix = "AIDA" | "AGPA" | "AROA" | "ANPA" | "AIPA" | "AKIA";

export const newUniqueId = (prefix: Exclude<UniqueIdPrefix, "AKIA">): string => prefix + base32(17);
export const newAccessKeyId = (): string => "AKIA" + base32(16);
/** STS temporary credentials' key id: ASIA + 16 characters. */
export const newTemporaryAccessKeyId = (): string => "ASIA" + base32(16);
/** A 40-character secret access key; shown once, stored only as a hash. */
export const newSecretAccessKey = (): string =>
  randomBytes(30).toString("base64").replace(/\+/g, "A").replace(/\//g, "z");
