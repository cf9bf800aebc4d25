import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCatalogIndex } from "@/lib/catalog/load";
import { POLICY_KINDS, validatePolicy, type SourceRange } from "../validate";
import { groupFindings, lintPolicy, SEVERITY_ORDER, severityRank } from "./index";

const catalog = loadCatalogIndex();

/** The text a range covers (1-based, end-exclusive, as Monaco markers are). */
function textAt(text: string, range: SourceRange): string {
  const lines = text.split("\n");
  if (range.startLine === range.endLine) return lines[range.startLine - 1].slice(range.startColumn - 1, range.endColumn - 1);
  const first = lines[range.startLine - 1].slice(range.startColumn - 1);
  const middle = lines.slice(range.startLine, range.endLine - 1);
  const last = lines[range.endLine - 1].slice(0, range.endColumn - 1);
  return [first, ...middle, last].join("\n");
}

const MULTI_LINE = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadObjects",
      "Effect": "Allow",
      "Action": [
        "s3:ListBucket",
        "s3:GetObjekt"
      ],
      "Resource": "arn:aws:s3:::my_bucket/*",
      "Condition": {
        "StringEquals": { "aws:username": "dev-*" },
        "Bool": { "aws:SecureTransport": "yes" }
      }
    }
  ]
}`;

describe("the my_bucket lesson", () => {
  const lesson = (resource: string) =>
    lintPolicy(JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: resource }] }), "identity", catalog);

  it("flags s3:GetObject on the bucket ARN, which names no object", () => {
    const finding = lesson("arn:aws:s3:::my_bucket").find((f) => f.code === "NoMatchingResourceType");
    expect(finding?.path).toBe("Statement[0].Action");
    expect(finding?.message).toContain('"arn:aws:s3:::bucket/*"');
  });

  it("accepts the objects of the bucket, wildcards and policy variables", () => {
    for (const resource of ["arn:aws:s3:::my_bucket/*", "arn:aws:s3:::my_bucket/${aws:username}/*", "arn:aws:s3:::*", "*"]) {
      expect(lesson(resource).map((f) => f.code)).not.toContain("NoMatchingResourceType");
    }
  });
});

describe("ranges in multi-line text", () => {
  const findings = lintPolicy(MULTI_LINE, "identity", catalog);
  const at = (code: string) => {
    const finding = findings.find((f) => f.code === code);
    if (!finding?.range) throw new Error(`no ranged ${code} finding`);
    return { finding, range: finding.range };
  };

  it("marks the misspelt action on its own line", () => {
    const { finding, range } = at("UnknownAction");
    expect(finding.path).toBe("Statement[0].Action[1]");
    expect(range.startLine).toBe(9);
    expect(range.startColumn).toBe(9);
    expect(textAt(MULTI_LINE, range)).toBe('"s3:GetObjekt"');
  });

  it("marks the condition value, not the whole condition", () => {
    expect(textAt(MULTI_LINE, at("WildcardWithoutLikeOperator").range)).toBe('"dev-*"');
    const { finding, range } = at("ConditionValueTypeMismatch");
    expect(finding.path).toBe('Statement[0].Condition.Bool["aws:SecureTransport"]');
    expect(range.startLine).toBe(14);
    expect(textAt(MULTI_LINE, range)).toBe('"yes"');
  });

  it("marks only the first character for a whole-document finding", () => {
    const finding = lintPolicy(MULTI_LINE, "identity", catalog, { sizeLimit: 100 }).find((f) => f.code === "PolicySizeExceedsQuota");
    expect(finding?.path).toBe("");
    expect(finding?.range).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 });
  });

  it("gives no ranges for a parsed value, with the same findings", () => {
    const fromValue = lintPolicy(JSON.parse(MULTI_LINE), "identity", catalog);
    expect(fromValue.every((f) => f.range === undefined)).toBe(true);
    expect(fromValue.map((f) => [f.code, f.path])).toEqual(findings.map((f) => [f.code, f.path]));
  });
});

describe("lint leaves the grammar to the validator", () => {
  it("returns nothing for text that does not parse", () => {
    expect(lintPolicy('{"Version": "2012-10-17", "Statement": [', "identity", catalog)).toEqual([]);
  });

  it("does not repeat a grammar error: Allow with NotPrincipal is the validator's", () => {
    const policy = {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }],
    };
    expect(validatePolicy(policy, "resource").errors.map((e) => e.code)).toContain("NotPrincipalNotAllowed");
    expect(lintPolicy(policy, "resource", catalog)).toEqual([]);
  });

  it("skips elements of the wrong shape instead of failing on them", () => {
    const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: 42, Resource: { a: 1 }, Condition: "x" }] };
    expect(lintPolicy(policy, "identity", catalog)).toEqual([]);
  });
});

describe("severity order and grouping", () => {
  const findings = lintPolicy(MULTI_LINE, "identity", catalog);

  it("returns findings most urgent first", () => {
    const ranks = findings.map((f) => severityRank(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(SEVERITY_ORDER).toEqual(["error", "security", "warning", "suggestion"]);
  });

  it("groups findings like Access Analyzer's list, leaving out empty groups", () => {
    const groups = groupFindings(findings);
    expect(groups.map((g) => g.label)).toEqual(["Errors", "Warnings"]);
    expect(groups.flatMap((g) => g.findings)).toHaveLength(findings.length);
    expect(groups[0].findings.every((f) => f.severity === "error")).toBe(true);
  });
});

// Policy-shaped values built from pieces the rules look at, to reach deep into every check.
const piece = fc.oneof(
  fc.constantFrom("*", "s3:Get*", "s3:GetObject", "iam:PassRole", "ec2:?tart*", "s3x:Foo", "arn:aws:s3:::b", "arn:aws:s3:::b/*", "arn:*", "arn:aws:iam::1:role/${aws:username}", "${", "arn:aws:S3:us-east-1:x:y:z", ""),
  fc.string(),
);
const valueOf = fc.oneof(piece, fc.array(piece, { maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }));
const condition = fc.dictionary(
  fc.constantFrom("StringEquals", "ForAllValues:StringLike", "ForAnyValue:ArnEquals", "Null", "Bool", "NumericLessThan", "DateLessThan", "IpAddress", "BinaryEquals", "Nope"),
  fc.oneof(fc.dictionary(fc.constantFrom("aws:TagKeys", "aws:username", "s3:prefix", "s3:ExistingObjectTag/x", "ec2:Region", "accounts.google.com:aud", "x"), valueOf), fc.jsonValue({ maxDepth: 1 })),
);
const statement = fc.record(
  {
    Effect: fc.constantFrom("Allow", "Deny", "allow", 1),
    Action: valueOf,
    NotAction: valueOf,
    Resource: valueOf,
    NotResource: valueOf,
    Principal: fc.oneof(fc.constant("*"), fc.record({ AWS: valueOf }), fc.jsonValue({ maxDepth: 1 })),
    Condition: fc.oneof(condition, fc.jsonValue({ maxDepth: 1 })),
  },
  { requiredKeys: [] },
);
const policyLike = fc.record(
  { Version: fc.constantFrom("2012-10-17", "2008-10-17", 7), Statement: fc.oneof(statement, fc.array(statement, { maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })) },
  { requiredKeys: [] },
);

describe("robustness", () => {
  it("never throws on any JSON value or its text, for every kind", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), policyLike), fc.constantFrom(...POLICY_KINDS), (value, kind) => {
        const text = JSON.stringify(value, null, 1) ?? "null";
        const fromText = lintPolicy(text, kind, catalog, { sizeLimit: 50 });
        const fromValue = lintPolicy(value, kind, catalog);
        for (const finding of [...fromText, ...fromValue]) {
          expect(SEVERITY_ORDER).toContain(finding.severity);
          expect(finding.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(Array.isArray(lintPolicy(text, "identity", catalog))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
