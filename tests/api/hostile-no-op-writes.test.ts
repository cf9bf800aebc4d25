import { beforeEach, describe, expect, it } from "vitest";
import * as account from "@/app/api/v1/accounts/[accountId]/route";
import * as user from "@/app/api/v1/accounts/[accountId]/users/[userName]/route";
import * as userTags from "@/app/api/v1/accounts/[accountId]/users/[userName]/tags/route";
import * as loginProfile from "@/app/api/v1/accounts/[accountId]/users/[userName]/login-profile/route";
import * as accessKey from "@/app/api/v1/accounts/[accountId]/users/[userName]/access-keys/[accessKeyId]/route";
import * as role from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/route";
import * as roleTags from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/tags/route";
import * as trustPolicy from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/trust-policy/route";
import * as roleInline from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/inline-policies/[policyName]/route";
import * as group from "@/app/api/v1/accounts/[accountId]/groups/[groupName]/route";
import * as defaultVersion from "@/app/api/v1/accounts/[accountId]/policies/[policyName]/default-version/route";
import { createAccessKey } from "@/lib/data/create-access-key";
import { createGroup } from "@/lib/data/create-group";
import { createPolicy } from "@/lib/data/create-policy";
import { createRole } from "@/lib/data/create-role";
import { createUser } from "@/lib/data/create-user";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { putLoginProfile } from "@/lib/data/put-login-profile";
import { tagResource } from "@/lib/data/tag-resource";
import { getAccount } from "@/lib/data/get-account";
import { createGroupBody } from "@/lib/schemas/group";
import { createPolicyInput } from "@/lib/schemas/policy";
import { createRoleInput } from "@/lib/schemas/role";
import { createUserBody } from "@/lib/schemas/user";
import { callRaw, errorCode, snapshotCounts, withConcurrentGet, type RawAnswer } from "@/tests/support/hostile";
import { freshAccount } from "@/tests/support/identity";
import { allow, trusting } from "@/tests/support/policies";

// Writes that would change nothing (issue "Hostile input cannot hurt the console"): either
// refused as AWS refuses them, or answered with the entity and no change event.

const HOST = { host: "localhost" };
const HEADERS = { ...HOST, "content-type": "application/json" };

let accountId: string;
let base: string;
let trust: string;
beforeEach(async () => {
  accountId = await freshAccount();
  base = `/api/v1/accounts/${accountId}`;
  trust = trusting(`arn:aws:iam::${accountId}:root`);
  await createUser(accountId, createUserBody.parse({ userName: "ann", path: "/eng/" }));
  await createRole(accountId, createRoleInput.parse({ roleName: "Ops", trustPolicy: trust, description: "ops", maxSessionDuration: 7200 }));
  await createGroup(accountId, createGroupBody.parse({ groupName: "G", path: "/eng/" }));
});

const body = (value: unknown) => ({ body: JSON.stringify(value), headers: HEADERS });

/** The hostile request beside an ordinary GET: the GET is answered, and nothing is written. */
async function replay(hostile: () => Promise<RawAnswer>): Promise<RawAnswer> {
  const before = await snapshotCounts();
  const ordinary = () => callRaw(account.GET, "GET", base, { accountId }, { headers: HOST });
  const { result, ordinaryStatus } = await withConcurrentGet(hostile, ordinary);
  expect(ordinaryStatus).toBe(200);
  expect(await snapshotCounts()).toEqual(before);
  return result;
}

const fieldOf = (answer: RawAnswer) => (answer.body as { error?: { field?: string } }).error?.field;

describe("writes with nothing to do are refused, as AWS refuses them", () => {
  it("PutLoginProfile with neither password nor passwordResetRequired", async () => {
    const params = { accountId, userName: "ann" };
    const answer = await replay(() => callRaw(loginProfile.PUT, "PUT", `${base}/users/ann/login-profile`, params, body({})));
    expect(answer.status).toBe(400);
    expect(errorCode(answer)).toBe("ValidationError");
    expect(fieldOf(answer)).toBe("password");
  });

  it("TagRole and TagUser with an empty list", async () => {
    const role = await replay(() => callRaw(roleTags.PUT, "PUT", `${base}/roles/Ops/tags`, { accountId, roleName: "Ops" }, body({ tags: [] })));
    const user = await replay(() => callRaw(userTags.PUT, "PUT", `${base}/users/ann/tags`, { accountId, userName: "ann" }, body({ tags: [] })));
    for (const answer of [role, user]) {
      expect(answer.status).toBe(400);
      expect(errorCode(answer)).toBe("ValidationError");
      expect(fieldOf(answer)).toBe("tags");
    }
  });

  it("UntagRole and UntagUser with no key", async () => {
    for (const query of ["?keys=", "?keys=,%20,", ""]) {
      const role = await replay(() => callRaw(roleTags.DELETE, "DELETE", `${base}/roles/Ops/tags${query}`, { accountId, roleName: "Ops" }, { headers: HOST }));
      const user = await replay(() => callRaw(userTags.DELETE, "DELETE", `${base}/users/ann/tags${query}`, { accountId, userName: "ann" }, { headers: HOST }));
      for (const answer of [role, user]) {
        expect(answer.status, query).toBe(400);
        expect(errorCode(answer), query).toBe("ValidationError");
        expect(fieldOf(answer), query).toBe("keys");
      }
    }
  });
});

describe("writes of values as they already are succeed without a change event", () => {
  it("PATCH of a user, group, role and account with identical values answers the entity", async () => {
    const userAnswer = await replay(() =>
      callRaw(user.PATCH, "PATCH", `${base}/users/ann`, { accountId, userName: "ann" }, body({ newUserName: "ann", newPath: "/eng/" })),
    );
    expect(userAnswer).toMatchObject({ status: 200, body: { userName: "ann", path: "/eng/" } });
    const groupAnswer = await replay(() =>
      callRaw(group.PATCH, "PATCH", `${base}/groups/G`, { accountId, groupName: "G" }, body({ newGroupName: "G" })),
    );
    expect(groupAnswer).toMatchObject({ status: 200, body: { groupName: "G", path: "/eng/" } });
    const roleAnswer = await replay(() =>
      callRaw(role.PATCH, "PATCH", `${base}/roles/Ops`, { accountId, roleName: "Ops" }, body({ description: "ops", maxSessionDuration: 7200 })),
    );
    expect(roleAnswer).toMatchObject({ status: 200, body: { roleName: "Ops", description: "ops", maxSessionDuration: 7200 } });
    const current = await getAccount(accountId);
    const same = { alias: current.alias, displayName: current.displayName, rootEmail: current.rootEmail };
    const accountAnswer = await replay(() => callRaw(account.PATCH, "PATCH", base, { accountId }, body(same)));
    expect(accountAnswer).toMatchObject({ status: 200, body: same });
  });

  it("UpdateAccessKey to the status it already has", async () => {
    const key = await createAccessKey(accountId, "ann");
    const params = { accountId, userName: "ann", accessKeyId: key.accessKeyId };
    const answer = await replay(() =>
      callRaw(accessKey.PATCH, "PATCH", `${base}/users/ann/access-keys/${key.accessKeyId}`, params, body({ status: "Active" })),
    );
    expect(answer).toMatchObject({ status: 200, body: { accessKeyId: key.accessKeyId, status: "Active" } });
  });

  it("UpdateLoginProfile with the reset flag it already has", async () => {
    await putLoginProfile(accountId, "ann", { password: "Str0ng-Passw0rd!", passwordResetRequired: true });
    const params = { accountId, userName: "ann" };
    const answer = await replay(() =>
      callRaw(loginProfile.PUT, "PUT", `${base}/users/ann/login-profile`, params, body({ passwordResetRequired: true })),
    );
    expect(answer).toMatchObject({ status: 200, body: { userName: "ann", passwordResetRequired: true } });
  });

  it("TagUser and TagRole with the tags already there", async () => {
    await tagResource("user", accountId, "ann", [{ key: "team", value: "a" }]);
    await tagResource("role", accountId, "Ops", [{ key: "team", value: "a" }]);
    const tags = [{ key: "team", value: "a" }];
    const userAnswer = await replay(() => callRaw(userTags.PUT, "PUT", `${base}/users/ann/tags`, { accountId, userName: "ann" }, body({ tags })));
    const roleAnswer = await replay(() => callRaw(roleTags.PUT, "PUT", `${base}/roles/Ops/tags`, { accountId, roleName: "Ops" }, body({ tags })));
    for (const answer of [userAnswer, roleAnswer]) expect(answer).toMatchObject({ status: 200, body: { items: tags } });
  });

  it("SetDefaultPolicyVersion to the version already default", async () => {
    await createPolicy(accountId, createPolicyInput.parse({ policyName: "P", policyDocument: allow("s3:GetObject") }));
    const params = { accountId, policyName: "P" };
    const answer = await replay(() => callRaw(defaultVersion.PUT, "PUT", `${base}/policies/P/default-version`, params, body({ versionId: "v1" })));
    expect(answer).toMatchObject({ status: 200, body: { policyName: "P", defaultVersionId: "v1" } });
  });

  it("UpdateAssumeRolePolicy and PutRolePolicy with the document already stored", async () => {
    const trustAnswer = await replay(() =>
      callRaw(trustPolicy.PUT, "PUT", `${base}/roles/Ops/trust-policy`, { accountId, roleName: "Ops" }, body({ policyDocument: trust })),
    );
    expect(trustAnswer).toMatchObject({ status: 200, body: { roleName: "Ops", trustPolicy: trust } });
    const document = allow("s3:GetObject");
    await putInlinePolicy("role", accountId, "Ops", "Read", document);
    const params = { accountId, roleName: "Ops", policyName: "Read" };
    const inline = await replay(() =>
      callRaw(roleInline.PUT, "PUT", `${base}/roles/Ops/inline-policies/Read`, params, body({ policyDocument: document })),
    );
    expect(inline).toMatchObject({ status: 200, body: { policyName: "Read", document } });
  });
});
