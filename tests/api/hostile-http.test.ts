import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as accounts from "@/app/api/v1/accounts/route";
import * as users from "@/app/api/v1/accounts/[accountId]/users/route";
import * as user from "@/app/api/v1/accounts/[accountId]/users/[userName]/route";
import * as attached from "@/app/api/v1/accounts/[accountId]/users/[userName]/attached-policies/route";
import { BODY_LIMIT_BYTES } from "@/lib/api/body";
import { callRoute } from "@/tests/support/call-route";
import { callRaw, errorCode, snapshotCounts, withConcurrentGet } from "@/tests/support/hostile";
import { freshAccount } from "@/tests/support/identity";

// Issue "Hostile input cannot hurt the console": each attack on the HTTP door, replayed against
// the route handlers. Each asserts the answer, that nothing was written (entity and change-event
// counts), and that an ordinary GET is answered meanwhile.

let accountId: string;
let base: string;
beforeEach(async () => {
  accountId = await freshAccount();
  base = `/api/v1/accounts/${accountId}`;
});

const listUsers = () => callRoute(users.GET, "GET", `${base}/users`, { accountId });
const json = { "content-type": "application/json" };
const adminAttach = JSON.stringify({ policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" });

async function expectRefused(send: () => Promise<{ status: number; headers: Headers; body: unknown }>, status: number, code: string) {
  const before = await snapshotCounts();
  const { result, ordinaryStatus } = await withConcurrentGet(send, listUsers);
  expect(result.status).toBe(status);
  expect(errorCode(result)).toBe(code);
  expect(ordinaryStatus).toBe(200);
  expect(await snapshotCounts()).toEqual(before);
  return result;
}

describe("cross-site writes (hole 5)", () => {
  it("refuses a text/plain form body with 415, even without an Origin", async () => {
    const answer = await expectRefused(
      () => callRaw(users.POST, "POST", `${base}/users`, { accountId }, { body: JSON.stringify({ userName: "mallory" }), headers: { "content-type": "text/plain" } }),
      415,
      "UnsupportedMediaType",
    );
    expect(answer.body).toMatchObject({ error: { field: "Content-Type" } });
  });

  it("refuses a write whose Origin is another site with 403, whatever its body type", async () => {
    await freshUser("victim");
    for (const contentType of ["text/plain", "application/json"]) {
      await expectRefused(
        () =>
          callRaw(attached.POST, "POST", `${base}/users/victim/attached-policies`, { accountId, userName: "victim" }, {
            body: adminAttach,
            headers: { "content-type": contentType, origin: "http://evil.example" },
          }),
        403,
        "AccessDenied",
      );
    }
  });

  it("refuses a write the browser marks as cross-site or same-site (another port)", async () => {
    for (const site of ["cross-site", "same-site"]) {
      await expectRefused(
        () => callRaw(users.POST, "POST", `${base}/users`, { accountId }, { body: JSON.stringify({ userName: "mallory" }), headers: { ...json, "sec-fetch-site": site } }),
        403,
        "AccessDenied",
      );
    }
  });

  it("lets the console's own pages, and clients that send no Origin (curl, SDKs), write", async () => {
    const own = await callRaw(users.POST, "POST", `${base}/users`, { accountId }, {
      body: JSON.stringify({ userName: "own" }),
      headers: { ...json, origin: "http://localhost", "sec-fetch-site": "same-origin" },
    });
    expect(own.status).toBe(201);
    const script = await callRaw(users.POST, "POST", `${base}/users`, { accountId }, { body: JSON.stringify({ userName: "script" }), headers: json });
    expect(script.status).toBe(201);
  });

  it("refuses a request for a host the console does not serve with 421 (DNS rebinding), reads included", async () => {
    await expectRefused(() => callRaw(users.GET, "GET", `${base}/users`, { accountId }, { headers: { host: "attacker.example" } }), 421, "MisdirectedRequest");
    await expectRefused(
      () => callRaw(users.POST, "POST", `${base}/users`, { accountId }, { body: JSON.stringify({ userName: "rebound" }), headers: { ...json, host: "attacker.example:3000" } }),
      421,
      "MisdirectedRequest",
    );
  });

  it("serves the hosts named in IAM_ALLOWED_HOSTS", async () => {
    vi.stubEnv("IAM_ALLOWED_HOSTS", "iam.workshop.test, team-server:8080");
    try {
      for (const host of ["iam.workshop.test", "iam.workshop.test:3000", "team-server:8080", "[::1]:3000"]) {
        const answer = await callRaw(users.GET, "GET", `${base}/users`, { accountId }, { headers: { host } });
        expect(answer.status, host).toBe(200);
      }
      const otherPort = await callRaw(users.GET, "GET", `${base}/users`, { accountId }, { headers: { host: "team-server:9090" } });
      expect(otherPort.status).toBe(421);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("bodies are bounded (hole 3)", () => {
  afterEach(() => vi.useRealTimers());

  it("answers 413 for a declared length over 1 MB without reading it", async () => {
    const body = "x".repeat(BODY_LIMIT_BYTES + 1);
    await expectRefused(
      () => callRaw(users.POST, "POST", `${base}/users`, { accountId }, { body, headers: { ...json, "content-length": String(body.length) } }),
      413,
      "RequestEntityTooLarge",
    );
  });

  it("answers 413 for a streamed body once it passes 1 MB, reading no further", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(32);
    // An endless body of spaces: only stopping at the limit ends this request.
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    await expectRefused(() => callRaw(users.POST, "POST", `${base}/users`, { accountId }, { body: endless, headers: json }), 413, "RequestEntityTooLarge");
    expect(pulled).toBeLessThan(BODY_LIMIT_BYTES + 4 * chunk.byteLength);
  });

  it("answers 408 when the body stalls after its headers", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"userName": "slo'));
      },
    });
    const before = await snapshotCounts();
    const pending = callRaw(users.POST, "POST", `${base}/users`, { accountId }, { body: stalled, headers: json });
    await vi.advanceTimersByTimeAsync(10_001);
    const answer = await pending;
    expect(answer.status).toBe(408);
    expect(errorCode(answer)).toBe("RequestTimeout");
    vi.useRealTimers();
    expect(await snapshotCounts()).toEqual(before);
  });
});

describe("malformed requests (holes 7 and 8)", () => {
  it("answers bad percent-encoding with 400 naming the path, not 500", async () => {
    for (const raw of ["%E0%A4%A", "%C0%AE%C0%AE%2F"]) {
      const answer = await expectRefused(
        () => callRaw(user.GET, "GET", `${base}/users/${raw}`, { accountId, userName: raw }),
        400,
        "ValidationError",
      );
      expect(answer.body).toMatchObject({ error: { field: "path" } });
    }
  });

  it("checks a path name before any case folding: KELVIN SIGN never reaches user kelvin-target", async () => {
    await freshUser("kelvin-target");
    const answer = await expectRefused(
      () => callRaw(user.DELETE, "DELETE", `${base}/users/%E2%84%AAelvin-target`, { accountId, userName: "\u212Aelvin-target" }),
      400,
      "ValidationError",
    );
    expect(answer.body).toMatchObject({ error: { field: "userName" } });
    const still = await callRoute(user.GET, "GET", `${base}/users/kelvin-target`, { accountId, userName: "kelvin-target" });
    expect(still.status).toBe(200);
  });

  it("refuses a path parameter that breaks its rule, naming it", async () => {
    const badAccount = await callRaw(users.GET, "GET", "/api/v1/accounts/12345/users", { accountId: "12345" });
    expect(badAccount).toMatchObject({ status: 400, body: { error: { code: "ValidationError", field: "accountId" } } });
    const tooLong = "a".repeat(65);
    const longName = await callRaw(user.GET, "GET", `${base}/users/${tooLong}`, { accountId, userName: tooLong });
    expect(longName).toMatchObject({ status: 400, body: { error: { field: "userName" } } });
  });

  it("answers a method the resource does not have with 405, Allow and the API's error shape", async () => {
    const answer = await expectRefused(() => callRaw(accounts.PATCH, "PATCH", "/api/v1/accounts", {}), 405, "MethodNotAllowed");
    expect(answer.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
    const onUser = await callRaw(user.POST, "POST", `${base}/users/x`, { accountId, userName: "x" });
    expect(onUser.headers.get("allow")).toBe("GET, PATCH, DELETE, HEAD, OPTIONS");
  });
});

async function freshUser(userName: string) {
  const created = await callRoute(users.POST, "POST", `${base}/users`, { accountId }, { userName });
  expect(created.status).toBe(201);
}
