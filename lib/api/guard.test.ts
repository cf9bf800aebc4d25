import { describe, expect, it } from "vitest";
import { ALLOWED_METHODS, checkCrossSite, checkHost, checkMethod, checkPathEncoding, guardRequest } from "@/lib/api/guard";
import { refuseMethod, SERVED_METHODS } from "@/scripts/server.mjs";

const headers = (entries: Record<string, string>) => new Headers(entries);
const loopback = ["localhost", "127.0.0.1", "[::1]"];

describe("the door's checks", () => {
  it("serves loopback names on any port and refuses other hosts with 421", () => {
    for (const host of ["localhost", "localhost:3000", "127.0.0.1:41234", "[::1]:3000", "LOCALHOST:80"]) {
      expect(checkHost(host, loopback), host).toBeUndefined();
    }
    for (const host of ["attacker.example", "localhost.attacker.example", "127.0.0.1.nip.io:3000", "", "[::2]:3000"]) {
      expect(checkHost(host, loopback)?.status, host).toBe(421);
    }
  });

  it("refuses a state-changing request from another origin, and lets reads and header-less clients through", () => {
    const from = (origin: string, host = "localhost:3000") => headers({ origin, host });
    expect(checkCrossSite("POST", from("http://localhost:3000"), "localhost:3000")).toBeUndefined();
    expect(checkCrossSite("POST", from("http://localhost:3001"), "localhost:3000")?.status).toBe(403);
    expect(checkCrossSite("DELETE", from("null"), "localhost:3000")?.status).toBe(403);
    expect(checkCrossSite("PUT", from("file://"), "localhost:3000")?.status).toBe(403);
    expect(checkCrossSite("GET", from("http://evil.example"), "localhost:3000")).toBeUndefined();
    expect(checkCrossSite("PATCH", headers({}), "localhost:3000")).toBeUndefined();
    expect(checkCrossSite("POST", headers({ "sec-fetch-site": "none" }), "localhost:3000")).toBeUndefined();
    expect(checkCrossSite("POST", headers({ "sec-fetch-site": "same-site" }), "localhost:3000")?.status).toBe(403);
  });

  it("answers methods outside the console's set with 405 and Allow", () => {
    expect(checkMethod("GET")).toBeUndefined();
    const trace = checkMethod("TRACE");
    expect(trace).toMatchObject({ status: 405, code: "MethodNotAllowed", headers: { Allow: ALLOWED_METHODS.join(", ") } });
  });

  it("finds malformed percent-encoding in any path segment", () => {
    expect(checkPathEncoding("/api/v1/accounts/1/users/a%2Bb")).toBeUndefined();
    expect(checkPathEncoding("/api/v1/accounts/1/users/%E0%A4%A")).toMatchObject({ status: 400, field: "path" });
    expect(checkPathEncoding("/accounts/%C0%AE%C0%AE%2F")).toMatchObject({ status: 400 });
  });

  it("checks the host first, then the method, the path and the origin", () => {
    const bad = guardRequest("TRACE", "http://localhost/%E0", headers({ host: "evil.example", origin: "http://evil.example" }), loopback);
    expect(bad?.status).toBe(421);
    expect(guardRequest("TRACE", "http://localhost/%E0", headers({ host: "localhost" }), loopback)?.status).toBe(405);
    expect(guardRequest("POST", "http://localhost/%E0", headers({ host: "localhost", origin: "http://evil.example" }), loopback)?.status).toBe(400);
  });
});

describe("the production server's method check (scripts/server.mjs)", () => {
  it("hands Next exactly the methods the door allows", () => {
    expect([...SERVED_METHODS].sort()).toEqual([...ALLOWED_METHODS].sort());
  });

  it("answers TRACE with 405, Allow and the API's error shape under /api", () => {
    const written: { status?: number; headers?: Record<string, unknown>; body?: string } = {};
    const res = {
      writeHead: (status: number, head: Record<string, unknown>) => Object.assign(written, { status, headers: head }),
      end: (body: string) => Object.assign(written, { body }),
    };
    refuseMethod({ method: "TRACE", url: "/api/v1/accounts" }, res);
    expect(written.status).toBe(405);
    expect(written.headers).toMatchObject({ Allow: SERVED_METHODS.join(", "), "Content-Type": "application/json" });
    expect(JSON.parse(written.body ?? "")).toEqual({ error: { code: "MethodNotAllowed", message: "The method TRACE is not supported." } });
  });
});
