import { execFile } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { describe, expect, it } from "vitest";
import { verifySigV4, type IncomingSigned, type KeySecret } from "@/lib/auth/sigv4";

const KEY = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const secretOf = async (id: string): Promise<KeySecret | null> => (id === KEY.accessKeyId ? { secretAccessKey: KEY.secretAccessKey } : null);
const NOW = new Date("2026-12-03T12:00:00Z");

/** A request signed by @smithy/signature-v4, as the AWS SDK for JavaScript signs it. */
async function sdkSigned(options: { body?: string; path?: string; query?: Record<string, string>; key?: typeof KEY; at?: Date; service?: string; region?: string; headers?: Record<string, string> } = {}): Promise<IncomingSigned> {
  const body = options.body ?? "Action=ListUsers&Version=2010-05-08";
  const signer = new SignatureV4({ credentials: options.key ?? KEY, region: options.region ?? "us-east-1", service: options.service ?? "iam", sha256: Hash.bind(null, "sha256") });
  const signed = await signer.sign(
    new HttpRequest({
      method: "POST",
      protocol: "http:",
      hostname: "localhost",
      port: 3000,
      path: options.path ?? "/aws",
      query: options.query ?? {},
      headers: { host: "localhost:3000", "content-type": "application/x-www-form-urlencoded; charset=utf-8", ...options.headers },
      body,
    }),
    { signingDate: options.at ?? NOW },
  );
  const search = new URLSearchParams(options.query ?? {}).toString();
  return { method: "POST", url: `${options.path ?? "/aws"}${search ? `?${search}` : ""}`, headers: signed.headers, body: Buffer.from(body) };
}

describe("SigV4 verification", () => {
  it("accepts what the AWS SDK's signer signed, with the key, region and service of its scope", async () => {
    const result = await verifySigV4(await sdkSigned({ query: { limit: "5", marker: "a b" } }), secretOf, NOW);
    expect(result).toEqual({ ok: true, accessKeyId: KEY.accessKeyId, region: "us-east-1", service: "iam", signedAt: NOW });
  });

  it("answers as AWS does: no credentials, an unknown key, a wrong secret, a changed body", async () => {
    const request = await sdkSigned();
    expect(await verifySigV4({ ...request, headers: { host: "localhost:3000" } }, secretOf, NOW)).toMatchObject({ status: 403, code: "MissingAuthenticationToken" });
    const stranger = await sdkSigned({ key: { accessKeyId: "AKIAUNKNOWNKEY000000", secretAccessKey: "x" } });
    expect(await verifySigV4(stranger, secretOf, NOW)).toMatchObject({ status: 403, code: "InvalidClientTokenId", message: "The security token included in the request is invalid." });
    const forged = await sdkSigned({ key: { accessKeyId: KEY.accessKeyId, secretAccessKey: "not-the-secret" } });
    expect(await verifySigV4(forged, secretOf, NOW)).toMatchObject({ status: 403, code: "SignatureDoesNotMatch", message: expect.stringMatching(/^The request signature we calculated does not match/) });
    expect(await verifySigV4({ ...request, body: Buffer.from("Action=CreateUser&UserName=mallory&Version=2010-05-08") }, secretOf, NOW)).toMatchObject({ code: "SignatureDoesNotMatch" });
    expect(await verifySigV4({ ...request, url: "/aws?extra=1" }, secretOf, NOW)).toMatchObject({ code: "SignatureDoesNotMatch" });
  });

  it("refuses an unsigned payload and a scope outside us-east-1, as IAM does (the body is always signed)", async () => {
    const unsigned = await sdkSigned({ headers: { "x-amz-content-sha256": "UNSIGNED-PAYLOAD" } });
    expect(await verifySigV4({ ...unsigned, body: Buffer.from("Action=CreateUser&UserName=mallory") }, secretOf, NOW)).toMatchObject({ status: 403, code: "SignatureDoesNotMatch" });
    expect(await verifySigV4(unsigned, secretOf, NOW)).toMatchObject({ code: "SignatureDoesNotMatch" });
    const elsewhere = await sdkSigned({ region: "eu-west-1" });
    expect(await verifySigV4(elsewhere, secretOf, NOW)).toMatchObject({ status: 403, code: "SignatureDoesNotMatch", message: expect.stringContaining("us-east-1") });
  });

  it("refuses a signing time more than 15 minutes off with AWS's 'Signature expired' message", async () => {
    const old = await sdkSigned({ at: new Date(NOW.getTime() - 16 * 60_000) });
    expect(await verifySigV4(old, secretOf, NOW)).toEqual({
      ok: false,
      status: 403,
      code: "SignatureDoesNotMatch",
      message: "Signature expired: 20261203T114400Z is now earlier than 20261203T114500Z (20261203T120000Z - 15 min.)",
    });
    expect(await verifySigV4(await sdkSigned({ at: new Date(NOW.getTime() - 14 * 60_000) }), secretOf, NOW)).toMatchObject({ ok: true });
    expect(await verifySigV4(await sdkSigned({ at: new Date(NOW.getTime() + 16 * 60_000) }), secretOf, NOW)).toMatchObject({ message: expect.stringMatching(/^Signature not yet current/) });
  });

  it("calls a malformed Authorization header incomplete", async () => {
    const request = await sdkSigned();
    const headers = { ...request.headers, authorization: "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261203/us-east-1/iam/aws4_request" };
    expect(await verifySigV4({ ...request, headers }, secretOf, NOW)).toMatchObject({ status: 400, code: "IncompleteSignature" });
    expect(await verifySigV4({ ...request, headers: { ...request.headers, authorization: "Basic YWxpY2U6cGFzcw==" } }, secretOf, NOW)).toMatchObject({ code: "IncompleteSignature" });
  });

  it("accepts what curl --aws-sigv4 signs, and refuses it with another secret", async () => {
    const captured: IncomingSigned[] = [];
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        captured.push({ method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) });
        res.end("ok");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const url = `http://127.0.0.1:${port}/api/v1/accounts?limit=5`;
      await promisify(execFile)("curl", ["-s", "--aws-sigv4", "aws:amz:us-east-1:iam", "--user", `${KEY.accessKeyId}:${KEY.secretAccessKey}`, url]);
      await promisify(execFile)("curl", ["-s", "--aws-sigv4", "aws:amz:us-east-1:iam", "--user", `${KEY.accessKeyId}:${KEY.secretAccessKey}`, "-d", "Action=ListUsers&Version=2010-05-08", `http://127.0.0.1:${port}/aws`]);
    } finally {
      server.close();
    }
    expect(captured).toHaveLength(2);
    for (const request of captured) {
      expect(await verifySigV4(request, secretOf, new Date()), request.url).toMatchObject({ ok: true, service: "iam", region: "us-east-1" });
      const other = async () => ({ secretAccessKey: "another-secret" });
      expect(await verifySigV4(request, other, new Date())).toMatchObject({ code: "SignatureDoesNotMatch" });
    }
  });
});
