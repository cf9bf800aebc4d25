import { beforeAll, describe, expect, it } from "vitest";
import * as users from "@/app/api/v1/accounts/[accountId]/users/route";
import * as groups from "@/app/api/v1/accounts/[accountId]/groups/route";
import * as roles from "@/app/api/v1/accounts/[accountId]/roles/route";
import * as policies from "@/app/api/v1/accounts/[accountId]/policies/route";
import * as versions from "@/app/api/v1/accounts/[accountId]/policies/[policyName]/versions/route";
import * as userInline from "@/app/api/v1/accounts/[accountId]/users/[userName]/inline-policies/[policyName]/route";
import * as groupInline from "@/app/api/v1/accounts/[accountId]/groups/[groupName]/inline-policies/[policyName]/route";
import * as roleInline from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/inline-policies/[policyName]/route";
import * as trustPolicy from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/trust-policy/route";
import * as simulate from "@/app/api/v1/simulate/route";
import { callRaw, errorCode, snapshotCounts, warmDefaultCaller, withConcurrentGet, type RawAnswer } from "@/tests/support/hostile";
import { freshAccount } from "@/tests/support/identity";
import { allow, trusting } from "@/tests/support/policies";

// Issue "Hostile input cannot hurt the console", findings 2, 4 and 6: policy documents are
// bounded in cost (the size quota is counted on the raw text before the validator runs, error
// lists stop at 100), nesting past 64 levels is MalformedPolicyDocument, and duplicate keys
// are refused. Quotas: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
// Grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
// Duplicate names: RFC 8259 §4 (JSON.parse keeps the last one).

let accountId: string;
let base: string;

// What a browser or curl sends: the console's own host, a JSON body.
const HEADERS = { host: "localhost", "content-type": "application/json" };
const json = (body: unknown) => ({ body: JSON.stringify(body), headers: HEADERS });

beforeAll(async () => {
  await warmDefaultCaller();
  accountId = await freshAccount();
  base = `/api/v1/accounts/${accountId}`;
  const seeded = await Promise.all([
    callRaw(users.POST, "POST", `${base}/users`, { accountId }, json({ userName: "alice" })),
    callRaw(groups.POST, "POST", `${base}/groups`, { accountId }, json({ groupName: "devs" })),
    callRaw(roles.POST, "POST", `${base}/roles`, { accountId }, json({ roleName: "ops", trustPolicy: trusting(`arn:aws:iam::${accountId}:root`) })),
    callRaw(policies.POST, "POST", `${base}/policies`, { accountId }, json({ policyName: "Base", policyDocument: allow("s3:GetObject") })),
  ]);
  expect(seeded.map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
});

const BAD_STATEMENT = '{"Effect":"Maybe","Action":1,"Resource":{}}';
const badStatements = (count: number) => `{"Version":"2012-10-17","Statement":[${Array(count).fill(BAD_STATEMENT).join(",")}]}`;

/** A valid-looking document whose condition value is `levels` arrays deep. */
const nested = (levels: number, statementExtra = '"Resource":"*"') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject",${statementExtra},"Condition":{"StringEquals":{"aws:username":${"[".repeat(levels)}${"]".repeat(levels)}}}}]}`;
const DEEP_PATH_START = 'Statement[0].Condition.StringEquals["aws:username"][0][0]';

const DENY_THEN_ALLOW = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Effect":"Allow","Action":"iam:*","Resource":"*"}]}';
const TWO_STATEMENTS = `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}],"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`;
const TRUST_DENY_THEN_ALLOW = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}';

interface Door {
  name: string;
  /** The quota the document counts against, characters without white space. */
  limit: number;
  field: string;
  trust: boolean;
  send(document: string): Promise<RawAnswer>;
}

const DOORS: Door[] = [
  {
    name: "PUT a user's inline policy",
    limit: 2_048,
    field: "policyDocument",
    trust: false,
    send: (policyDocument) =>
      callRaw(userInline.PUT, "PUT", `${base}/users/alice/inline-policies/P`, { accountId, userName: "alice", policyName: "P" }, json({ policyDocument })),
  },
  {
    name: "PUT a group's inline policy",
    limit: 5_120,
    field: "policyDocument",
    trust: false,
    send: (policyDocument) =>
      callRaw(groupInline.PUT, "PUT", `${base}/groups/devs/inline-policies/P`, { accountId, groupName: "devs", policyName: "P" }, json({ policyDocument })),
  },
  {
    name: "PUT a role's inline policy",
    limit: 10_240,
    field: "policyDocument",
    trust: false,
    send: (policyDocument) =>
      callRaw(roleInline.PUT, "PUT", `${base}/roles/ops/inline-policies/P`, { accountId, roleName: "ops", policyName: "P" }, json({ policyDocument })),
  },
  {
    name: "POST a managed policy",
    limit: 6_144,
    field: "policyDocument",
    trust: false,
    send: (policyDocument) => callRaw(policies.POST, "POST", `${base}/policies`, { accountId }, json({ policyName: "Hostile", policyDocument })),
  },
  {
    name: "POST a policy version",
    limit: 6_144,
    field: "policyDocument",
    trust: false,
    send: (policyDocument) =>
      callRaw(versions.POST, "POST", `${base}/policies/Base/versions`, { accountId, policyName: "Base" }, json({ policyDocument, setAsDefault: true })),
  },
  {
    name: "POST a role",
    limit: 2_048,
    field: "trustPolicy",
    trust: true,
    send: (trust) => callRaw(roles.POST, "POST", `${base}/roles`, { accountId }, json({ roleName: "hostile", trustPolicy: trust })),
  },
  {
    name: "PUT a role's trust policy",
    limit: 2_048,
    field: "policyDocument",
    trust: true,
    send: (policyDocument) => callRaw(trustPolicy.PUT, "PUT", `${base}/roles/ops/trust-policy`, { accountId, roleName: "ops" }, json({ policyDocument })),
  },
];

const listUsers = () => callRaw(users.GET, "GET", `${base}/users`, { accountId }, { headers: { host: "localhost" } });

/** Sends the hostile request with an ordinary GET alongside; asserts both answered, nothing written, a small body. */
async function refused(send: () => Promise<RawAnswer>): Promise<RawAnswer> {
  const before = await snapshotCounts();
  const { result, ordinaryStatus } = await withConcurrentGet(send, listUsers);
  expect(ordinaryStatus).toBe(200);
  expect(await snapshotCounts()).toEqual(before);
  expect(JSON.stringify(result.body).length).toBeLessThan(100_000);
  return result;
}

type ErrorBody = { error: { code: string; message: string; field?: string; issues?: Array<{ code: string; path: string }>; moreIssues?: number } };
const errorOf = (answer: RawAnswer) => (answer.body as ErrorBody).error;

describe.each(DOORS)("$name", (door) => {
  it("refuses 15,000 bad statements by their size, before validating them", async () => {
    const document = badStatements(15_000);
    const answer = await refused(() => door.send(document));
    expect(answer.status).toBe(409);
    const error = errorOf(answer);
    expect(error).toMatchObject({ code: "LimitExceeded", field: door.field });
    expect(error.message).toContain(`${document.length} characters without white space; the limit is ${door.limit}`);
    expect(error.issues).toBeUndefined();
  });

  it("lists 100 issues and counts the rest for a document within its quota", async () => {
    const count = Math.floor(door.limit / (BAD_STATEMENT.length + 1)) - 1;
    const answer = await refused(() => door.send(badStatements(count)));
    expect(answer.status).toBe(400);
    const error = errorOf(answer);
    expect(error).toMatchObject({ code: "MalformedPolicyDocument", field: door.field });
    expect(error.issues).toHaveLength(100);
    // Effect, Action and Resource are wrong in each statement; a trust policy also lacks a Principal.
    expect(error.moreIssues).toBe(count * (door.trust ? 4 : 3) - 100);
  });

  it("refuses nesting past 64 levels, naming where, without a 500", async () => {
    const extra = door.trust ? '"Principal":{"AWS":"*"}' : '"Resource":"*"';
    const levels = Math.floor((door.limit - 200) / 2);
    const answer = await refused(() => door.send(nested(levels, extra)));
    expect(answer.status).toBe(400);
    const error = errorOf(answer);
    expect(error).toMatchObject({ code: "MalformedPolicyDocument", field: door.field });
    expect(error.issues).toHaveLength(1);
    expect(error.issues?.[0].code).toBe("TooDeep");
    expect(error.issues?.[0].path.startsWith(DEEP_PATH_START)).toBe(true);
    // 7,000 levels is over every quota: refused by the size scan, never parsed.
    expect(errorCode(await refused(() => door.send(nested(7_000, extra))))).toBe("LimitExceeded");
  });

  it("refuses duplicate keys instead of keeping the last", async () => {
    for (const document of door.trust ? [TRUST_DENY_THEN_ALLOW] : [DENY_THEN_ALLOW, TWO_STATEMENTS]) {
      const answer = await refused(() => door.send(document));
      expect(answer.status).toBe(400);
      const error = errorOf(answer);
      expect(error).toMatchObject({ code: "MalformedPolicyDocument", field: door.field });
      expect(error.issues?.[0]).toMatchObject({ code: "DuplicateKey" });
      expect(error.message).toContain("appears twice");
    }
  });
});

describe("POST /api/v1/simulate", () => {
  const sandbox = (identityPolicies: string[]) => ({ principalArn: `arn:aws:iam::${accountId}:user/sandbox`, identityPolicies });
  const run = (body: object) => callRaw(simulate.POST, "POST", "/api/v1/simulate", {}, json(body));

  it("refuses a pasted document longer than AWS's 131,072 characters, naming it", async () => {
    const answer = await refused(() => run({ sandbox: sandbox([allow("s3:GetObject"), badStatements(3_000)]), actions: ["s3:GetObject"] }));
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({ code: "ValidationError", field: "sandbox.identityPolicies.1" });
  });

  it("refuses a pasted document nested 7,000 levels deep, naming it, without a 500", async () => {
    const answer = await refused(() => run({ sandbox: sandbox([allow("s3:GetObject")]), resourcePolicy: nested(7_000, '"Principal":"*","Resource":"*"'), actions: ["s3:GetObject"] }));
    expect(answer.status).toBe(400);
    const error = errorOf(answer);
    expect(error).toMatchObject({ code: "ValidationError", field: "resourcePolicy" });
    expect(error.message).toContain("more than 64 levels deep (at Statement[0].Condition.StringEquals");
  });

  it("does not evaluate a pasted document with duplicate keys as its last key says", async () => {
    const answer = await refused(() => run({ sandbox: sandbox([DENY_THEN_ALLOW]), actions: ["iam:CreateUser"] }));
    expect(answer.status).toBe(200);
    const { rows, errors } = answer.body as { rows: Array<{ decision: string }>; errors: Array<{ message: string }> };
    expect(rows[0].decision).toBe("invalidPolicy");
    expect(errors[0].message).toContain('"Effect" appears twice');
  });

  it("accepts at most 50 context keys", async () => {
    const context = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`aws:key${i}`, "v"]));
    const answer = await refused(() => run({ sandbox: sandbox([allow("s3:GetObject")]), actions: ["s3:GetObject"], context }));
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({ code: "ValidationError", field: "context" });
    expect(errorOf(answer).message).toContain("At most 50 context keys");
    const fifty = Object.fromEntries(Object.entries(context).slice(0, 50));
    expect((await run({ sandbox: sandbox([allow("s3:GetObject")]), actions: ["s3:GetObject"], context: fifty })).status).toBe(200);
  });
});
