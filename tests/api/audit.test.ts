import { beforeAll, describe, expect, it } from "vitest";
import * as audit from "@/app/api/v1/accounts/[accountId]/audit/route";
import * as auditExport from "@/app/api/v1/accounts/[accountId]/audit/export/route";
import * as changes from "@/app/api/v1/accounts/[accountId]/changes/route";
import * as users from "@/app/api/v1/accounts/[accountId]/users/route";
import { createUser } from "@/lib/data/create-user";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import type { CloudTrailRecord } from "@/lib/auth/cloudtrail";
import type { ChangeEvent } from "@/lib/schemas/account";
import type { AuditPage } from "@/lib/schemas/audit";
import type { Page } from "@/lib/schemas/common";
import { callRoute } from "@/tests/support/call-route";
import { callRaw } from "@/tests/support/hostile";
import { freshAccount } from "@/tests/support/identity";
import { allow } from "@/tests/support/policies";
import { sessionCookie } from "@/tests/support/session";

// The audit trail records every write attempt, allowed or denied, and every refused read, naming
// who (the principal, its access key, source address, user agent, MFA) and the error; allowed
// reads are not recorded. Reading it is CloudTrail's LookupEvents (cloudtrail:LookupEvents, no
// resource type); the export is CloudTrail's log-file JSON.
// https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscloudtrail.html
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html

let accountId: string;
let alice: string;
let carol: string;
let auditor: string;
const aliceArn = () => `arn:aws:iam::${accountId}:user/alice`;
const carolArn = () => `arn:aws:iam::${accountId}:user/carol`;

const AGENT = "aws-cli/2.15.0 audit-test";
type Handler = Parameters<typeof callRaw<{ accountId: string }>>[0];
/** A call with a user agent of its own, as a browser or the CLI sends one. */
const call = (handler: Handler, method: string, path: string, cookie: string, body?: unknown) =>
  callRaw(handler, method, path, { accountId }, { as: cookie, headers: { "user-agent": AGENT, ...(body ? { "content-type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined });
const trail = async (query = "", as?: string) => call(audit.GET, "GET", `/api/v1/accounts/${accountId}/audit${query}`, as ?? auditor);
const items = async (query = "") => ((await trail(query)).body as AuditPage).items;

beforeAll(async () => {
  accountId = await freshAccount();
  for (const name of ["alice", "carol", "auditor"]) await createUser(accountId, { userName: name, path: "/", tags: [] });
  await putInlinePolicy("user", accountId, "carol", "Admin", allow("*"));
  await putInlinePolicy("user", accountId, "auditor", "Lookup", allow("cloudtrail:LookupEvents"));
  alice = await sessionCookie({ accountId, userName: "alice" });
  carol = await sessionCookie({ accountId, userName: "carol", mfa: true });
  auditor = await sessionCookie({ accountId, userName: "auditor" });
  const create = (cookie: string, userName: string) => call(users.POST, "POST", `/api/v1/accounts/${accountId}/users`, cookie, { userName });
  expect((await create(alice, "by-alice")).status).toBe(403);
  expect((await create(carol, "by-carol")).status).toBe(201);
  const list = (cookie: string) => call(users.GET, "GET", `/api/v1/accounts/${accountId}/users`, cookie);
  expect((await list(carol)).status).toBe(200);
  expect((await list(alice)).status).toBe(403);
});

describe("what the audit trail records", () => {
  it("records a denied write with who and AWS's refusal", async () => {
    const [event] = await items(`?principal=${encodeURIComponent(aliceArn())}&eventName=CreateUser`);
    expect(event).toMatchObject({
      eventSource: "iam.amazonaws.com",
      eventName: "CreateUser",
      readOnly: false,
      outcome: "denied",
      principal: { type: "IAMUser", arn: aliceArn(), accountId, userName: "alice", roleArn: null },
      accessKeyId: null,
      sourceIp: "127.0.0.1",
      userAgent: AGENT,
      mfa: false,
      resourceArn: `arn:aws:iam::${accountId}:user/by-alice`,
      errorCode: "AccessDenied",
    });
    expect(event.errorMessage).toBe(
      `User: ${aliceArn()} is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${accountId}:user/by-alice because no identity-based policy allows the iam:CreateUser action`,
    );
  });

  it("records an allowed write with who, MFA included", async () => {
    const [event] = await items(`?principal=${encodeURIComponent(carolArn())}&eventName=CreateUser`);
    expect(event).toMatchObject({ outcome: "allowed", principal: { arn: carolArn(), userName: "carol" }, mfa: true, errorCode: null, errorMessage: null });
  });

  it("does not record an allowed read; records a refused one as a read", async () => {
    const listing = await items("?eventName=ListUsers");
    expect(listing.map((e) => [e.principal.arn, e.outcome, e.readOnly])).toEqual([[aliceArn(), "denied", true]]);
  });

  it("names who made each change in the change log too", async () => {
    const answer = await callRoute(changes.GET, "GET", `/api/v1/accounts/${accountId}/changes`, { accountId }, undefined, carol);
    const created = (answer.body as Page<ChangeEvent>).items.find((e) => e.action === "CreateUser" && e.targetArn.endsWith("/by-carol"));
    expect(created?.actor).toEqual({ arn: carolArn(), accessKeyId: null, sourceIp: "127.0.0.1", userAgent: AGENT, mfa: true });
  });
});

describe("reading the audit trail", () => {
  it("filters by principal, outcome, event name and time", async () => {
    const all = await items("?pageSize=100");
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect((await items("?outcome=denied&pageSize=100")).every((e) => e.outcome === "denied")).toBe(true);
    expect((await items("?outcome=allowed&pageSize=100")).every((e) => e.outcome === "allowed" && e.errorCode === null)).toBe(true);
    expect((await items(`?principal=${encodeURIComponent(carolArn())}&pageSize=100`)).every((e) => e.principal.arn === carolArn())).toBe(true);
    const future = new Date(Date.now() + 60_000).toISOString();
    expect(await items(`?from=${future}`)).toEqual([]);
    expect((await items(`?to=${future}&pageSize=100`)).length).toBe(all.length);
    const page = (await trail("?pageSize=1&page=2")).body as AuditPage;
    expect(page).toMatchObject({ page: 2, pageSize: 1, total: all.length });
    expect(page.items[0].eventId).toBe(all[1].eventId);
    expect(page.principals).toEqual(expect.arrayContaining([aliceArn(), carolArn()]));
  });

  it("refuses bad filters, naming the field", async () => {
    expect((await trail("?outcome=maybe")).body).toMatchObject({ error: { code: "ValidationError", field: "outcome" } });
    expect((await trail("?principal=alice")).body).toMatchObject({ error: { code: "ValidationError", field: "principal" } });
    expect((await trail("?from=yesterday")).body).toMatchObject({ error: { code: "ValidationError", field: "from" } });
  });

  it("needs cloudtrail:LookupEvents, and records the refusal", async () => {
    const refused = await trail("", alice);
    expect(refused.status).toBe(403);
    expect((refused.body as { error: { message: string } }).error.message).toBe(
      `User: ${aliceArn()} is not authorized to perform: cloudtrail:LookupEvents on resource: * because no identity-based policy allows the cloudtrail:LookupEvents action`,
    );
    const [event] = await items("?eventName=LookupEvents");
    expect(event).toMatchObject({ eventSource: "cloudtrail.amazonaws.com", readOnly: true, outcome: "denied", principal: { arn: aliceArn() } });
  });
});

describe("the CloudTrail export", () => {
  it("is CloudTrail's JSON, filtered, as a file to download", async () => {
    const answer = await call(auditExport.GET, "GET", `/api/v1/accounts/${accountId}/audit/export?outcome=denied&principal=${encodeURIComponent(aliceArn())}`, auditor);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="${accountId}_CloudTrail_us-east-1_\\d{8}T\\d{6}Z\\.json"$`));
    const { Records } = answer.body as { Records: CloudTrailRecord[] };
    expect(Records.length).toBeGreaterThanOrEqual(2);
    // Oldest first, as CloudTrail writes its log files.
    expect([...Records].sort((a, b) => a.eventTime.localeCompare(b.eventTime))).toEqual(Records);
    const created = Records.find((r) => r.eventName === "CreateUser");
    expect(created).toMatchObject({
      eventVersion: "1.08",
      eventSource: "iam.amazonaws.com",
      awsRegion: "us-east-1",
      recipientAccountId: accountId,
      eventType: "AwsApiCall",
      managementEvent: true,
      eventCategory: "Management",
      readOnly: false,
      sourceIPAddress: "127.0.0.1",
      userAgent: AGENT,
      errorCode: "AccessDenied",
      requestParameters: { accountId, userName: "by-alice" },
      responseElements: null,
      userIdentity: { type: "IAMUser", arn: aliceArn(), accountId, accessKeyId: "", userName: "alice", sessionContext: { attributes: { mfaAuthenticated: "false" } } },
    });
    expect(created?.eventID).toMatch(/^[0-9a-f-]{36}$/);
    expect(created?.eventTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(created?.userIdentity.principalId).toMatch(/^AIDA/);
    expect(created?.userIdentity.sessionContext?.attributes.creationDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Records.every((r) => r.userIdentity.arn === aliceArn() && r.errorCode !== undefined)).toBe(true);
  });

  it("needs cloudtrail:LookupEvents too", async () => {
    const refused = await call(auditExport.GET, "GET", `/api/v1/accounts/${accountId}/audit/export`, alice);
    expect(refused.status).toBe(403);
  });
});
