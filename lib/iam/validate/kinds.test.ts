import { describe, expect, it } from "vitest";
import { POLICY_KINDS, validatePolicy } from "./index";
import type { PolicyKind } from "./types";

const codes = (statement: unknown, kind: PolicyKind) =>
  validatePolicy({ Version: "2012-10-17", Statement: [statement] }, kind).errors.map((e) => e.code);

const permissions = { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/*" };
const bucketPolicy = { ...permissions, Principal: { AWS: "arn:aws:iam::111122223333:user/alice" } };
const trust = { Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "ec2.amazonaws.com" } };
const rcpDeny = {
  Effect: "Deny",
  Principal: "*",
  Action: "s3:*",
  Resource: "*",
  Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-abc123" } },
};

describe("identity, boundary and session policies", () => {
  it.each(["identity", "boundary", "session"] as const)("%s: accepts a plain statement and rejects principals", (kind) => {
    expect(codes(permissions, kind)).toEqual([]);
    expect(codes({ ...permissions, Principal: { AWS: "111122223333" } }, kind)).toEqual(["PrincipalNotAllowed"]);
    expect(codes({ ...permissions, Effect: "Deny", NotPrincipal: { AWS: "111122223333" } }, kind)).toEqual(["PrincipalNotAllowed"]);
    expect(codes({ Effect: "Allow", Action: "s3:*" }, kind)).toEqual(["MissingResource"]);
  });
});

describe("service control policies", () => {
  it("take conditions, NotAction and NotResource in Allow statements (full IAM language)", () => {
    expect(codes({ Effect: "Allow", NotAction: "iam:*", NotResource: "arn:aws:s3:::logs/*", Condition: { StringEquals: { "aws:RequestedRegion": "eu-west-1" } } }, "scp")).toEqual([]);
  });

  it("never name a principal", () => {
    expect(codes({ ...permissions, Principal: "*" }, "scp")).toEqual(["PrincipalNotAllowed"]);
  });

  it("want alphanumeric Sids", () => {
    expect(codes({ ...permissions, Sid: "deny-outside-eu" }, "scp")).toEqual(["InvalidSid"]);
  });
});

describe("resource-based policies", () => {
  it("need a principal", () => {
    expect(codes(bucketPolicy, "resource")).toEqual([]);
    expect(codes(permissions, "resource")).toEqual(["MissingPrincipal"]);
  });

  it("take NotPrincipal only with Deny", () => {
    const notPrincipal = { ...permissions, NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" } };
    expect(codes({ ...notPrincipal, Effect: "Deny" }, "resource")).toEqual([]);
    expect(codes(notPrincipal, "resource")).toEqual(["NotPrincipalNotAllowed"]);
    expect(codes({ ...notPrincipal, Principal: "*", Effect: "Deny" }, "resource")).toEqual(["PrincipalAndNotPrincipal"]);
  });

  it("allow Sids with spaces and punctuation, and repeated Sids", () => {
    const result = validatePolicy({ Statement: [{ ...bucketPolicy, Sid: "Read access" }, { ...bucketPolicy, Sid: "Read access" }] }, "resource");
    expect(result.errors).toEqual([]);
  });
});

describe("role trust policies", () => {
  it("need a principal and reject Resource, NotResource and NotPrincipal", () => {
    expect(codes(trust, "trust")).toEqual([]);
    expect(codes({ Effect: "Allow", Action: "sts:AssumeRole" }, "trust")).toEqual(["MissingPrincipal"]);
    expect(codes({ ...trust, Resource: "*" }, "trust")).toEqual(["ResourceNotAllowed"]);
    expect(codes({ ...trust, NotResource: "*" }, "trust")).toEqual(["ResourceNotAllowed"]);
    expect(codes({ Effect: "Deny", Action: "sts:AssumeRole", NotPrincipal: { AWS: "111122223333" } }, "trust")).toEqual(["NotPrincipalNotAllowed"]);
  });
});

describe("resource control policies", () => {
  it("deny with Principal \"*\" and conditions", () => {
    expect(codes(rcpDeny, "rcp")).toEqual([]);
  });

  it("accept Principal only as \"*\"", () => {
    expect(codes({ ...rcpDeny, Principal: { AWS: "111122223333" } }, "rcp")).toEqual(["InvalidPrincipal"]);
    expect(codes({ ...rcpDeny, Principal: undefined }, "rcp")).toEqual(["MissingPrincipal"]);
  });

  it("reject NotAction and NotPrincipal", () => {
    expect(codes({ ...rcpDeny, Action: undefined, NotAction: "s3:GetObject" }, "rcp")).toEqual(["NotActionNotAllowed"]);
    expect(codes({ ...rcpDeny, Principal: undefined, NotPrincipal: { AWS: "111122223333" } }, "rcp")).toEqual(["NotPrincipalNotAllowed"]);
  });

  it("allow only in the shape of RCPFullAWSAccess", () => {
    expect(codes({ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }, "rcp")).toEqual([]);
    expect(codes({ Effect: "Allow", Principal: "*", Action: "s3:*", Resource: "*" }, "rcp")).toEqual(["EffectNotSupported"]);
  });
});

describe("Sid uniqueness", () => {
  it.each(POLICY_KINDS.filter((kind) => kind !== "resource"))("%s: rejects a repeated Sid", (kind) => {
    const statement = kind === "trust" ? trust : kind === "rcp" ? rcpDeny : permissions;
    const twice = validatePolicy({ Statement: [{ ...statement, Sid: "Same" }, { ...statement, Sid: "Same" }] }, kind);
    expect(twice.errors.map((e) => [e.code, e.path])).toEqual([["DuplicateSid", "Statement[1].Sid"]]);
    const distinct = validatePolicy({ Statement: [{ ...statement, Sid: "One" }, { ...statement, Sid: "Two" }] }, kind);
    expect(distinct.errors).toEqual([]);
  });
});

describe("principal values", () => {
  const withAws = (aws: unknown) => codes({ ...permissions, Principal: { AWS: aws } }, "resource");

  it("accept \"*\", account ids, ARNs and unique ids", () => {
    expect(withAws(["*", "111122223333", "arn:aws:iam::111122223333:role/admin", "AROAEXAMPLEID1234567"])).toEqual([]);
    expect(codes({ ...permissions, Principal: { Service: ["ec2.amazonaws.com"], Federated: "cognito-identity.amazonaws.com", CanonicalUser: "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be" } }, "resource")).toEqual([]);
  });

  it("reject malformed ones", () => {
    expect(withAws("alice")).toEqual(["InvalidPrincipal"]);
    expect(withAws("arn:aws:iam::111122223333:user/*")).toEqual(["InvalidPrincipal"]);
    expect(withAws([])).toEqual(["EmptyArray"]);
    expect(codes({ ...permissions, Principal: { Aws: "111122223333" } }, "resource")).toEqual(["InvalidPrincipal"]);
    expect(codes({ ...permissions, Principal: "111122223333" }, "resource")).toEqual(["InvalidPrincipal"]);
    expect(codes({ ...permissions, Principal: {} }, "resource")).toEqual(["InvalidPrincipal"]);
  });
});
