import { beforeAll, describe, expect, it } from "vitest";
import * as actionPolicies from "@/app/api/v1/catalog/actions/[action]/policies/route";
import * as entities from "@/app/api/v1/accounts/[accountId]/policies/[policyName]/entities/route";
import * as assumedBy from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/assumed-by/route";
import * as assumableRoles from "@/app/api/v1/accounts/[accountId]/users/[userName]/assumable-roles/route";
import * as whoCan from "@/app/api/v1/who-can/route";
import { addUserToGroup } from "@/lib/data/add-user-to-group";
import { attachPolicy } from "@/lib/data/attach-policy";
import { createGroup } from "@/lib/data/create-group";
import { createPolicy } from "@/lib/data/create-policy";
import { createRole } from "@/lib/data/create-role";
import { createUser } from "@/lib/data/create-user";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { createGroupBody } from "@/lib/schemas/group";
import { createPolicyInput } from "@/lib/schemas/policy";
import { createRoleInput } from "@/lib/schemas/role";
import { createUserBody } from "@/lib/schemas/user";
import { callRoute, type Answer } from "@/tests/support/call-route";
import { freshAccount } from "@/tests/support/identity";
import { allow, importTestManagedPolicies, trusting } from "@/tests/support/policies";
import { sessionCookie } from "@/tests/support/session";

// Every list that can grow answers one page: `?page=` (≥ 1) and `?pageSize=` (1–100, 25 by
// default), `{ items, total, page, pageSize }`, in a stable order (docs/api.md).

const COUNT = 30;
const names = (prefix: string) => Array.from({ length: COUNT }, (_, i) => `${prefix}${String(i).padStart(2, "0")}`);
const users = names("u");
const roles = names("r");

let accountId: string;

// One account: 30 users with the policy Shared attached and an inline policy Paging (allows
// sqs:SendMessage), all in the group Assumers (may assume Target); hopper may assume r00…r29,
// and the MFA-guarded m0…m2 only with more context.
beforeAll(async () => {
  await importTestManagedPolicies();
  accountId = await freshAccount();
  const root = `arn:aws:iam::${accountId}:root`;
  const shared = await createPolicy(accountId, createPolicyInput.parse({ policyName: "Shared", policyDocument: allow("s3:GetObject") }));
  await createGroup(accountId, createGroupBody.parse({ groupName: "Assumers" }));
  await putInlinePolicy("group", accountId, "Assumers", "AssumeTarget", allow("sts:AssumeRole", `arn:aws:iam::${accountId}:role/Target`));
  await createRole(accountId, createRoleInput.parse({ roleName: "Target", trustPolicy: trusting(root) }));
  for (const userName of users) {
    await createUser(accountId, createUserBody.parse({ userName }));
    await attachPolicy("user", accountId, userName, shared.arn);
    await putInlinePolicy("user", accountId, userName, "Paging", allow("sqs:SendMessage"));
    await addUserToGroup(accountId, "Assumers", userName);
  }
  await createUser(accountId, createUserBody.parse({ userName: "hopper" }));
  await putInlinePolicy("user", accountId, "hopper", "Hop", allow("sts:AssumeRole", [`arn:aws:iam::${accountId}:role/r*`, `arn:aws:iam::${accountId}:role/m*`]));
  for (const roleName of roles) await createRole(accountId, createRoleInput.parse({ roleName, trustPolicy: trusting(root) }));
  const mfaTrust = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: root }, Action: "sts:AssumeRole", Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }],
  });
  for (const roleName of ["m0", "m1", "m2"]) await createRole(accountId, createRoleInput.parse({ roleName, trustPolicy: mfaTrust }));
}, 120_000);

type Fetch = (query: string) => Promise<Answer>;
interface Paged {
  items: unknown[];
  total: number;
  page: number;
  pageSize: number;
}

const body = (answer: Answer) => {
  expect(answer.status).toBe(200);
  return answer.body as Paged;
};

/**
 * Page 1 holds 25 of `total`, page 2 the rest; together they are the list in the order of one
 * page of 100, with no item twice; asking again answers the same order; pageSize 100 is
 * accepted and 101 (or 0, or page 0) is a ValidationError naming the parameter.
 */
async function expectPaged(fetch: Fetch, key: (item: never) => string, total: number): Promise<string[]> {
  const first = body(await fetch("page=1"));
  expect(first).toMatchObject({ total, page: 1, pageSize: 25 });
  expect(first.items).toHaveLength(25);
  const second = body(await fetch("page=2"));
  expect(second).toMatchObject({ total, page: 2, pageSize: 25 });
  expect(second.items).toHaveLength(total - 25);
  const whole = body(await fetch("pageSize=100"));
  expect(whole).toMatchObject({ total, page: 1, pageSize: 100 });
  const keys = (page: Paged) => page.items.map((item) => key(item as never));
  expect([...keys(first), ...keys(second)]).toEqual(keys(whole));
  expect(new Set(keys(whole)).size).toBe(total);
  expect(keys(body(await fetch("")))).toEqual(keys(first));
  expect(body(await fetch("page=3")).items).toEqual([]);

  for (const [query, field] of [["pageSize=101", "pageSize"], ["pageSize=0", "pageSize"], ["page=0", "page"]]) {
    const refused = await fetch(query);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: { code: "ValidationError", field } });
  }
  return keys(whole);
}

const withQuery = (path: string, query: string) => (query ? `${path}${path.includes("?") ? "&" : "?"}${query}` : path);

describe("paging of the lists that can grow", () => {
  it("pages ListEntitiesForPolicy by kind, then name", async () => {
    const path = `/api/v1/accounts/${accountId}/policies/Shared/entities`;
    const fetch: Fetch = (query) => callRoute(entities.GET, "GET", withQuery(path, query), { accountId, policyName: "Shared" });
    const order = await expectPaged(fetch, (e: { kind: string; name: string; usage: string }) => `${e.kind}:${e.name}:${e.usage}`, COUNT);
    expect(order).toEqual(users.map((name) => `user:${name}:PermissionsPolicy`));
    const refused = await fetch("usage=Sometimes");
    expect(refused).toMatchObject({ status: 400, body: { error: { code: "ValidationError", field: "usage" } } });
  });

  it("pages the catalog's policies for an action in the inventory's order, with whole counts", async () => {
    const path = "/api/v1/catalog/actions/sqs%3ASendMessage/policies?search=paging";
    // As the account's root: the catalog lists the policies of the accounts the caller may read.
    const root = await sessionCookie({ accountId });
    const fetch: Fetch = (query) => callRoute(actionPolicies.GET, "GET", withQuery(path, query), { action: "sqs%3ASendMessage" }, undefined, root);
    const order = await expectPaged(fetch, (p: { policy: { name: string; owner: { name: string } } }) => `${p.policy.name}:${p.policy.owner.name}`, COUNT);
    expect(order).toEqual(users.map((name) => `Paging:${name}`));
    // The counts are over every matching policy, whatever the filters and the page.
    const filtered = body(await fetch("page=2")) as Paged & { matching: number; allowing: number; denying: number };
    expect(filtered.matching).toBe(filtered.allowing);
    expect(filtered.matching).toBeGreaterThan(COUNT);
  });

  it("pages the roles a user may assume by account, then name, and the conditional list apart", async () => {
    const path = `/api/v1/accounts/${accountId}/users/hopper/assumable-roles`;
    const fetch: Fetch = (query) => callRoute(assumableRoles.GET, "GET", withQuery(path, query), { accountId, userName: "hopper" });
    const order = await expectPaged(fetch, (r: { role: { name: string } }) => r.role.name, COUNT);
    expect(order).toEqual(roles);
    const first = (await fetch("pageSize=2")).body as { conditional: Paged };
    const second = (await fetch("pageSize=2&conditionalPage=2")).body as { conditional: Paged };
    const name = (page: Paged) => page.items.map((item) => (item as { role: { name: string } }).role.name);
    expect(first.conditional).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect([...name(first.conditional), ...name(second.conditional)]).toEqual(["m0", "m1", "m2"]);
    expect((await fetch("conditionalPage=0")).body).toMatchObject({ error: { code: "ValidationError", field: "conditionalPage" } });
  });

  it("pages who can assume a role by account, kind, then name", async () => {
    const path = `/api/v1/accounts/${accountId}/roles/Target/assumed-by`;
    const fetch: Fetch = (query) => callRoute(assumedBy.GET, "GET", withQuery(path, query), { accountId, roleName: "Target" });
    const order = await expectPaged(fetch, (a: { kind: string; name: string }) => `${a.kind}:${a.name}`, COUNT);
    expect(order).toEqual(users.map((name) => `user:${name}`));
  });

  it("pages who can do an action by account, kind, then name", async () => {
    const path = "/api/v1/who-can?action=sqs:SendMessage&resource=*";
    // As the account's root: who-can reads the accounts the caller may read.
    const root = await sessionCookie({ accountId });
    const fetch: Fetch = (query) => callRoute(whoCan.GET, "GET", withQuery(path, query), {}, undefined, root);
    // The 30 users with Paging, and the account's root user (root sorts before users).
    const order = await expectPaged(fetch, (p: { arn: string }) => p.arn, COUNT + 1);
    expect(order).toEqual([`arn:aws:iam::${accountId}:root`, ...users.map((name) => `arn:aws:iam::${accountId}:user/${name}`)]);
  });
});
