import { beforeEach, describe, expect, it } from "vitest";
import * as account from "@/app/api/v1/accounts/[accountId]/route";
import * as users from "@/app/api/v1/accounts/[accountId]/users/route";
import * as user from "@/app/api/v1/accounts/[accountId]/users/[userName]/route";
import * as userTags from "@/app/api/v1/accounts/[accountId]/users/[userName]/tags/route";
import * as loginProfile from "@/app/api/v1/accounts/[accountId]/users/[userName]/login-profile/route";
import * as role from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/route";
import * as roleTags from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/tags/route";
import * as group from "@/app/api/v1/accounts/[accountId]/groups/[groupName]/route";
import * as policy from "@/app/api/v1/accounts/[accountId]/policies/[policyName]/route";
import * as versions from "@/app/api/v1/accounts/[accountId]/policies/[policyName]/versions/route";
import * as version from "@/app/api/v1/accounts/[accountId]/policies/[policyName]/versions/[versionId]/route";
import * as simulate from "@/app/api/v1/simulate/route";
import { fieldError, formError } from "@/components/ui/form-errors";
import { addUserToGroup } from "@/lib/data/add-user-to-group";
import { attachPolicy } from "@/lib/data/attach-policy";
import { createGroup } from "@/lib/data/create-group";
import { createPolicy } from "@/lib/data/create-policy";
import { createPolicyVersion } from "@/lib/data/create-policy-version";
import { createRole } from "@/lib/data/create-role";
import { createUser } from "@/lib/data/create-user";
import { tagResource } from "@/lib/data/tag-resource";
import { toApiError } from "@/lib/queries/api";
import { createGroupBody } from "@/lib/schemas/group";
import { createPolicyInput } from "@/lib/schemas/policy";
import { createRoleInput } from "@/lib/schemas/role";
import { createUserBody } from "@/lib/schemas/user";
import { callRaw, errorCode, snapshotCounts, warmDefaultCaller, withConcurrentGet, type RawAnswer } from "@/tests/support/hostile";
import { freshAccount } from "@/tests/support/identity";
import { allow, trusting } from "@/tests/support/policies";

// Strict inputs (issue "Hostile input cannot hurt the console"): unknown keys, every zod issue,
// one tag-key rule for UntagUser and UntagRole, and a `field` on quota and delete conflicts.

const HEADERS = { host: "localhost", "content-type": "application/json" };

let accountId: string;
let base: string;
beforeEach(async () => {
  await warmDefaultCaller();
  accountId = await freshAccount();
  base = `/api/v1/accounts/${accountId}`;
  await createUser(accountId, createUserBody.parse({ userName: "ann" }));
  await createRole(accountId, createRoleInput.parse({ roleName: "Ops", trustPolicy: trusting(`arn:aws:iam::${accountId}:root`) }));
});

/** Sends a JSON body exactly as written (so `__proto__` stays an own key of the parsed body). */
const json = (text: string) => ({ body: text, headers: HEADERS });

/**
 * Runs the hostile request beside an ordinary GET, and checks that the GET was answered and that
 * nothing was written: no entity and no change event more or less than before.
 */
async function replay(hostile: () => Promise<RawAnswer>): Promise<RawAnswer> {
  const before = await snapshotCounts();
  const ordinary = () => callRaw(account.GET, "GET", base, { accountId }, { headers: { host: "localhost" } });
  const { result, ordinaryStatus } = await withConcurrentGet(hostile, ordinary);
  expect(ordinaryStatus).toBe(200);
  expect(await snapshotCounts()).toEqual(before);
  return result;
}

interface ErrorShape {
  error: { code: string; message: string; field?: string; fields?: { field?: string; message: string }[] };
}
const errorOf = (answer: RawAnswer) => (answer.body as ErrorShape).error;

describe("unknown body keys are a ValidationError naming the key", () => {
  it("refuses an unknown top-level key on CreateUser, and creates nothing", async () => {
    const answer = await replay(() =>
      callRaw(users.POST, "POST", `${base}/users`, { accountId }, json('{"userName":"eve","isAdmin":true}')),
    );
    expect(answer.status).toBe(400);
    expect(errorCode(answer)).toBe("ValidationError");
    expect(errorOf(answer)).toMatchObject({ field: "isAdmin", message: 'isAdmin: Unknown field "isAdmin".' });
  });

  it("refuses __proto__ as an unknown key and pollutes no prototype", async () => {
    const answer = await replay(() =>
      callRaw(users.POST, "POST", `${base}/users`, { accountId }, json('{"userName":"eve","__proto__":{"polluted":true}}')),
    );
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({ code: "ValidationError", field: "__proto__" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("refuses an unknown key inside a nested object, at its path", async () => {
    const body = JSON.stringify({ userName: "eve", tags: [{ key: "team", value: "a", owner: "x" }] });
    const answer = await replay(() => callRaw(users.POST, "POST", `${base}/users`, { accountId }, json(body)));
    expect(errorOf(answer)).toMatchObject({ code: "ValidationError", field: "tags.0.owner" });
    const sim = await replay(() =>
      callRaw(simulate.POST, "POST", "/api/v1/simulate", {}, json(JSON.stringify({
        principal: { accountId, type: "user", name: "ann", admin: true },
        actions: ["s3:GetObject"],
      }))),
    );
    expect(sim.status).toBe(400);
    expect(errorOf(sim)).toMatchObject({ code: "ValidationError", field: "principal.admin" });
  });

  it("names the first unknown keys of a body with 50,000 of them and counts the rest", async () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `"k${i}":1`).join(",");
    const answer = await replay(() => callRaw(users.POST, "POST", `${base}/users`, { accountId }, json(`{"userName":"eve",${keys}}`)));
    expect(answer.status).toBe(400);
    const fields = errorOf(answer).fields ?? [];
    expect(fields).toHaveLength(51);
    expect(fields[0]).toEqual({ field: "k0", message: 'k0: Unknown field "k0".' });
    expect(fields.at(-1)).toEqual({ message: "49,950 more unknown fields." });
  });

  it("refuses a misspelled field instead of ignoring it (PutLoginProfile with pasword)", async () => {
    const answer = await replay(() =>
      callRaw(loginProfile.PUT, "PUT", `${base}/users/ann/login-profile`, { accountId, userName: "ann" }, json('{"pasword":"Str0ng-Passw0rd!"}')),
    );
    expect(answer.status).toBe(400);
    const fields = errorOf(answer).fields?.map((issue) => issue.field);
    expect(fields).toContain("pasword");
  });

  it("refuses an unknown query parameter on a write, and keeps reads lenient", async () => {
    const answer = await replay(() =>
      callRaw(user.DELETE, "DELETE", `${base}/users/ann?forced=true`, { accountId, userName: "ann" }, { headers: { host: "localhost" } }),
    );
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({ code: "ValidationError", field: "forced" });
    // An extra parameter on a GET changes nothing (browsers and tools add their own).
    const list = await callRaw(users.GET, "GET", `${base}/users?_rsc=1x2y`, { accountId }, { headers: { host: "localhost" } });
    expect(list.status).toBe(200);
  });
});

describe("every zod issue is returned", () => {
  it("answers both bad fields of a CreateUser, and the form places each beside its input", async () => {
    const answer = await replay(() =>
      callRaw(users.POST, "POST", `${base}/users`, { accountId }, json('{"userName":"bad name","path":"nope"}')),
    );
    expect(answer.status).toBe(400);
    const error = errorOf(answer);
    expect(error.code).toBe("ValidationError");
    expect(error.fields?.map((issue) => issue.field)).toEqual(["userName", "path"]);
    // components/users/create-user-form.tsx shows fieldError for each input and formError above.
    const apiError = toApiError(answer.status, answer.body);
    expect(fieldError(apiError, "userName")).toMatch(/no spaces/);
    expect(fieldError(apiError, "path")).toMatch(/start and end with "\/"/);
    expect(formError(apiError, ["userName", "path"])).toBeUndefined();
  });
});

describe("UntagUser applies UntagRole's tag-key rules", () => {
  const long = "k".repeat(10_000);

  it("refuses a 10,000-character key on UntagUser and UntagRole alike", async () => {
    await tagResource("user", accountId, "ann", [{ key: "team", value: "a" }]);
    await tagResource("role", accountId, "Ops", [{ key: "team", value: "a" }]);
    const untagUser = await replay(() =>
      callRaw(userTags.DELETE, "DELETE", `${base}/users/ann/tags?keys=team,${long}`, { accountId, userName: "ann" }, { headers: { host: "localhost" } }),
    );
    const untagRole = await replay(() =>
      callRaw(roleTags.DELETE, "DELETE", `${base}/roles/Ops/tags?keys=team,${long}`, { accountId, roleName: "Ops" }, { headers: { host: "localhost" } }),
    );
    for (const answer of [untagUser, untagRole]) {
      expect(answer.status).toBe(400);
      expect(errorOf(answer)).toMatchObject({ code: "ValidationError", field: "keys.1", message: "keys.1: Tag key must be at most 128 characters." });
    }
  });

  it("refuses characters no tag key may hold", async () => {
    const answer = await replay(() =>
      callRaw(userTags.DELETE, "DELETE", `${base}/users/ann/tags?keys=${encodeURIComponent("a<b>")}`, { accountId, userName: "ann" }, { headers: { host: "localhost" } }),
    );
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({ code: "ValidationError", field: "keys.0" });
  });
});

describe("quota and delete-conflict errors name what they are about", () => {
  const policyDocument = allow("s3:GetObject");

  it("LimitExceeded on a sixth policy version names the policy", async () => {
    await createPolicy(accountId, createPolicyInput.parse({ policyName: "P", policyDocument }));
    for (let i = 0; i < 4; i++) await createPolicyVersion(accountId, "P", { policyDocument, setAsDefault: false });
    const answer = await replay(() =>
      callRaw(versions.POST, "POST", `${base}/policies/P/versions`, { accountId, policyName: "P" }, json(JSON.stringify({ policyDocument }))),
    );
    expect(answer.status).toBe(409);
    expect(errorOf(answer)).toMatchObject({ code: "LimitExceeded", field: "policyName" });
    expect(errorOf(answer).message).toMatch(/already has 5 versions/);
  });

  it("DeleteConflict names the entity that cannot be deleted", async () => {
    await createGroup(accountId, createGroupBody.parse({ groupName: "G" }));
    await addUserToGroup(accountId, "G", "ann");
    const created = await createPolicy(accountId, createPolicyInput.parse({ policyName: "P", policyDocument }));
    await attachPolicy("role", accountId, "Ops", created.arn);
    const host = { headers: { host: "localhost" } };
    const cases: [string, () => Promise<RawAnswer>][] = [
      ["userName", () => callRaw(user.DELETE, "DELETE", `${base}/users/ann`, { accountId, userName: "ann" }, host)],
      ["groupName", () => callRaw(group.DELETE, "DELETE", `${base}/groups/G`, { accountId, groupName: "G" }, host)],
      ["roleName", () => callRaw(role.DELETE, "DELETE", `${base}/roles/Ops`, { accountId, roleName: "Ops" }, host)],
      ["policyName", () => callRaw(policy.DELETE, "DELETE", `${base}/policies/P`, { accountId, policyName: "P" }, host)],
      ["versionId", () => callRaw(version.DELETE, "DELETE", `${base}/policies/P/versions/v1`, { accountId, policyName: "P", versionId: "v1" }, host)],
    ];
    for (const [field, hostile] of cases) {
      const answer = await replay(hostile);
      expect(answer.status, field).toBe(409);
      expect(errorOf(answer), field).toMatchObject({ code: "DeleteConflict", field });
    }
  });
});
