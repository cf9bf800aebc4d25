import { beforeAll, describe, expect, it } from "vitest";
import * as account from "@/app/api/v1/accounts/[accountId]/route";
import * as simulate from "@/app/api/v1/simulate/route";
import { MAX_SIMULATION_WORK } from "@/lib/schemas/simulation";
import { callRaw, errorCode, snapshotCounts, withConcurrentGet, type RawAnswer } from "@/tests/support/hostile";
import { freshAccount } from "@/tests/support/identity";
import { sessionCookie } from "@/tests/support/session";

// Issue "Hostile input cannot hurt the console": POST /api/v1/simulate is bounded in cost. Each
// pasted document is parsed, validated and compiled once per request (not once per row), the
// rows give the event loop turns, an invalid document's errors are reported once, and a request
// whose rows × pasted text would still take seconds is refused up front.
// AWS's own bounds: SimulateCustomPolicy takes policies of at most 131,072 characters
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html

let accountId: string;
/** The account's root: pasted policies are SimulateCustomPolicy in the caller's own account. */
let root: string;

beforeAll(async () => {
  accountId = await freshAccount();
  root = await sessionCookie({ accountId });
});

const HEADERS = { "content-type": "application/json" };

/** A valid identity policy of about `size` characters: wildcard statements over s3, each with a condition. */
function largePolicy(seed: number, size: number): string {
  const statement = (i: number) => ({
    Sid: `S${seed}x${i}`,
    Effect: i % 7 === 0 ? "Deny" : "Allow",
    Action: ["s3:Get*", "s3:*Object*", "s3:List*", "ec2:Describe*"],
    Resource: [`arn:aws:s3:::bucket-${i}-*/*a*b*`, `arn:aws:s3:::*${i}*/*`, "arn:aws:s3:::b?-*"],
    Condition: { StringLike: { "aws:PrincipalTag/team": [`t*${i}*`] }, Bool: { "aws:SecureTransport": "true" } },
  });
  const count = Math.floor(size / (JSON.stringify(statement(1000)).length + 1));
  return JSON.stringify({ Version: "2012-10-17", Statement: Array.from({ length: count }, (_, i) => statement(i)) });
}

const actions = (count: number) => Array.from({ length: count }, (_, i) => `s3:GetObject${i === 0 ? "" : `V${i}`}`);
const resources = (count: number) => Array.from({ length: count }, (_, i) => `arn:aws:s3:::bucket-${i}-aaaa/key${i}`);

/** Sends the simulation beside an ordinary GET; the GET must be answered and nothing written. */
async function replay(body: object): Promise<RawAnswer> {
  const before = await snapshotCounts();
  const hostile = () => callRaw(simulate.POST, "POST", "/api/v1/simulate", {}, { body: JSON.stringify(body), headers: HEADERS, as: root });
  const ordinary = () => callRaw(account.GET, "GET", `/api/v1/accounts/${accountId}`, { accountId });
  const { result, ordinaryStatus } = await withConcurrentGet(hostile, ordinary);
  expect(ordinaryStatus).toBe(200);
  expect(await snapshotCounts()).toEqual(before);
  return result;
}

interface Answer {
  rows: { action: string; resource: string; decision: string }[];
  errors: { policy: number | null; document: string; message: string; path: string }[];
}

describe("POST /api/v1/simulate is bounded in cost", () => {
  const sandbox = (identityPolicies: string[]) => ({ principalArn: `arn:aws:iam::${accountId}:user/sandbox`, identityPolicies });

  it("answers the largest allowed simulation of seven 120 KB pasted policies, every row, while a GET is served", async () => {
    const policies = Array.from({ length: 7 }, (_, i) => largePolicy(i, 120_000));
    const answer = await replay({ sandbox: sandbox(policies), actions: actions(16), resources: resources(1), context: { "aws:PrincipalTag/team": "t0", "aws:SecureTransport": "true" } });
    expect(answer.status).toBe(200);
    const { rows, errors } = answer.body as Answer;
    expect(rows).toHaveLength(16);
    expect(errors).toEqual([]);
    // s3:GetObject on bucket-0-aaaa/key0 is denied by Statement S0x0 (a Deny whose patterns match).
    expect(rows[0]).toMatchObject({ action: "s3:GetObject", decision: "explicitDeny" });
  });

  it("answers 2,000 rows (the most actions × resources) with pasted policies while a GET is served", async () => {
    const answer = await replay({ sandbox: sandbox([largePolicy(1, 3_000), largePolicy(2, 3_000)]), actions: actions(100), resources: resources(20) });
    expect(answer.status).toBe(200);
    const { rows } = answer.body as Answer;
    expect(rows).toHaveLength(2_000);
    expect(new Set(rows.map((row) => `${row.action} ${row.resource}`)).size).toBe(2_000);
  });

  it("reports the errors of invalid pasted documents once, not once per row", async () => {
    // 150 statements with a bad Effect each: more than the 100 errors a document reports.
    const invalid = `{"Version":"2012-10-17","Statement":[${Array(150).fill('{"Effect":"Maybe"}').join(",")}]}`;
    const answer = await replay({ sandbox: sandbox([invalid, invalid, invalid]), actions: actions(100), resources: resources(10) });
    expect(answer.status).toBe(200);
    const { rows, errors } = answer.body as Answer;
    expect(rows).toHaveLength(1_000);
    expect(rows.every((row) => row.decision === "invalidPolicy")).toBe(true);
    // Three pasted documents (validated once: the same text), 100 errors each, each listed once.
    expect(errors).toHaveLength(300);
    expect(errors.filter((error) => error.policy === 2)).toHaveLength(100);
    expect(new Set(errors.map((error) => `${error.policy} ${error.path} ${error.message}`)).size).toBe(300);
    expect(errors[0]).toMatchObject({ document: "Sandbox policy 1", path: "Statement[0].Effect" });
  });

  it("refuses, as a ValidationError naming actions, seven 120 KB pasted policies for 100 rows", async () => {
    const policies = Array.from({ length: 7 }, (_, i) => largePolicy(i, 120_000));
    const answer = await replay({ sandbox: sandbox(policies), actions: actions(10), resources: resources(10) });
    expect(answer.status).toBe(400);
    expect(errorCode(answer)).toBe("ValidationError");
    const error = (answer.body as { error: { field: string; message: string } }).error;
    expect(error.field).toBe("actions");
    expect(error.message).toContain(`at most ${MAX_SIMULATION_WORK.toLocaleString("en-US")}`);
  });

  it("refuses a megabyte of pasted policy against one 2,048-character resource ARN, naming resources", async () => {
    const policies = Array.from({ length: 7 }, (_, i) => largePolicy(i, 120_000));
    const answer = await replay({ sandbox: sandbox(policies), actions: actions(1), resources: [`arn:aws:s3:::b/${"k".repeat(2_030)}`] });
    expect(answer.status).toBe(400);
    expect((answer.body as { error: { field: string } }).error.field).toBe("resources");
  });
  // Hole 1: the matcher used to retry every split at every "*", so this never finished and held
  // the event loop. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
  it("answers a resource pattern of many stars against a long ARN at once (linear-time matching)", async () => {
    const policy = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::*a*a*a*a*b" }] });
    const answer = await replay({ sandbox: sandbox([policy]), actions: ["s3:GetObject"], resources: [`arn:aws:s3:::${"a".repeat(400)}`, `arn:aws:s3:::${"a".repeat(400)}b`] });
    expect(answer.status).toBe(200);
    const rows = (answer.body as Answer).rows;
    expect(rows.map((row) => row.decision)).toEqual(["implicitDeny", "allowed"]);
  });
});
