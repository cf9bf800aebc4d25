/**
 * The analysis is exact: for sampled principals (small policy sets with wildcards, NotAction,
 * NotResource, policy variables, every condition family with IfExists and missing keys, denies,
 * a boundary, SCP levels, session policies) and sampled requests, the decision read from the
 * analysis alone equals the engine's `simulate` on the same request, and each action's status
 * agrees with that decision.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/catalog/load";
import type { Catalog } from "@/lib/iam/catalog/types";
import { simulate } from "@/lib/iam/simulate";
import type { ContextValue } from "@/lib/iam/types";
import { analyzeAccess, decideFromAnalysis, type AccessInput, type ActionAccess, type AnalyzedAccess } from "./index";

const ACCOUNT = "111122223333";

// A slice of the real catalog keeps each analysis small; the services cover whole-service,
// prefix, cross-service and NotAction matches.
const SERVICES = new Set(["s3", "iam", "sts", "kms", "sqs", "dynamodb", "ec2"]);
const full = loadCatalog();
const catalog: Catalog = { ...full, services: full.services.filter((service) => SERVICES.has(service.prefix)) };
const catalogActions = catalog.services.flatMap((service) => service.actions.map((action) => `${service.prefix}:${action.name}`));

const ACTION_PATTERNS = [
  "*", "s3:*", "s3:Get*", "s3:GetObject", "S3:PUTOBJECT", "s3:*Object", "s3:?etObject", "s3:List*",
  "iam:*", "iam:Get*", "iam:PassRole", "sts:*", "sts:GetCallerIdentity", "kms:Decrypt", "kms:*",
  "dynamodb:Get*", "ec2:*", "ec2:Describe*", "ec2:TerminateInstances", "sqs:SendMessage",
];

const RESOURCE_PATTERNS = [
  "*", "arn:aws:s3:::my_bucket/*", "arn:aws:s3:::my_bucket", "arn:aws:s3:::corp-audit/*", "arn:aws:s3:::*",
  "arn:aws:s3:::home/${aws:username}/*", `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`,
  "arn:aws:s3:::${aws:PrincipalTag/team}-data/*", "arn:aws:s3:::my_bucket/${aws:userid}/*",
  "arn:aws:s3:::my_bucket/${aws:PrincipalTag/dept, 'shared'}/*", "arn:aws:s3:::my_bucket/${aws:PrincipalTag/dept}/*",
  `arn:aws:kms:*:${ACCOUNT}:key/*`, "arn:aws:ec2:eu-west-1:*:instance/*", "arn:aws:s3:::my_bucket/${*}",
  "arn:aws:s3:::my_?ucket/*", "arn:aws:iam::*:role/app-*", "arn:aws:s3:::$weird/*", "arn:aws:s3:::${x y}/*",
];

const RESOURCES = [
  "*", "arn:aws:s3:::my_bucket/key.txt", "arn:aws:s3:::my_bucket", "arn:aws:s3:::corp-audit/log.txt",
  "arn:aws:s3:::home/alice/notes.txt", "arn:aws:s3:::home/bob/x", `arn:aws:iam::${ACCOUNT}:user/alice`,
  "arn:aws:s3:::blue-data/r", "arn:aws:s3:::a*b-data/r", "arn:aws:s3:::axxb-data/r", "arn:aws:s3:::my_bucket/AIDA1/x",
  "arn:aws:s3:::my_bucket/shared/x", "arn:aws:s3:::my_bucket/eng/x", "arn:aws:s3:::my_bucket/*",
  `arn:aws:kms:eu-west-1:${ACCOUNT}:key/k1`, `arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/i-1`,
  `arn:aws:iam::${ACCOUNT}:role/app-x`, "arn:aws:s3:::$weird/x", "arn:aws:s3:::${x y}/z",
];

/** [operator, key, values]: every operator family, IfExists, set operators, variables. */
const CLAUSES: [string, string, string[]][] = [
  ["Bool", "aws:MultiFactorAuthPresent", ["true"]],
  ["Bool", "aws:MultiFactorAuthPresent", ["false"]],
  ["BoolIfExists", "aws:MultiFactorAuthPresent", ["false"]],
  ["StringEquals", "aws:RequestedRegion", ["eu-west-1", "eu-central-1"]],
  ["StringNotEquals", "aws:RequestedRegion", ["eu-west-1"]],
  ["StringNotEqualsIfExists", "aws:RequestedRegion", ["us-east-1"]],
  ["StringLike", "s3:prefix", ["home/${aws:username}/*"]],
  ["StringEquals", "aws:ResourceTag/team", ["${aws:PrincipalTag/team}"]],
  ["StringLike", "aws:ResourceTag/team", ["${aws:PrincipalTag/team}"]],
  ["StringEquals", "aws:PrincipalTag/team", ["blue"]],
  ["StringEqualsIgnoreCase", "aws:username", ["ALICE"]],
  ["StringNotEquals", "aws:PrincipalTag/dept", ["eng"]],
  ["Null", "aws:PrincipalTag/dept", ["true"]],
  ["Null", "aws:TokenIssueTime", ["false"]],
  // Null reads "true"/"false" as written: a variable there is never substituted.
  ["Null", "aws:TokenIssueTime", ["${aws:PrincipalTag/flag}"]],
  ["IpAddress", "aws:SourceIp", ["203.0.113.0/24"]],
  ["NotIpAddress", "aws:SourceIp", ["203.0.113.0/24", "2001:db8::/32"]],
  ["NumericLessThan", "aws:MultiFactorAuthAge", ["3600"]],
  ["NumericGreaterThanEqualsIfExists", "s3:max-keys", ["10"]],
  ["DateGreaterThan", "aws:CurrentTime", ["2024-01-01T00:00:00Z"]],
  ["ForAllValues:StringEquals", "aws:TagKeys", ["team", "env"]],
  ["ForAnyValue:StringLike", "aws:TagKeys", ["te*"]],
  ["ArnLike", "aws:SourceArn", ["arn:aws:s3:::my_bucket*"]],
  ["ArnEquals", "aws:PrincipalArn", [`arn:aws:iam::${ACCOUNT}:user/alice`]],
  ["StringLike", "aws:userid", ["AIDA*"]],
  ["StringEquals", "aws:ResourceTag/owner", ["${aws:username}"]],
  ["StringEquals", "aws:ResourceTag/dept", ["${aws:PrincipalTag/dept}"]],
  ["StringNotEquals", "aws:ResourceTag/dept", ["${aws:PrincipalTag/dept}"]],
  ["StringLike", "aws:PrincipalTag/team", ["${aws:username}*", "b*"]],
  ["StringEquals", "aws:ResourceTag/team", ["${aws:userid, 'none'}"]],
];

const CONTEXT_VALUES: Record<string, ContextValue[]> = {
  "aws:MultiFactorAuthPresent": ["true", "false"],
  "aws:RequestedRegion": ["eu-west-1", "us-east-1"],
  "s3:prefix": ["home/alice/x", "other"],
  "aws:ResourceTag/team": ["blue", "red", "a*b", "axxb", "none"],
  "aws:SourceIp": ["203.0.113.5", "198.51.100.1", "2001:db8::1"],
  "aws:MultiFactorAuthAge": ["100", "7200"],
  "s3:max-keys": ["5", "50"],
  "aws:CurrentTime": ["2023-06-01T00:00:00Z", "2025-01-01T00:00:00Z"],
  "aws:TagKeys": [["team"], ["team", "env"], ["owner"], []],
  "aws:SourceArn": ["arn:aws:s3:::my_bucket", "arn:aws:s3:::other"],
  "aws:TokenIssueTime": ["2024-05-01T00:00:00Z"],
  "aws:userid": ["AIDA1", "AROA2"],
  "aws:ResourceTag/owner": ["alice", "bob"],
  "aws:ResourceTag/dept": ["eng", "ops"],
};

const PRINCIPALS = [
  `arn:aws:iam::${ACCOUNT}:user/alice`,
  `arn:aws:iam::${ACCOUNT}:user/dev/bob`,
  `arn:aws:iam::${ACCOUNT}:role/app`,
  `arn:aws:sts::${ACCOUNT}:assumed-role/app/session-1`,
  `arn:aws:sts::${ACCOUNT}:federated-user/carol`,
  `arn:aws:iam::${ACCOUNT}:root`,
];

const clause = fc.constantFrom(...CLAUSES);

function conditionBlock(clauses: [string, string, string[]][]): Record<string, Record<string, string[]>> {
  const block: Record<string, Record<string, string[]>> = {};
  for (const [operator, key, values] of clauses) block[operator] = { ...block[operator], [key]: values };
  return block;
}

const statement = fc
  .record({
    effect: fc.constantFrom("Allow", "Allow", "Deny"),
    notAction: fc.constantFrom(false, false, false, true),
    actions: fc.uniqueArray(fc.constantFrom(...ACTION_PATTERNS), { minLength: 1, maxLength: 3 }),
    notResource: fc.boolean(),
    resources: fc.uniqueArray(fc.constantFrom(...RESOURCE_PATTERNS), { minLength: 1, maxLength: 2 }),
    clauses: fc.array(clause, { maxLength: 2 }),
    named: fc.boolean(),
  })
  .map(({ effect, notAction, actions, notResource, resources, clauses, named }) => ({
    ...(named ? { Sid: `${effect}${actions.length}${resources.length}` } : {}),
    Effect: effect,
    [notAction ? "NotAction" : "Action"]: actions.length === 1 ? actions[0] : actions,
    [notResource ? "NotResource" : "Resource"]: resources,
    ...(clauses.length === 0 ? {} : { Condition: conditionBlock(clauses) }),
  }));

const policy = fc
  .record({ version: fc.constantFrom("2012-10-17", "2012-10-17", "2012-10-17", "2008-10-17"), statements: fc.array(statement, { minLength: 1, maxLength: 3 }) })
  // Sids must be unique within a policy.
  .map(({ version, statements }) => ({ Version: version, Statement: statements.map((s, i) => ("Sid" in s ? { ...s, Sid: `${s.Sid}N${i}` } : s)) }));

/** SCP levels allow broadly (as FullAWSAccess does) often enough for anything to get through. */
const scpPolicy = fc.oneof(fc.constant({ Version: "2012-10-17", Statement: { Effect: "Allow", Action: "*", Resource: "*" } }), policy);

const input: fc.Arbitrary<AccessInput> = fc.record({
  principal: fc.record({
    arn: fc.constantFrom(...PRINCIPALS),
    tags: fc.record(
      { team: fc.constantFrom("blue", "red", "a*b"), dept: fc.constant("eng"), flag: fc.constantFrom("true", "false") },
      { requiredKeys: [] },
    ),
  }),
  identityPolicies: fc.array(policy, { maxLength: 3 }),
  permissionsBoundary: fc.option(policy, { nil: null }),
  scps: fc.option(fc.array(fc.array(scpPolicy, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }), { nil: null }),
  sessionPolicy: fc.option(policy, { nil: null }),
});

/** Any subset of the keys (a missing key matters to conditions), each with one of its values. */
const context: fc.Arbitrary<Record<string, ContextValue>> = fc
  .subarray(Object.keys(CONTEXT_VALUES))
  .chain((keys) =>
    fc.tuple(...keys.map((key) => fc.constantFrom(...CONTEXT_VALUES[key]))).map((values) => Object.fromEntries(keys.map((key, i) => [key, values[i]]))),
  );

const request = fc.record({
  action: fc.oneof({ arbitrary: fc.constantFrom(...catalogActions), weight: 1 }, { arbitrary: fc.constantFrom("s3:GetObject", "S3:getobject", "s3:PutObject", "s3:ListBucket", "iam:PassRole", "iam:GetUser", "sts:GetCallerIdentity", "kms:Decrypt", "ec2:TerminateInstances", "ec2:DescribeInstances"), weight: 3 }),
  resource: fc.constantFrom(...RESOURCES),
  context,
});

function entryOf(analysis: AnalyzedAccess, action: string): ActionAccess | undefined {
  const lower = action.toLowerCase();
  for (const service of analysis.services) {
    for (const level of service.accessLevels) {
      const entry = level.actions.find((candidate) => candidate.action.toLowerCase() === lower);
      if (entry) return entry;
    }
  }
  return undefined;
}

describe("analyzeAccess agrees with simulate", () => {
  it("on sampled principals and requests", () => {
    let analyzed = 0;
    fc.assert(
      fc.property(input, fc.array(request, { minLength: 1, maxLength: 8 }), (principal, requests) => {
        const analysis = analyzeAccess(principal, catalog);
        for (const { action, resource, context: requestContext } of requests) {
          const outcome = simulate({ ...principal, action, resource, context: requestContext, resourceAccount: ACCOUNT });
          if (!outcome.ok) throw new Error(outcome.error);
          if (analysis.kind !== "analyzed") {
            expect(analysis.kind).toBe("invalidPolicy");
            expect(outcome.result.decision).toBe("invalidPolicy");
            return;
          }
          const decision = decideFromAnalysis(analysis, action, resource, requestContext);
          expect(decision).toBe(outcome.result.decision);
          const status = entryOf(analysis, action)?.status ?? "notGranted";
          if (status === "allowed") expect(decision).toBe("allowed");
          if (status === "explicitlyDenied") expect(decision).toBe("explicitDeny");
          if (status !== "allowed" && status !== "conditional") expect(decision).not.toBe("allowed");
        }
        analyzed++;
      }),
      { numRuns: 400 },
    );
    // Most samples must be valid principals, or the property says little.
    expect(analyzed).toBeGreaterThan(300);
  }, 120_000);
});
