import { describe, expect, it } from "vitest";
import { requestFacts } from "@/lib/auth/authenticate";

// aws:SourceIp is "the requester's IP address" (AWS global condition context keys). Behind a
// proxy that appends what it saw to X-Forwarded-For, only the right-most entry is not the
// client's own say; scripts/server.mjs otherwise sets the header from the connection alone.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip
describe("where a request came from", () => {
  it("takes the right-most forwarded address, never one a client wrote before it", () => {
    const headers = new Headers({ "x-forwarded-for": "127.0.0.1, 203.0.113.7", "user-agent": "curl/8" });
    expect(requestFacts(headers, "http://localhost/")).toEqual({ sourceIp: "203.0.113.7", userAgent: "curl/8", secure: false });
  });

  it("reads an IPv4-mapped address as IPv4 and HTTPS from the forwarded scheme", () => {
    const headers = new Headers({ "x-forwarded-for": "::ffff:10.0.0.5", "x-forwarded-proto": "https" });
    expect(requestFacts(headers, "http://localhost/")).toMatchObject({ sourceIp: "10.0.0.5", secure: true });
  });
});
