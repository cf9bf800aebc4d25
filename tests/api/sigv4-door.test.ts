/**
 * Scripts call /api/v1 with AWS Signature Version 4 and an access key of a user or a root user:
 * the door (lib/api/route.ts → lib/auth/authenticate.ts signedCaller) verifies the signature
 * against the key's sealed secret and acts as the key's owner, answering as AWS does.
 * - "Signing AWS API requests" / "Elements of an AWS API request signature":
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html
 * - IAM API "Common Errors" (MissingAuthenticationToken, InvalidClientTokenId, SignatureDoesNotMatch):
 *   https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html
 * - GetAccessKeyLastUsed: https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccessKeyLastUsed.html
 * - aws:MultiFactorAuthPresent is absent for long-term access keys:
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent
 */
import { execFile } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import * as users from "@/app/api/v1/accounts/[accountId]/users/route";
import { db } from "@/lib/db";
import { createAccessKey } from "@/lib/data/create-access-key";
import { createRootAccessKey } from "@/lib/data/create-root-access-key";
import { createUser } from "@/lib/data/create-user";
import { listAccessKeys } from "@/lib/data/list-access-keys";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { updateAccessKey } from "@/lib/data/update-access-key";
import { callRoute } from "@/tests/support/call-route";
import { freshAccount } from "@/tests/support/identity";
import { allow } from "@/tests/support/policies";
import { sessionCookie } from "@/tests/support/session";

interface Key {
  accessKeyId: string;
  secretAccessKey: string;
}

interface Signed {
  method?: "GET" | "POST";
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  at?: Date;
}

type Handler = typeof users.GET;

/** A request signed by @smithy/signature-v4 (the AWS SDK for JavaScript's signer), as NextRequest. */
async function signedRequest(key: Key, request: Signed): Promise<NextRequest> {
  const method = request.method ?? "GET";
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  const headers: Record<string, string> = { host: "localhost" };
  // As the SDK's middleware does before signing: the body's type and length.
  if (body !== undefined) Object.assign(headers, { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) });
  const signer = new SignatureV4({ credentials: key, region: "us-east-1", service: "iam", sha256: Hash.bind(null, "sha256") });
  const signed = await signer.sign(
    new HttpRequest({ method, protocol: "http:", hostname: "localhost", path: request.path, query: request.query ?? {}, headers, body }),
    { signingDate: request.at ?? new Date() },
  );
  const search = new URLSearchParams(request.query ?? {}).toString();
  return new NextRequest(new URL(`${request.path}${search ? `?${search}` : ""}`, "http://localhost"), { method, headers: signed.headers, body });
}

async function answer(handler: Handler, request: NextRequest, accountId: string): Promise<{ status: number; body: unknown }> {
  const res = await handler(request, { params: Promise.resolve({ accountId }) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const listUsersPath = (accountId: string) => `/api/v1/accounts/${accountId}/users`;
const errorOf = (reply: { body: unknown }) => (reply.body as { error: { code: string; message: string } }).error;

let accountId: string;
let aliceKey: Key;
let rootKey: Key;

beforeAll(async () => {
  accountId = await freshAccount();
  await createUser(accountId, { userName: "alice", path: "/", tags: [] });
  await putInlinePolicy("user", accountId, "alice", "Users", allow(["iam:ListUsers", "iam:CreateUser"]));
  aliceKey = await createAccessKey(accountId, "alice");
  rootKey = await createRootAccessKey(accountId);
});

describe("SigV4 at the door", () => {
  it("lets a user's key and a root key act as their owners", async () => {
    const asAlice = await answer(users.GET, await signedRequest(aliceKey, { path: listUsersPath(accountId), query: { limit: "5" } }), accountId);
    expect(asAlice.status).toBe(200);
    expect((asAlice.body as { items: { userName: string }[] }).items.map((u) => u.userName)).toContain("alice");

    const asRoot = await answer(users.GET, await signedRequest(rootKey, { path: listUsersPath(accountId) }), accountId);
    expect(asRoot.status).toBe(200);
  });

  it("takes a signed POST with a JSON body, and logs the change with the key that made it", async () => {
    const reply = await answer(users.POST, await signedRequest(aliceKey, { method: "POST", path: listUsersPath(accountId), body: { userName: "signed-bob" } }), accountId);
    expect(reply).toMatchObject({ status: 201, body: { userName: "signed-bob" } });
    const event = await db().changeEvent.findFirstOrThrow({ where: { accountId, action: "CreateUser", targetArn: { endsWith: "/signed-bob" } } });
    expect(event).toMatchObject({ actorArn: `arn:aws:iam::${accountId}:user/alice`, accessKeyId: aliceKey.accessKeyId, mfa: false });

    // The body is signed: the same signature over another body does not match.
    const request = await signedRequest(aliceKey, { method: "POST", path: listUsersPath(accountId), body: { userName: "signed-carol" } });
    const tampered = new NextRequest(request.url, { method: "POST", headers: request.headers, body: JSON.stringify({ userName: "mallory-evil" }) });
    expect(errorOf(await answer(users.POST, tampered, accountId)).code).toBe("SignatureDoesNotMatch");
  });

  it("answers as AWS does: no credentials, an unknown key, a bad signature", async () => {
    const anonymous = await callRoute(users.GET, "GET", listUsersPath(accountId), { accountId }, undefined, "anonymous");
    expect(anonymous).toEqual({ status: 403, body: { error: { code: "MissingAuthenticationToken", message: "Request is missing Authentication Token" } } });

    const stranger = await answer(users.GET, await signedRequest({ accessKeyId: "AKIAUNKNOWNKEY000000", secretAccessKey: aliceKey.secretAccessKey }, { path: listUsersPath(accountId) }), accountId);
    expect(stranger).toEqual({ status: 403, body: { error: { code: "InvalidClientTokenId", message: "The security token included in the request is invalid." } } });

    const forged = await answer(users.GET, await signedRequest({ accessKeyId: aliceKey.accessKeyId, secretAccessKey: rootKey.secretAccessKey }, { path: listUsersPath(accountId) }), accountId);
    expect(forged.status).toBe(403);
    expect(errorOf(forged)).toEqual({ code: "SignatureDoesNotMatch", message: expect.stringMatching(/^The request signature we calculated does not match the signature you provided/) });
  });

  it("refuses a signing time more than 15 minutes off with AWS's 'Signature expired'", async () => {
    const old = await answer(users.GET, await signedRequest(aliceKey, { path: listUsersPath(accountId), at: new Date(Date.now() - 16 * 60_000) }), accountId);
    expect(old.status).toBe(403);
    expect(errorOf(old)).toEqual({ code: "SignatureDoesNotMatch", message: expect.stringMatching(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/) });
    const recent = await answer(users.GET, await signedRequest(aliceKey, { path: listUsersPath(accountId), at: new Date(Date.now() - 10 * 60_000) }), accountId);
    expect(recent.status).toBe(200);
  });

  it("treats an inactive key and a key from before secrets were sealed as invalid", async () => {
    await createUser(accountId, { userName: "dora", path: "/", tags: [] });
    await putInlinePolicy("user", accountId, "dora", "Users", allow("iam:ListUsers"));
    const key = await createAccessKey(accountId, "dora");
    await updateAccessKey(accountId, "dora", key.accessKeyId, "Inactive");
    const inactive = await answer(users.GET, await signedRequest(key, { path: listUsersPath(accountId) }), accountId);
    expect(inactive).toMatchObject({ status: 403, body: { error: { code: "InvalidClientTokenId" } } });

    await updateAccessKey(accountId, "dora", key.accessKeyId, "Active");
    expect((await answer(users.GET, await signedRequest(key, { path: listUsersPath(accountId) }), accountId)).status).toBe(200);

    // A key created under the old hashing has only the secret's hash: it can never sign.
    await db().accessKey.update({ where: { id: key.accessKeyId }, data: { sealedSecret: null } });
    const legacy = await answer(users.GET, await signedRequest(key, { path: listUsersPath(accountId) }), accountId);
    expect(legacy).toMatchObject({ status: 403, body: { error: { code: "InvalidClientTokenId" } } });
    expect((await listAccessKeys(accountId, "dora"))[0]).toMatchObject({ accessKeyId: key.accessKeyId, canSign: false });
  });

  it("records the key's last use (GetAccessKeyLastUsed) at most once a minute", async () => {
    await createUser(accountId, { userName: "erin", path: "/", tags: [] });
    await putInlinePolicy("user", accountId, "erin", "Users", allow("iam:ListUsers"));
    const key = await createAccessKey(accountId, "erin");
    expect((await listAccessKeys(accountId, "erin"))[0]).toMatchObject({ lastUsedAt: null, lastUsedService: null, lastUsedRegion: null, canSign: true });

    const before = Date.now();
    await answer(users.GET, await signedRequest(key, { path: listUsersPath(accountId) }), accountId);
    const [used] = await listAccessKeys(accountId, "erin");
    expect(used).toMatchObject({ lastUsedService: "iam", lastUsedRegion: "us-east-1" });
    expect(Date.parse(used.lastUsedAt ?? "")).toBeGreaterThanOrEqual(before - 1000);

    // Within the minute the row is not written again; after it, it is.
    const thirtySecondsAgo = new Date(Date.now() - 30_000);
    await db().accessKey.update({ where: { id: key.accessKeyId }, data: { lastUsedAt: thirtySecondsAgo } });
    await answer(users.GET, await signedRequest(key, { path: listUsersPath(accountId) }), accountId);
    expect((await listAccessKeys(accountId, "erin"))[0].lastUsedAt).toBe(thirtySecondsAgo.toISOString());
    await db().accessKey.update({ where: { id: key.accessKeyId }, data: { lastUsedAt: new Date(Date.now() - 61_000) } });
    await answer(users.GET, await signedRequest(key, { path: listUsersPath(accountId) }), accountId);
    expect(Date.parse((await listAccessKeys(accountId, "erin"))[0].lastUsedAt ?? "")).toBeGreaterThanOrEqual(before);
  });

  it("carries no aws:MultiFactorAuthPresent for a long-term key, so a Bool deny on false does not apply", async () => {
    // AWS's own warning: {"Bool": {"aws:MultiFactorAuthPresent": "false"}} does not match a request
    // made with long-term access keys, where the key is absent; BoolIfExists does.
    await createUser(accountId, { userName: "frank", path: "/", tags: [] });
    await putInlinePolicy("user", accountId, "frank", "Users", allow("iam:ListUsers"));
    const deny = (operator: string) =>
      JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "iam:ListUsers", Resource: "*", Condition: { [operator]: { "aws:MultiFactorAuthPresent": "false" } } }] });
    await putInlinePolicy("user", accountId, "frank", "NoMfaNoList", deny("Bool"));
    const key = await createAccessKey(accountId, "frank");

    const session = await callRoute(users.GET, "GET", listUsersPath(accountId), { accountId }, undefined, await sessionCookie({ accountId, userName: "frank" }));
    expect(session.status).toBe(403);
    expect(errorOf(session).message).toMatch(/with an explicit deny in an identity-based policy$/);

    const signed = await answer(users.GET, await signedRequest(key, { path: listUsersPath(accountId) }), accountId);
    expect(signed.status).toBe(200);

    await putInlinePolicy("user", accountId, "frank", "NoMfaNoList", deny("BoolIfExists"));
    const refused = await answer(users.GET, await signedRequest(key, { path: listUsersPath(accountId) }), accountId);
    expect(refused.status).toBe(403);
    const denied = (refused.body as { error: { denied: { context: Record<string, unknown> } } }).error.denied;
    expect(denied.context).not.toHaveProperty("aws:MultiFactorAuthPresent");
    expect(denied.context).not.toHaveProperty("aws:MultiFactorAuthAge");
  });

  it("accepts what curl --aws-sigv4 signs with a root key, replayed into the route", async () => {
    const captured: { method: string; url: string; headers: Record<string, string>; body: Buffer }[] = [];
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        captured.push({ method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) });
        res.end("{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const curl = (...args: string[]) => promisify(execFile)("curl", ["-s", "--aws-sigv4", "aws:amz:us-east-1:iam", "--user", `${rootKey.accessKeyId}:${rootKey.secretAccessKey}`, ...args]);
    try {
      await curl(`http://127.0.0.1:${port}${listUsersPath(accountId)}?limit=50`);
      await curl("-H", "content-type: application/json", "-d", JSON.stringify({ userName: "via-curl" }), `http://127.0.0.1:${port}${listUsersPath(accountId)}`);
    } finally {
      server.close();
    }
    expect(captured.map((request) => request.method)).toEqual(["GET", "POST"]);

    const replay = (request: (typeof captured)[number]) => {
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== "connection"));
      const init = request.method === "GET" ? { method: "GET", headers } : { method: request.method, headers, body: new Uint8Array(request.body) };
      return new NextRequest(new URL(request.url, `http://${request.headers.host}`), init);
    };
    const listed = await answer(users.GET, replay(captured[0]), accountId);
    expect(listed.status).toBe(200);
    const created = await answer(users.POST, replay(captured[1]), accountId);
    expect(created).toMatchObject({ status: 201, body: { userName: "via-curl" } });
    const event = await db().changeEvent.findFirstOrThrow({ where: { accountId, action: "CreateUser", targetArn: { endsWith: "/via-curl" } } });
    expect(event).toMatchObject({ actorArn: `arn:aws:iam::${accountId}:root`, accessKeyId: rootKey.accessKeyId });
  });
});
