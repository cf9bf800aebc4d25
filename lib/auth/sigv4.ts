import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";

/**
 * Verifies AWS Signature Version 4 on an incoming request by signing it again with the same
 * library the AWS SDK for JavaScript signs with (@smithy/signature-v4), over exactly the headers
 * the client listed as signed. Errors carry AWS's codes and messages ("Signature Version 4
 * signing process", "Elements of an AWS API request signature"; the IAM and STS API error
 * references): a signing time more than 15 minutes off is "Signature expired".
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html
 */

export interface IncomingSigned {
  method: string;
  /** Path and query as received, e.g. "/api/v1/accounts?limit=5". */
  url: string;
  /** Header names in any case. */
  headers: Readonly<Record<string, string | undefined>>;
  body: Uint8Array;
}

export interface KeySecret {
  secretAccessKey: string;
  /**
   * For STS temporary credentials: the SHA-256 (hex) of the session token the request must carry
   * in X-Amz-Security-Token (the token itself is never stored). Absent for a long-term key, whose
   * requests must carry no token.
   */
  sessionTokenHash?: string;
  /** For temporary credentials: when they end; a request signed with them after it is ExpiredToken. */
  expiresAt?: Date;
}

export interface SigV4Options {
  /** Any region in the credential scope (the AWS endpoint); otherwise us-east-1 only. */
  anyRegion?: boolean;
  /** The path the client signed, when the server rewrote it (scripts/server.mjs awsPath). */
  signedPath?: string;
}

export type SigV4Failure = {
  ok: false;
  status: 400 | 403;
  code: "MissingAuthenticationToken" | "IncompleteSignature" | "InvalidClientTokenId" | "SignatureDoesNotMatch" | "ExpiredToken";
  message: string;
};
export type SigV4Result = { ok: true; accessKeyId: string; region: string; service: string; signedAt: Date } | SigV4Failure;

const ALGORITHM = "AWS4-HMAC-SHA256";
const MAX_SKEW_MS = 15 * 60 * 1000;
const CALCULATED =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

const fail = (status: 400 | 403, code: SigV4Failure["code"], message: string): SigV4Failure => ({ ok: false, status, code, message });

interface Authorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

/** Reads `AWS4-HMAC-SHA256 Credential=AKID/DATE/REGION/SERVICE/aws4_request, SignedHeaders=a;b, Signature=hex`. */
function parseAuthorization(value: string): Authorization | SigV4Failure {
  if (!value.startsWith(`${ALGORITHM} `)) return fail(400, "IncompleteSignature", `Unsupported AWS 'algorithm': the only supported one is ${ALGORITHM}.`);
  const fields = new Map<string, string>();
  for (const part of value.slice(ALGORITHM.length + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get("Credential")?.split("/") ?? [];
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  const missing = [credential.length === 5 ? null : "Credential", signedHeaders ? null : "SignedHeaders", signature ? null : "Signature"].filter(Boolean);
  if (missing.length > 0 || credential[4] !== "aws4_request") {
    return fail(400, "IncompleteSignature", `Authorization header requires ${missing.length > 0 ? missing.join(", ") : "a Credential ending in aws4_request"} (${value.length > 200 ? "…" : value}).`);
  }
  const [accessKeyId, date, region, service] = credential;
  return { accessKeyId, date, region, service, signedHeaders: (signedHeaders as string).split(";"), signature: signature as string };
}

/** 20261203T120000Z → Date; null when malformed. */
function parseAmzDate(value: string | undefined): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? "");
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return Number.isNaN(date.getTime()) ? null : date;
}

const amzDate = (date: Date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** AWS's words for a signing time too far from now ("Signature expired" / "not yet current"). */
function skewProblem(signedAt: Date, now: Date): string | null {
  if (signedAt.getTime() < now.getTime() - MAX_SKEW_MS) {
    return `Signature expired: ${amzDate(signedAt)} is now earlier than ${amzDate(new Date(now.getTime() - MAX_SKEW_MS))} (${amzDate(now)} - 15 min.)`;
  }
  if (signedAt.getTime() > now.getTime() + MAX_SKEW_MS) {
    return `Signature not yet current: ${amzDate(signedAt)} is still later than ${amzDate(new Date(now.getTime() + MAX_SKEW_MS))} (${amzDate(now)} + 15 min.)`;
  }
  return null;
}

function headerOf(headers: IncomingSigned["headers"], name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

function queryOf(search: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of search) {
    const seen = query[key];
    query[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query;
}

const sameHex = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The SHA-256 (hex) a session token is stored as. */
export const sessionTokenHash = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

/**
 * Whether the request's X-Amz-Security-Token is the key's: none for a long-term key, the issued
 * token for temporary credentials (hashes compared in constant time).
 */
function tokenMatches(key: KeySecret, token: string | undefined): boolean {
  if (key.sessionTokenHash === undefined) return token === undefined;
  return token !== undefined && sameHex(sessionTokenHash(token), key.sessionTokenHash);
}

/**
 * Checks the request's signature. `secretOf` finds the key's secret (null: no such key).
 * Requests without an Authorization header are MissingAuthenticationToken.
 */
export async function verifySigV4(
  request: IncomingSigned,
  secretOf: (accessKeyId: string) => Promise<KeySecret | null>,
  now: Date = new Date(),
  options: SigV4Options = {},
): Promise<SigV4Result> {
  const header = headerOf(request.headers, "authorization");
  if (!header) return fail(403, "MissingAuthenticationToken", "Request is missing Authentication Token");
  const auth = parseAuthorization(header);
  if ("ok" in auth) return auth;
  const signedAt = parseAmzDate(headerOf(request.headers, "x-amz-date"));
  if (!signedAt || amzDate(signedAt).slice(0, 8) !== auth.date) {
    return fail(400, "IncompleteSignature", "X-Amz-Date must be a basic ISO 8601 time (YYYYMMDDTHHMMSSZ) on the Credential's date.");
  }
  if (!auth.signedHeaders.includes("host")) return fail(400, "IncompleteSignature", "SignedHeaders must include host.");
  const key = await secretOf(auth.accessKeyId);
  if (!key) return fail(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
  // A temporary key's requests must carry its session token, and a long-term key's none.
  if (!tokenMatches(key, headerOf(request.headers, "x-amz-security-token"))) {
    return fail(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
  }
  // The console's own API, like IAM, is called in us-east-1 (a signature scoped to another region is
  // not for it); the AWS endpoint (/aws) takes any region, as clients configured for theirs sign.
  if (!options.anyRegion && auth.region !== "us-east-1") {
    return fail(403, "SignatureDoesNotMatch", `Credential should be scoped to a valid region, not '${auth.region}'. The console, like IAM, is called in us-east-1.`);
  }
  const skew = skewProblem(signedAt, now);
  if (skew) return fail(403, "SignatureDoesNotMatch", skew);

  const declared = headerOf(request.headers, "x-amz-content-sha256");
  // The payload is always signed: IAM's API takes no unsigned or streamed bodies (that is S3's),
  // so a captured request cannot be replayed with another body.
  if (declared && declared !== createHash("sha256").update(request.body).digest("hex")) {
    return fail(403, "SignatureDoesNotMatch", CALCULATED);
  }
  const url = new URL(request.url, "http://signed.invalid");
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = headerOf(request.headers, name);
    if (value === undefined) return fail(403, "SignatureDoesNotMatch", CALCULATED);
    headers[name] = value;
  }
  const signer = new SignatureV4({
    // The token, when there is one, is signed as the client sent it (checked above), not added here.
    credentials: { accessKeyId: auth.accessKeyId, secretAccessKey: key.secretAccessKey },
    region: auth.region,
    service: auth.service,
    sha256: Hash.bind(null, "sha256"),
    applyChecksum: false,
  });
  const signed = await signer.sign(
    new HttpRequest({
      method: request.method,
      protocol: "http:",
      hostname: headers.host ?? "",
      // As received: services other than S3 sign the already-encoded path encoded once more.
      path: options.signedPath ?? url.pathname,
      query: queryOf(url.searchParams),
      headers,
      body: request.body,
    }),
    { signingDate: signedAt, signableHeaders: new Set(auth.signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(signed.headers.authorization ?? "")?.[1] ?? "";
  if (!sameHex(expected, auth.signature)) return fail(403, "SignatureDoesNotMatch", CALCULATED);
  // Only the holder of the secret learns that the credentials have ended (STS's ExpiredToken).
  if (key.expiresAt !== undefined && key.expiresAt.getTime() <= now.getTime()) {
    return fail(403, "ExpiredToken", "The security token included in the request is expired");
  }
  return { ok: true, accessKeyId: auth.accessKeyId, region: auth.region, service: auth.service, signedAt };
}
