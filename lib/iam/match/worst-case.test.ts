/**
 * The worst case for every wildcard matcher that sees policy or request text: 100 stars against
 * a 10,000-character value. A matcher that retries every split at every `*` never finishes these
 * (one with 5 stars against 400 characters already ran past 120 s); the tests completing at all
 * is the proof, so none of them measures time.
 * Semantics: "IAM JSON policy elements: Resource" (Using wildcards in resource ARNs) and
 * "IAM JSON policy elements: Condition operators" (StringLike, ArnLike, set operators).
 */
import { describe, expect, it } from "vitest";
import { loadCatalogIndex } from "@/lib/catalog/load";
import { scopesMayOverlap } from "../access/overlap";
import { compileCondition } from "../conditions/compile";
import { lintPolicy } from "../lint";
import { actionMatcher, coverMatcher, intersects } from "../lint/glob";
import { simulate } from "../simulate";
import { validatePolicy } from "../validate";
import { compileActionPatterns, actionName } from "./action";
import { compileGlob } from "./glob";
import { compileResourcePatterns } from "./resource";

const STARS = "*a".repeat(100);
// No literal at either end, so no prefix or suffix check can answer before the full match runs.
const HARD = `${STARS}b*`;
const LONG = "a".repeat(10_000);
const S3 = "arn:aws:s3:::";
const noContext = new Map<string, string>();

describe("glob: 100 stars against 10,000 characters", () => {
  it.each([
    ["plain", {}],
    ["lower-cased", { lowerCase: true }],
    ["ARN segments", { arnSegments: true }],
  ] as const)("%s", (_mode, options) => {
    // The shape of the reported attack, then the same without a literal end.
    expect(compileGlob(`${STARS}b`, options)(LONG)).toBe(false);
    expect(compileGlob(HARD, options)(LONG)).toBe(false);
    expect(compileGlob(`${STARS}b?`, options)(LONG)).toBe(false);
    expect(compileGlob(`${STARS}?`, options)(LONG)).toBe(true);
    expect(compileGlob(`${"*?a".repeat(100)}b*`, options)(LONG)).toBe(false);
    expect(compileGlob(`${"?*".repeat(100)}b`, options)(`${LONG}b`)).toBe(true);
  });

  it("confined stars facing colons", () => {
    // Each `*` is followed by text of its own segment, so none may cross a colon.
    const colons = "a:".repeat(5_000);
    expect(compileGlob(`${STARS}*b`, { arnSegments: true })(`${colons}b`)).toBe(false);
    expect(compileGlob(`${STARS}*b`, { arnSegments: true })(`${LONG}b`)).toBe(true);
    // 100 confined stars cover 101 segments, not 5,001.
    expect(compileGlob(`${"*a:".repeat(100)}*b`, { arnSegments: true })(`${colons}b`)).toBe(false);
    expect(compileGlob(`${"*a:".repeat(100)}*b`, { arnSegments: true })(`${"a:".repeat(100)}b`)).toBe(true);
    expect(compileGlob(`${"?a:".repeat(100)}*`, { arnSegments: true })(colons)).toBe(false);
  });
});

describe("Action, Resource and NotResource patterns (IAM JSON policy elements: Resource)", () => {
  it("an action pattern", () => {
    expect(compileActionPatterns([`s3:${HARD}`]).matches(actionName(`s3:${LONG}`))).toBe(false);
    expect(compileActionPatterns([`s3${HARD}`]).matches(actionName(`s3:${LONG}`))).toBe(false);
    expect(compileActionPatterns([`s3${STARS}*`]).matches(actionName(`s3:${LONG}`))).toBe(true);
  });

  it("a resource pattern, fixed and with a policy variable", () => {
    expect(compileResourcePatterns([`${S3}${HARD}`], true).matches(`${S3}${LONG}`, noContext)).toBe(false);
    const context = new Map([["aws:username", "a"]]);
    const templated = compileResourcePatterns([`${S3}${"*${aws:username}".repeat(100)}b*`], true);
    expect(templated.matches(`${S3}${LONG}`, context)).toBe(false);
    expect(templated.matches(`${S3}${LONG}b`, context)).toBe(true);
  });

  it("a whole request through the engine: Resource and NotResource", () => {
    const request = (statement: Record<string, unknown>) => ({
      principal: { arn: "arn:aws:iam::111122223333:user/alice" },
      identityPolicies: [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", ...statement }] }],
      action: "s3:GetObject",
      resource: `${S3}${LONG}`,
    });
    const allowed = simulate(request({ Resource: `${S3}${HARD}` }));
    const notResource = simulate(request({ NotResource: `${S3}${HARD}` }));
    expect(allowed.ok && allowed.result.decision).toBe("implicitDeny");
    expect(notResource.ok && notResource.result.decision).toBe("allowed");
  });
});

describe("condition operators (IAM JSON policy elements: Condition operators)", () => {
  const test = (block: Record<string, unknown>, context: Map<string, string | string[]>) => {
    const compiled = compileCondition(block, true, "Condition", []);
    if (!compiled) throw new Error("the block did not compile");
    return compiled.test(context);
  };
  const value = new Map([["aws:userid", LONG]]);
  const arn = new Map([["aws:sourcearn", `arn:aws:s3:${LONG}:${LONG}:${LONG}`]]);
  const many = new Map([["aws:tagkeys", Array.from({ length: 20 }, () => LONG)]]);

  it("StringLike and StringNotLike", () => {
    expect(test({ StringLike: { "aws:userid": HARD } }, value)).toBe(false);
    expect(test({ StringNotLike: { "aws:userid": HARD } }, value)).toBe(true);
    expect(test({ StringLike: { "aws:userid": `${"*?".repeat(100)}` } }, value)).toBe(true);
  });

  it("ArnLike, with stars in every part", () => {
    const pattern = `arn:aws:s3:${HARD}:${STARS}:${HARD}`;
    expect(test({ ArnLike: { "aws:SourceArn": pattern } }, arn)).toBe(false);
    expect(test({ ArnNotLike: { "aws:SourceArn": pattern } }, arn)).toBe(true);
    expect(test({ ArnLike: { "aws:SourceArn": `arn:aws:s3:${STARS}:${STARS}:${STARS}` } }, arn)).toBe(true);
  });

  it("ForAnyValue and ForAllValues over many long values", () => {
    const patterns = [HARD, `${STARS}c*`];
    expect(test({ "ForAnyValue:StringLike": { "aws:TagKeys": patterns } }, many)).toBe(false);
    expect(test({ "ForAllValues:StringLike": { "aws:TagKeys": patterns } }, many)).toBe(false);
    expect(test({ "ForAllValues:StringLike": { "aws:TagKeys": [...patterns, STARS] } }, many)).toBe(true);
  });

  it("NumericLessThan on a 100,000-digit value that is not a number", () => {
    const digits = new Map([["aws:multifactorauthage", `${"1".repeat(100_000)}x`]]);
    expect(test({ NumericLessThan: { "aws:MultiFactorAuthAge": "3600" } }, digits)).toBe(false);
    expect(test({ NumericLessThan: { "aws:MultiFactorAuthAge": `${"1".repeat(100_000)}x` } }, new Map([["aws:multifactorauthage", "1"]]))).toBe(false);
  });

  it("a pattern built from a policy variable", () => {
    const context = new Map([["aws:userid", LONG], ["aws:username", "a"]]);
    expect(test({ StringLike: { "aws:userid": `${"*${aws:username}".repeat(100)}b*` } }, context)).toBe(false);
  });
});

describe("the linter's pattern questions", () => {
  it("actionMatcher", () => {
    expect(actionMatcher(`s3:${HARD}`)(`s3:${LONG}`)).toBe(false);
  });

  it("coverMatcher", () => {
    expect(coverMatcher(`s3:${HARD}`, true)(`s3:${LONG}`)).toBe(false);
    expect(coverMatcher(`s3:${"?".repeat(100)}*`, true)(`s3:${LONG}`)).toBe(true);
  });

  it("intersects", () => {
    expect(intersects(`${S3}${HARD}`, `${S3}${LONG}`)).toBe(false);
    expect(intersects(`${S3}${HARD}`, `${S3}${LONG}*`)).toBe(true);
    expect(intersects(`${S3}${STARS}b?`, `${S3}${STARS}c?`, 20)).toBe(false);
  });
});

describe("overlap of two Resource scopes (symbolic analysis)", () => {
  const scope = (...patterns: string[]) => ({ element: "Resource" as const, patterns });
  it("100 stars against 10,000 characters, and against 100 other stars", () => {
    expect(scopesMayOverlap(scope(`${S3}${HARD}`), scope(`${S3}${LONG}`))).toBe(false);
    expect(scopesMayOverlap(scope(`${S3}${HARD}`), scope(`${S3}${LONG}?`))).toBe(true);
    expect(scopesMayOverlap(scope(`${S3}${STARS}b?`), scope(`${S3}${STARS}c?`))).toBe(false);
    expect(scopesMayOverlap(scope(`${S3}${"*a:".repeat(100)}b`), scope(`${S3}${"a".repeat(5_000)}:b`))).toBe(false);
  });
});

describe("policy variables: 50,000 `${` with no `}` (IAM policy elements: Variables and tags)", () => {
  const resource = `${S3}${"${".repeat(50_000)}`;
  const document = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: resource, Condition: { StringEquals: { "aws:userid": resource } } }] };
  it("validate, lint and evaluate read it as plain text", () => {
    expect(validatePolicy(document, "identity").errors).toEqual([]);
    expect(lintPolicy(document, "identity", loadCatalogIndex()).map((finding) => finding.code)).not.toContain("InvalidVariableForOperator");
    const outcome = simulate({ principal: { arn: "arn:aws:iam::111122223333:user/alice" }, identityPolicies: [document], action: "s3:GetObject", resource });
    expect(outcome.ok && outcome.result.decision).toBe("implicitDeny");
  });
});
