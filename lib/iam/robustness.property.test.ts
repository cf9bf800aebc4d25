/**
 * Hostile input through the whole engine: random and adversarial policy documents and requests
 * go through validate, lint, compile, evaluate and the symbolic access analysis. Nothing throws,
 * everything finishes (no run-time assertion: completing is the proof), and a document the
 * validator rejects is never evaluated as if it were valid ("Policy evaluation logic": a
 * malformed policy is refused, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/catalog/load";
import { analyzeAccess } from "./access";
import { ACTIONS, CONTEXTS, policyArb, RESOURCES } from "./arbitraries";
import { indexCatalog } from "./catalog";
import type { Catalog } from "./catalog/types";
import { compilePolicy } from "./compile/policy";
import { lintPolicy } from "./lint";
import { simulate } from "./simulate";
import { POLICY_KINDS, validatePolicy } from "./validate";

// A two-service slice keeps each symbolic analysis to a few hundred actions.
const full = loadCatalog();
const catalog: Catalog = { ...full, services: full.services.filter((service) => service.prefix === "s3" || service.prefix === "iam") };
const catalogIndex = indexCatalog(catalog);

const STARS = "*a".repeat(200);
const LONG = "a".repeat(10_000);
const HOSTILE_TEXT = [
  "", " ", "*", "?", "**********", STARS, `${STARS}b*`, `s3:${STARS}b`, `arn:aws:s3:::${STARS}b?`, `arn:aws:s3:::${"*a:".repeat(100)}*`,
  LONG, `arn:aws:s3:::${LONG}`, `s3:${LONG}`, "${", "${}", "${aws:username", "${${aws:username}}", "${aws:username, '}", "${ , 'x'}",
  "${aws:PrincipalTag/${x}}", "${*}${?}${$}", `\${aws:username, '${"''".repeat(500)}'}`, "${".repeat(2_000), "$".repeat(500),
  "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "\u0000", "\uD800", "İ", "\u212Aelvin", "𝒜𝒷𝒸:*", "ﬀ",
  "arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:root", "111122223333", "s3:GetObject", "true", "false", "1e309", "-0",
  "203.0.113.0/24", "::/0", "2024-01-01T00:00:00Z", "NaN",
];
const ELEMENTS = ["Version", "Id", "Statement", "Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition", "AWS"];
const OPERATORS = [
  "StringLike", "StringNotLike", "ArnLike", "ArnNotLike", "ArnEquals", "StringEquals", "StringEqualsIgnoreCase", "NumericLessThan",
  "DateGreaterThan", "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "Null", "ForAnyValue:StringLike", "ForAllValues:ArnLike",
  "ForAnyValue:StringLikeIfExists", "ForAllValues:StringNotLike", "NullIfExists", "ForAnyValue:", ":", "IfExists", "__proto__",
];
const KEYS = ["aws:userid", "aws:SourceArn", "aws:TagKeys", "aws:username", "aws:PrincipalTag/team", "s3:prefix", "aws:SourceIp", "__proto__", "constructor", ""];

const hostileText = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_TEXT), weight: 4 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 20 }), weight: 1 },
  { arbitrary: fc.string({ unit: fc.constantFrom("*", "?", ":", "$", "{", "}", "a", "/", "'", ","), maxLength: 40 }), weight: 2 },
);
const scalar = fc.oneof(hostileText, fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, Number.MAX_SAFE_INTEGER, -0));

/** Own keys only: Object.fromEntries makes "__proto__" a property, not a prototype. */
const objectOf = (key: fc.Arbitrary<string>, value: fc.Arbitrary<unknown>, maxKeys: number) =>
  fc.array(fc.tuple(key, value), { maxLength: maxKeys }).map((entries) => Object.fromEntries(entries));

/** Any JSON value with the engine's own words as keys, nested a few levels deep. */
const { json } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(tie("json"), { maxLength: 4 }),
    objectOf(fc.oneof(fc.constantFrom(...ELEMENTS, ...OPERATORS, ...KEYS), hostileText), tie("json"), 4),
  ),
}));

/** A chain of single-key objects or arrays, deeper than any real policy (and than recursion likes). */
const deep = fc.tuple(fc.integer({ min: 20, max: 300 }), fc.constantFrom(...ELEMENTS), fc.boolean()).map(([depth, key, arrays]) => {
  let value: unknown = "*";
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { [key]: value };
  return value;
});

const values = fc.oneof(scalar, fc.array(scalar, { maxLength: 40 }), json);
const condition = objectOf(fc.constantFrom(...OPERATORS), fc.oneof(objectOf(fc.constantFrom(...KEYS), values, 30), json), 4);

/** Statements in the right shape with wrong or hostile values in every element. */
const statement = fc.record(
  {
    Sid: fc.oneof(hostileText, json),
    Effect: fc.oneof(fc.constantFrom("Allow", "Deny", "allow", "Maybe"), json),
    Action: values,
    NotAction: values,
    Resource: values,
    NotResource: values,
    Principal: fc.oneof(fc.constant("*"), objectOf(fc.constantFrom("AWS", "Service", "Federated", "__proto__"), values, 3), json),
    Condition: fc.oneof(condition, json),
  },
  { requiredKeys: [] },
);

/** Statements the validator accepts, with hostile patterns and values where text is allowed. */
const ACTION_PATTERNS = [...ACTIONS, "*", "s3:*", "s3:Get*", `s3:${STARS}b*`, `s3:${"?".repeat(300)}`, `s3:${LONG}`, `s3*:${STARS}`, "iam:*User"];
const RESOURCE_PATTERNS = [
  ...RESOURCES, `arn:aws:s3:::${STARS}b*`, `arn:aws:s3:::${LONG}`, `arn:aws:iam::*:user/${"*a".repeat(100)}?`, `arn:aws:logs:*:*:${"*a:".repeat(100)}*`,
  "arn:aws:s3:::b/${aws:username}/*", `arn:aws:s3:::${"${aws:username}*".repeat(100)}`, "arn:aws:s3:::${aws:PrincipalTag/team, '*'}/𝒜*", `arn:aws:s3:::${"${".repeat(200)}`,
];
const patterns = (list: readonly string[]) => fc.oneof(fc.constantFrom(...list), fc.uniqueArray(fc.constantFrom(...list), { minLength: 1, maxLength: 6 }));
// The wildcard operators take any text; the numeric, date and Null ones would reject it.
const LIKE_OPERATORS = ["StringLike", "StringNotLike", "ArnLike", "ArnNotLike", "ArnEquals", "StringEquals", "ForAnyValue:StringLike", "ForAllValues:ArnLike", "ForAnyValue:StringLikeIfExists", "ForAllValues:StringNotLike"];
const validCondition = objectOf(fc.constantFrom(...LIKE_OPERATORS), objectOf(fc.constantFrom(...KEYS.slice(0, 7)), fc.array(hostileText, { minLength: 1, maxLength: 40 }), 20), 4);
const validStatement = fc
  .record({
    Effect: fc.constantFrom("Allow", "Allow", "Deny"),
    actions: patterns(ACTION_PATTERNS),
    notAction: fc.boolean(),
    resources: patterns(RESOURCE_PATTERNS),
    notResource: fc.boolean(),
    condition: fc.option(validCondition, { nil: undefined }),
  })
  .map(({ Effect, actions, notAction, resources, notResource, condition }) => ({
    Effect,
    [notAction ? "NotAction" : "Action"]: actions,
    [notResource ? "NotResource" : "Resource"]: resources,
    ...(condition ? { Condition: condition } : {}),
  }));
const validShaped = fc.array(validStatement, { minLength: 1, maxLength: 4 }).map((Statement) => ({ Version: "2012-10-17", Statement }));

const hostileDocument: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: validShaped, weight: 6 },
  { arbitrary: policyArb, weight: 1 },
  fc.record(
    {
      Version: fc.oneof(fc.constantFrom("2012-10-17", "2008-10-17"), scalar),
      Id: scalar,
      Statement: fc.oneof(statement, fc.array(fc.oneof({ arbitrary: statement, weight: 4 }, { arbitrary: json, weight: 1 }), { maxLength: 6 }), json),
    },
    { requiredKeys: ["Statement"] },
  ),
  json,
  deep,
);

const hostileContext = fc.oneof(
  { arbitrary: fc.constantFrom(...CONTEXTS), weight: 2 },
  { arbitrary: objectOf(fc.oneof(fc.constantFrom(...KEYS), hostileText), fc.oneof(hostileText, fc.array(hostileText, { maxLength: 50 })), 60), weight: 4 },
  { arbitrary: json, weight: 1 },
);

// Mostly well-formed, so that most requests reach evaluation; sometimes anything at all.
const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: bad, weight: 1 });
const hostileRequest = fc.record({
  principal: mostly(
    fc.record({
      arn: fc.constantFrom("arn:aws:iam::111122223333:user/alice", "arn:aws:sts::111122223333:assumed-role/app/s", "arn:aws:iam::111122223333:root"),
      tags: objectOf(fc.oneof(fc.constantFrom("team", "__proto__", "constructor"), hostileText), hostileText, 5),
    }),
    json,
  ),
  action: mostly(fc.oneof(fc.constantFrom(...ACTIONS), fc.constantFrom(`s3:${LONG}`, "S3:GETOBJECT", "s3:𝒜", "s3:", ":")), json),
  resource: mostly(fc.oneof(fc.constantFrom(...RESOURCES), fc.constantFrom(`arn:aws:s3:::${LONG}`, `arn:aws:s3:::${"a:".repeat(5_000)}`, "")), json),
  context: hostileContext,
});

const DECISIONS = ["allowed", "explicitDeny", "implicitDeny", "invalidPolicy"];

describe("the engine under hostile input", () => {
  it("validate and lint: every kind, as a value and as text", () => {
    fc.assert(
      fc.property(hostileDocument, (document) => {
        const text = JSON.stringify(document) ?? "null";
        for (const kind of POLICY_KINDS) expect(Array.isArray(validatePolicy(document, kind).errors)).toBe(true);
        // Text takes the located parser (kind-independent) and then the same checks.
        for (const kind of ["identity", "trust"] as const) expect(Array.isArray(validatePolicy(text, kind).errors)).toBe(true);
        expect(Array.isArray(lintPolicy(text, "identity", catalogIndex))).toBe(true);
        compilePolicy(document);
      }),
      // A lint per document with 10,000-character patterns: fewer runs keep this to seconds.
      { numRuns: 50 },
    );
  });

  it("evaluate: a rejected document is never evaluated as valid", () => {
    fc.assert(
      fc.property(hostileDocument, fc.option(hostileDocument, { nil: null, freq: 1 }), hostileRequest, (document, boundary, request) => {
        const outcome = simulate({ ...request, identityPolicies: [document], permissionsBoundary: boundary });
        if (!outcome.ok) {
          expect(outcome.error).toEqual(expect.any(String));
          return;
        }
        expect(DECISIONS).toContain(outcome.result.decision);
        if (validatePolicy(document, "identity").errors.length > 0) expect(outcome.result.decision).toBe("invalidPolicy");
      }),
      { numRuns: 200 },
    );
  });

  it("symbolic access analysis: answers for every document", () => {
    fc.assert(
      fc.property(fc.array(hostileDocument, { minLength: 1, maxLength: 2 }), fc.option(hostileDocument, { nil: null, freq: 1 }), (identityPolicies, permissionsBoundary) => {
        const principal = { arn: "arn:aws:iam::111122223333:user/alice", tags: { team: "${aws:username}*" } };
        const analysis = analyzeAccess({ principal, identityPolicies, permissionsBoundary, scps: null, sessionPolicy: null }, catalog);
        expect(["analyzed", "invalidPolicy", "invalidRequest"]).toContain(analysis.kind);
        if (identityPolicies.some((document) => validatePolicy(document, "identity").errors.length > 0)) expect(analysis.kind).not.toBe("analyzed");
      }),
      { numRuns: 100 },
    );
  });

  it("random raw requests of any shape", () => {
    fc.assert(
      fc.property(json, (raw) => {
        const outcome = simulate(raw);
        expect(typeof outcome.ok).toBe("boolean");
      }),
      { numRuns: 200 },
    );
  });
});
