import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as policies from "@/app/api/v1/accounts/[accountId]/policies/route";
import * as policy from "@/app/api/v1/accounts/[accountId]/policies/[policyName]/route";
import * as policyTags from "@/app/api/v1/accounts/[accountId]/policies/[policyName]/tags/route";
import * as roles from "@/app/api/v1/accounts/[accountId]/roles/route";
import * as roleTags from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/tags/route";
import * as users from "@/app/api/v1/accounts/[accountId]/users/route";
import * as userTags from "@/app/api/v1/accounts/[accountId]/users/[userName]/tags/route";
import { MAX_TAGS } from "@/lib/schemas/common";
import { callRoute, type Answer } from "@/tests/support/call-route";
import { events, freshAccount } from "@/tests/support/identity";
import { allow, importTestManagedPolicies, trusting } from "@/tests/support/policies";

// TagPolicy, UntagPolicy and ListPolicyTags, and the one set of tag rules users, roles and
// customer managed policies share (lib/data/tag-resource.ts, lib/api/tag-routes.ts).

let accountId: string;
let base: string;
beforeAll(importTestManagedPolicies);
beforeEach(async () => {
  accountId = await freshAccount();
  base = `/api/v1/accounts/${accountId}`;
  await callRoute(policies.POST, "POST", `${base}/policies`, { accountId }, { policyName: "Reader", policyDocument: allow("s3:GetObject") });
});

const params = (policyName: string) => ({ accountId, policyName });
const path = (policyName: string, query = "") => `${base}/policies/${policyName}/tags${query}`;
const tag = (policyName: string, tags: unknown) => callRoute(policyTags.PUT, "PUT", path(policyName), params(policyName), { tags });
const untag = (policyName: string, keys: string) =>
  callRoute(policyTags.DELETE, "DELETE", path(policyName, `?keys=${encodeURIComponent(keys)}`), params(policyName));
const list = (policyName: string) => callRoute(policyTags.GET, "GET", path(policyName), params(policyName));
const actions = async () => (await events(accountId)).map((e) => e.action);
const errorOf = (answer: Answer) => (answer.body as { error: { code: string; field?: string; message: string } }).error;

describe("policy tags", () => {
  it("tags a customer managed policy, lists its tags, and untags keys case-insensitively", async () => {
    const put = await tag("Reader", [{ key: "Team", value: "core" }, { key: "env", value: "prod" }]);
    expect(put).toEqual({ status: 200, body: { items: [{ key: "env", value: "prod" }, { key: "Team", value: "core" }] } });
    expect(await list("reader")).toEqual(put);
    const got = await callRoute(policy.GET, "GET", `${base}/policies/Reader`, params("Reader"));
    expect(got.body).toMatchObject({ tags: [{ key: "env", value: "prod" }, { key: "Team", value: "core" }] });

    expect(await untag("Reader", "TEAM,absent")).toEqual({ status: 204, body: null });
    expect(await list("Reader")).toEqual({ status: 200, body: { items: [{ key: "env", value: "prod" }] } });
    const logged = (await events(accountId)).filter((e) => e.action === "TagPolicy" || e.action === "UntagPolicy");
    expect(logged).toEqual([
      { action: "TagPolicy", targetArn: `arn:aws:iam::${accountId}:policy/Reader`, summary: "Tagged policy Reader with Team, env." },
      { action: "UntagPolicy", targetArn: `arn:aws:iam::${accountId}:policy/Reader`, summary: "Removed tags from policy Reader: Team." },
    ]);
  });

  it("refuses to go past 50 tags in all, naming tags, and writes nothing", async () => {
    const many = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i}`, value: "" }));
    expect((await tag("Reader", many(MAX_TAGS - 1, "k"))).status).toBe(200);
    const before = await actions();
    const over = await tag("Reader", many(2, "extra"));
    expect(over).toMatchObject({ status: 409, body: { error: { code: "LimitExceeded", field: "tags", message: "Policy Reader would have 51 tags; at most 50 are allowed. Remove some first." } } });
    expect((await list("Reader")).body).toMatchObject({ items: { length: MAX_TAGS - 1 } });
    expect(await actions()).toEqual(before);
    // Overwriting at the limit is fine: the total stays within 50.
    expect(await tag("Reader", [{ key: "K0", value: "new" }, { key: "last", value: "" }])).toMatchObject({ status: 200, body: { items: { length: MAX_TAGS } } });
  });

  it("refuses to tag or untag an AWS managed policy, and lists its (empty) tags", async () => {
    const tagged = await tag("AdministratorAccess", [{ key: "team", value: "a" }]);
    const untagged = await untag("AdministratorAccess", "team");
    for (const answer of [tagged, untagged]) {
      expect(answer).toMatchObject({ status: 400, body: { error: { code: "ValidationError", field: "policyName" } } });
      expect(errorOf(answer).message).toContain("AWS managed policy");
    }
    expect(await list("AdministratorAccess")).toEqual({ status: 200, body: { items: [] } });
    expect(await tag("Missing", [{ key: "a", value: "b" }])).toMatchObject({ status: 404, body: { error: { code: "NoSuchEntity", field: "policyName" } } });
  });

  it("logs nothing for a no-op: tags already there, keys the policy does not have", async () => {
    await tag("Reader", [{ key: "team", value: "a" }]);
    const before = await actions();
    expect(await tag("Reader", [{ key: "team", value: "a" }])).toEqual({ status: 200, body: { items: [{ key: "team", value: "a" }] } });
    expect((await untag("Reader", "absent,other")).status).toBe(204);
    expect(await actions()).toEqual(before);
  });

  it("refuses unknown fields, an empty list and no keys, as for users and roles", async () => {
    const stray = await callRoute(policyTags.PUT, "PUT", path("Reader"), params("Reader"), { tags: [{ key: "a", value: "b" }], owner: "x" });
    expect(stray).toMatchObject({ status: 400, body: { error: { code: "ValidationError", field: "owner" } } });
    expect(await tag("Reader", [])).toMatchObject({ status: 400, body: { error: { field: "tags" } } });
    const noKeys = await callRoute(policyTags.DELETE, "DELETE", path("Reader"), params("Reader"));
    expect(noKeys).toMatchObject({ status: 400, body: { error: { field: "keys" } } });
  });
});

describe("one set of tag rules for users, roles and policies", () => {
  beforeEach(async () => {
    expect((await callRoute(users.POST, "POST", `${base}/users`, { accountId }, { userName: "ann" })).status).toBe(201);
    const trustPolicy = trusting(`arn:aws:iam::${accountId}:root`);
    expect((await callRoute(roles.POST, "POST", `${base}/roles`, { accountId }, { roleName: "Ops", trustPolicy })).status).toBe(201);
  });

  interface Kind {
    handlers: typeof userTags;
    path: string;
    params: Record<string, string>;
  }
  const kinds = (): Kind[] => [
    { handlers: userTags, path: `${base}/users/ann/tags`, params: { accountId, userName: "ann" } },
    { handlers: roleTags, path: `${base}/roles/Ops/tags`, params: { accountId, roleName: "Ops" } },
    { handlers: policyTags, path: `${base}/policies/Reader/tags`, params: { accountId, policyName: "Reader" } },
  ];

  /** The error each kind answers, which must be one and the same. */
  async function sameAnswer(send: (kind: Kind) => Promise<Answer>) {
    const answers = await Promise.all(kinds().map(send));
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
    return answers[0];
  }

  it("answers the same bad tag key with the same error", async () => {
    for (const key of ["aws:team", "a<b>", "k".repeat(129), ""]) {
      const answer = await sameAnswer((k) => callRoute(k.handlers.PUT, "PUT", k.path, k.params, { tags: [{ key, value: "v" }] }));
      expect(answer).toMatchObject({ status: 400, body: { error: { code: "ValidationError", field: "tags.0.key" } } });
    }
    const value = await sameAnswer((k) => callRoute(k.handlers.PUT, "PUT", k.path, k.params, { tags: [{ key: "k", value: "v".repeat(257) }] }));
    expect(value).toMatchObject({ status: 400, body: { error: { field: "tags.0.value", message: "tags.0.value: Tag value must be at most 256 characters." } } });
    const untagKey = await sameAnswer((k) => callRoute(k.handlers.DELETE, "DELETE", `${k.path}?keys=${encodeURIComponent("ok,a<b>")}`, k.params));
    expect(untagKey).toMatchObject({ status: 400, body: { error: { code: "ValidationError", field: "keys.1" } } });
  });

  it("answers the same reserved-prefix message for every kind", async () => {
    const answer = await sameAnswer((k) => callRoute(k.handlers.PUT, "PUT", k.path, k.params, { tags: [{ key: "AWS:cost", value: "" }] }));
    expect(errorOf(answer).message).toBe('tags.0.key: Tag keys starting with "aws:" are reserved for AWS.');
  });
});
