import { describe, expect, it } from "vitest";
import { forwardedHeaders } from "@/scripts/server.mjs";
import { requestFacts } from "@/lib/auth/authenticate";
import { isLoopbackAddress } from "@/lib/auth/demo-sign-ins";

// aws:SourceIp is "the requester's IP address" (AWS global condition context keys): the console
// takes it from the connection, not from a header the client wrote, unless an operator says a
// proxy in front sets it (IAM_TRUST_PROXY=1). The sign-in page's demo choices go to this machine only.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip

const request = (headers: Record<string, string>, remoteAddress: string, encrypted = false) => ({ headers: { ...headers }, socket: { remoteAddress, encrypted } });
const factsOf = (headers: Record<string, string | string[] | undefined>) => requestFacts(new Headers(headers as Record<string, string>), "http://localhost/");

describe("the source address of a request", () => {
  it("is the connection's, whatever X-Forwarded-For, Forwarded or X-Real-IP the client sent", () => {
    const req = request({ "x-forwarded-for": "10.0.0.9", "x-forwarded-proto": "https", forwarded: "for=10.0.0.9", "x-real-ip": "10.0.0.9", "x-forwarded-host": "evil.example", "user-agent": "curl" }, "203.0.113.7");
    forwardedHeaders(req, false);
    expect(req.headers).toEqual({ "user-agent": "curl", "x-forwarded-for": "203.0.113.7", "x-forwarded-proto": "http" });
    expect(factsOf(req.headers)).toMatchObject({ sourceIp: "203.0.113.7", secure: false });
  });

  it("says HTTPS only when the connection is encrypted, and reads IPv4-mapped addresses as IPv4", () => {
    const req = request({}, "::ffff:127.0.0.1", true);
    forwardedHeaders(req, false);
    expect(factsOf(req.headers)).toMatchObject({ sourceIp: "127.0.0.1", secure: true });
  });

  it("keeps a trusted proxy's headers when IAM_TRUST_PROXY=1, taking the address the proxy appended", () => {
    // The client wrote 127.0.0.1 itself; the proxy (10.0.0.1) appended the address it saw.
    const req = request({ "x-forwarded-for": "127.0.0.1, 198.51.100.4", "x-forwarded-proto": "https" }, "10.0.0.1");
    forwardedHeaders(req, true);
    expect(factsOf(req.headers)).toMatchObject({ sourceIp: "198.51.100.4", secure: true });
  });

  it("is this machine only on the loopback network", () => {
    expect(["127.0.0.1", "127.8.9.10", "::1"].map(isLoopbackAddress)).toEqual([true, true, true]);
    expect(["10.0.0.1", "::ffff:10.0.0.1", "128.0.0.1", "0.0.0.0", "127.0.0.1.example"].map(isLoopbackAddress)).toEqual([false, false, false, false, false]);
  });
});
