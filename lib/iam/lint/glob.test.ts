import { describe, expect, it } from "vitest";
import { editDistance, closest } from "./distance";
import { coverMatcher, intersects, SEGMENT_STAR } from "./glob";

describe("intersects: can two wildcard patterns match one same string", () => {
  it.each([
    ["arn:*:s3:::*/*", "arn:aws:s3:::my_bucket/*", true],
    ["arn:*:s3:::*/*", "arn:aws:s3:::my_bucket", false],
    ["a*c", "ab?", true],
    ["a?c", "a*d", false],
    ["*", "", true],
    ["?", "", false],
    ["abc", "abc", true],
    ["abc", "abd", false],
  ] as const)("%s and %s: %s", (a, b, expected) => {
    expect(intersects(a, b)).toBe(expected);
    expect(intersects(b, a)).toBe(expected);
  });

  it("keeps a confined star within its colon-separated field", () => {
    const catalog = "arn:*:elasticloadbalancing:*:*:loadbalancer/app/*/*";
    const policy = "arn:aws:waf-regional:*:*:*/*";
    expect(intersects(catalog, policy, catalog.indexOf("loadbalancer"))).toBe(false);
    // A policy's own star may still run past colons.
    const secret = "arn:*:secretsmanager:*:*:secret:*";
    expect(intersects(secret, "arn:aws:secretsmanager:*:*:opsworks-cm!x-*", secret.indexOf("secret:"))).toBe(true);
  });

  it("keeps a segment star (a bucket name) within its path segment", () => {
    // The partition's star stays in its field too, as the catalog's ARNs are compared.
    const bucket = `arn:*:s3:::${SEGMENT_STAR}`;
    const fits = (catalog: string, policy: string) => intersects(catalog, policy, "arn:*:s3:::".length);
    expect(fits(bucket, "arn:aws:s3:::my_bucket")).toBe(true);
    expect(fits(bucket, "arn:aws:s3:::my_*")).toBe(true);
    expect(fits(bucket, "arn:aws:s3:::my_bucket/*")).toBe(false);
    expect(fits(bucket, "arn:aws:s3:::my_bucket/")).toBe(false);
    // The policy's own star may still be empty, or end the name: "*" stands for any text.
    expect(fits(bucket, "arn:aws:s3:::*")).toBe(true);
    expect(fits(`arn:*:s3:::${SEGMENT_STAR}/*`, "arn:aws:s3:::my_bucket/*")).toBe(true);
  });
});

describe("coverMatcher: does one pattern cover everything another matches", () => {
  it.each([
    ["s3:Get*", "s3:GetObject", true],
    ["s3:Get*", "s3:getobject*", true],
    ["s3:Get*", "s3:*", false],
    ["s3:G?t*", "s3:G*t", false],
    ["s3:GetObject", "S3:GETOBJECT", true],
    ["s3:GetObject", "s3:GetObjectAcl", false],
  ] as const)("%s covers %s: %s", (general, specific, expected) => {
    expect(coverMatcher(general, true)(specific)).toBe(expected);
  });
});

describe("edit distance and closest", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("kitten", "sitting", 5)).toBe(3);
    expect(editDistance("getobjekt", "getobject", 3)).toBe(1);
    expect(editDistance("abc", "abc", 0)).toBe(0);
  });

  it("stops past the limit", () => {
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
  });

  it("picks the nearest candidate within a third of the word, ignoring case", () => {
    expect(closest("s3:GetObjekt", ["s3:GetObject", "s3:PutObject"])).toBe("s3:GetObject");
    expect(closest("EC2", ["ec2", "ecs"])).toBe("ec2");
    expect(closest("lambda", ["s3", "ec2"])).toBeUndefined();
  });
});
