import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileResourcePatterns } from "@/lib/iam/match/resource";
import { scopesMayOverlap } from "./overlap";
import type { ResourceScope } from "./types";

const scope = (...patterns: string[]): ResourceScope => ({ element: "Resource", patterns });
const NO_CONTEXT = { get: () => undefined, has: () => false };

describe("scopesMayOverlap", () => {
  it.each([
    ["arn:aws:s3:::team-a/*", "arn:aws:s3:::team-b/*", false],
    ["arn:aws:s3:::team-a/*", "arn:aws:s3:::team-*", true],
    ["arn:aws:s3:::my_bucket", "arn:aws:s3:::my_bucket/*", false],
    ["*", "arn:aws:s3:::anything", true],
    ["arn:aws:ec2:*:123456789012:instance/i-1", "arn:aws:ec2:eu-west-1:*:instance/*", true],
    // A `*` followed by text of its own segment stays within the segment; a trailing one does not.
    ["arn:aws:iam::1:role/a*b", "arn:aws:iam::1:role/a:b", false],
    ["arn:aws:iam::1:role/a*", "arn:aws:iam::1:role/a:b", true],
    ["arn:aws:s3:::?", "arn:aws:s3:::ab", false],
    ["arn:aws:s3:::?", "arn:aws:s3:::a", true],
    // An escaped star is a literal star.
    ["arn:aws:s3:::a${*}b", "arn:aws:s3:::axb", false],
    ["arn:aws:s3:::a${*}b", "arn:aws:s3:::a*b", true],
    // A variable left for the request could be anything.
    ["arn:aws:s3:::${aws:userid}", "arn:aws:s3:::x", true],
  ])("%s and %s: %s", (a, b, expected) => {
    expect(scopesMayOverlap(scope(a), scope(b))).toBe(expected);
    expect(scopesMayOverlap(scope(b), scope(a))).toBe(expected);
  });

  it("treats NotResource as possibly overlapping", () => {
    expect(scopesMayOverlap({ element: "NotResource", patterns: ["*"] }, scope("arn:aws:s3:::a"))).toBe(true);
  });

  it("overlaps exactly when some resource matches both patterns", () => {
    // A shortest common string is no longer than both patterns together, so every string up to
    // that length over the patterns' letters, `:` and one other letter decides the question.
    const pattern = fc.array(fc.constantFrom("a", ":", "*", "?"), { minLength: 0, maxLength: 3 }).map((chars) => chars.join(""));
    const strings = (length: number): string[] => {
      const all = [""];
      for (let n = 1, level = [""]; n <= length; n++) {
        level = level.flatMap((prefix) => ["a", ":", "x"].map((char) => prefix + char));
        all.push(...level);
      }
      return all;
    };
    const universe = strings(6);
    fc.assert(
      fc.property(pattern, pattern, (a, b) => {
        const matchA = compileResourcePatterns([a], true);
        const matchB = compileResourcePatterns([b], true);
        const common = universe.some((value) => matchA.matches(value, NO_CONTEXT) && matchB.matches(value, NO_CONTEXT));
        expect(scopesMayOverlap(scope(a), scope(b))).toBe(common);
      }),
      { numRuns: 300 },
    );
  });
});
