import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { IamError } from "@/lib/errors";
import { attachPolicy } from "@/lib/data/attach-policy";
import { createPolicy } from "@/lib/data/create-policy";
import { createPolicyVersion } from "@/lib/data/create-policy-version";
import { createRole } from "@/lib/data/create-role";
import { createUser } from "@/lib/data/create-user";
import { deletePolicy } from "@/lib/data/delete-policy";
import { deletePolicyVersion } from "@/lib/data/delete-policy-version";
import { getPolicy } from "@/lib/data/get-policy";
import { getPolicyVersion } from "@/lib/data/get-policy-version";
import { listEntitiesForPolicy } from "@/lib/data/list-entities-for-policy";
import { listPolicyVersions } from "@/lib/data/list-policy-versions";
import { putPermissionsBoundary } from "@/lib/data/put-permissions-boundary";
import { setDefaultPolicyVersion } from "@/lib/data/set-default-policy-version";
import { createPolicyInput, policyEntitiesQuery } from "@/lib/schemas/policy";
import { createRoleInput } from "@/lib/schemas/role";
import { createUserBody } from "@/lib/schemas/user";
import { events, freshAccount } from "@/tests/support/identity";
import { allow, awsPolicyArn, importTestManagedPolicies, policyOfSize, trusting } from "@/tests/support/policies";

let accountId: string;
beforeAll(importTestManagedPolicies);
beforeEach(async () => {
  accountId = await freshAccount();
});

const newPolicy = (policyName: string, policyDocument = allow("s3:GetObject", "arn:aws:s3:::b/*"), extra: object = {}) =>
  createPolicy(accountId, createPolicyInput.parse({ policyName, policyDocument, ...extra }));
const newVersion = (policyName: string, action: string, setAsDefault = false) =>
  createPolicyVersion(accountId, policyName, { policyDocument: allow(action), setAsDefault });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e as IamError,
  );

describe("CreatePolicy", () => {
  it("creates version v1 as the default, with the document exactly as written", async () => {
    const text = `{"Version":"2012-10-17",\n   "Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b"}}`;
    const policy = await newPolicy("ListB", text, { path: "/team/", description: "List bucket b" });
    expect(policy).toMatchObject({
      policyName: "ListB",
      arn: `arn:aws:iam::${accountId}:policy/team/ListB`,
      awsManaged: false,
      defaultVersionId: "v1",
      versionCount: 1,
      attachmentCount: 0,
      document: text,
      description: "List bucket b",
    });
    expect(policy.policyId).toMatch(/^ANPA[A-Z2-7]{17}$/);
    expect(await events(accountId)).toContainEqual(expect.objectContaining({ action: "CreatePolicy", targetArn: policy.arn }));
  });

  it("refuses a duplicate name in any case", async () => {
    await newPolicy("Readers");
    expect((await failure(newPolicy("READERS"))).code).toBe("EntityAlreadyExists");
  });

  it("refuses malformed documents with every issue and writes nothing", async () => {
    const bad = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Permit", Action: "s3:GetObject" }] });
    const error = await failure(newPolicy("Bad", bad));
    expect(error.code).toBe("MalformedPolicyDocument");
    expect(error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(["Statement[0].Effect"]));
    expect(error.issues?.length).toBeGreaterThanOrEqual(2); // bad Effect and no Resource
    expect((await failure(newPolicy("NotJson", "{ nope"))).code).toBe("MalformedPolicyDocument");
    expect((await failure(newPolicy("NoStatement", '{"Version":"2012-10-17"}'))).code).toBe("MalformedPolicyDocument");
    expect(await db().policy.count({ where: { accountId } })).toBe(0);
    expect(await events(accountId)).not.toContainEqual(expect.objectContaining({ action: "CreatePolicy" }));
  });

  it("counts the 6,144-character quota without white space", async () => {
    const atLimit = policyOfSize(6144);
    expect(atLimit.length).toBeGreaterThan(6144);
    await newPolicy("AtLimit", atLimit);
    const error = await failure(newPolicy("OverLimit", policyOfSize(6145)));
    expect(error.code).toBe("LimitExceeded");
    expect(error.message).toMatch(/6145 .*6144/);
  });
});

describe("policy versions", () => {
  it("keeps at most five versions and never reuses a version id", async () => {
    await newPolicy("Evolving");
    for (const action of ["s3:ListBucket", "s3:PutObject", "s3:DeleteObject", "s3:GetBucketTagging"]) await newVersion("Evolving", action);
    const sixth = await failure(newVersion("Evolving", "s3:GetObjectAcl"));
    expect(sixth.code).toBe("LimitExceeded");
    expect(sixth.message).toMatch(/delete a version/i);

    await deletePolicyVersion(accountId, "Evolving", "v2");
    const next = await newVersion("Evolving", "s3:GetObjectAcl");
    expect(next).toMatchObject({ versionId: "v6", isDefault: false });
    const versions = await listPolicyVersions(accountId, "evolving");
    expect(versions.map((v) => v.versionId)).toEqual(["v6", "v5", "v4", "v3", "v1"]);
    expect(versions.filter((v) => v.isDefault).map((v) => v.versionId)).toEqual(["v1"]);
  });

  it("makes a new version the default when asked, and the default cannot be deleted", async () => {
    await newPolicy("Switch");
    const v2 = await newVersion("Switch", "s3:ListBucket", true);
    expect(v2.isDefault).toBe(true);
    const policy = await getPolicy(accountId, "Switch");
    expect(policy).toMatchObject({ defaultVersionId: "v2", versionCount: 2, document: allow("s3:ListBucket") });
    expect((await failure(deletePolicyVersion(accountId, "Switch", "v2"))).code).toBe("DeleteConflict");

    const back = await setDefaultPolicyVersion(accountId, "Switch", "v1");
    expect(back.defaultVersionId).toBe("v1");
    expect((await getPolicyVersion(accountId, "Switch", "v2")).isDefault).toBe(false);
    await deletePolicyVersion(accountId, "Switch", "v2");
    expect((await getPolicy(accountId, "Switch")).versionCount).toBe(1);
    expect((await failure(setDefaultPolicyVersion(accountId, "Switch", "v9"))).code).toBe("NoSuchEntity");
    expect((await failure(deletePolicyVersion(accountId, "Switch", "v9"))).code).toBe("NoSuchEntity");
    const actions = (await events(accountId)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["CreatePolicyVersion", "SetDefaultPolicyVersion", "DeletePolicyVersion"]));
  });

  it("refuses a malformed version and leaves the policy as it was", async () => {
    await newPolicy("Steady");
    expect((await failure(createPolicyVersion(accountId, "Steady", { policyDocument: "[]", setAsDefault: true }))).code).toBe(
      "MalformedPolicyDocument",
    );
    expect(await getPolicy(accountId, "Steady")).toMatchObject({ defaultVersionId: "v1", versionCount: 1 });
  });
});

describe("AWS managed policies", () => {
  it("are readable from every account and refuse every write", async () => {
    const policy = await getPolicy(accountId, "PowerUserAccess");
    expect(policy).toMatchObject({ awsManaged: true, arn: awsPolicyArn("PowerUserAccess"), defaultVersionId: "v5" });
    const lambda = await getPolicy(accountId, "AWSLambdaBasicExecutionRole");
    expect(lambda.path).toBe("/service-role/");

    const writes = [
      createPolicyVersion(accountId, "PowerUserAccess", { policyDocument: allow("*"), setAsDefault: true }),
      deletePolicyVersion(accountId, "PowerUserAccess", "v5"),
      setDefaultPolicyVersion(accountId, "PowerUserAccess", "v5"),
      deletePolicy(accountId, "PowerUserAccess", { force: true }),
    ];
    for (const write of writes) {
      const error = await failure(write);
      expect(error.code).toBe("ValidationError");
      expect(error.message).toMatch(/AWS managed policy/);
    }
    expect(await getPolicy(accountId, "PowerUserAccess")).toEqual(policy);
  });
});

describe("DeletePolicy", () => {
  it("refuses while attached, used as a boundary or holding other versions; force leaves nothing", async () => {
    const policy = await newPolicy("Shared");
    await newVersion("Shared", "s3:ListBucket");
    const user = await createUser(accountId, createUserBody.parse({ userName: "u1" }));
    await createUser(accountId, createUserBody.parse({ userName: "u2" }));
    await createRole(accountId, createRoleInput.parse({ roleName: "r1", trustPolicy: trusting(`arn:aws:iam::${accountId}:root`) }));
    await attachPolicy("user", accountId, "u1", policy.arn);
    await attachPolicy("role", accountId, "r1", policy.arn);
    await putPermissionsBoundary("user", accountId, "u2", policy.arn);

    const error = await failure(deletePolicy(accountId, "Shared", { force: false }));
    expect(error.code).toBe("DeleteConflict");
    expect(error.message).toMatch(/1 user attachment, 1 role attachment, 1 permissions boundary use and 1 non-default version/);
    expect(await db().policy.count({ where: { id: policy.policyId } })).toBe(1);

    await deletePolicy(accountId, "Shared", { force: true });
    expect(await db().policy.count({ where: { id: policy.policyId } })).toBe(0);
    expect(await db().policyVersion.count({ where: { policyId: policy.policyId } })).toBe(0);
    expect(await db().userPolicyAttachment.count({ where: { userId: user.userId } })).toBe(0);
    expect(await db().rolePolicyAttachment.count({ where: { policyId: policy.policyId } })).toBe(0);
    expect(await db().user.count({ where: { accountId, boundaryPolicyId: { not: null } } })).toBe(0);
    const actions = (await events(accountId)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["DetachUserPolicy", "DetachRolePolicy", "DeleteUserPermissionsBoundary"]));
    expect(actions[actions.length - 1]).toBe("DeletePolicy");
  });

  it("deletes an unused policy with only its default version without force", async () => {
    await newPolicy("Unused");
    await deletePolicy(accountId, "unused", { force: false });
    expect((await failure(getPolicy(accountId, "Unused"))).code).toBe("NoSuchEntity");
  });
});

describe("ListEntitiesForPolicy", () => {
  it("names this account's users, groups and roles with their use of the policy", async () => {
    await createUser(accountId, createUserBody.parse({ userName: "zed" }));
    await createUser(accountId, createUserBody.parse({ userName: "amy", permissionsBoundaryArn: awsPolicyArn("PowerUserAccess") }));
    await attachPolicy("user", accountId, "zed", awsPolicyArn("PowerUserAccess"));
    const other = await freshAccount();
    await createUser(other, createUserBody.parse({ userName: "elsewhere" }));
    await attachPolicy("user", other, "elsewhere", awsPolicyArn("PowerUserAccess"));

    const entities = await listEntitiesForPolicy(accountId, "PowerUserAccess", policyEntitiesQuery.parse({}));
    expect(entities.items.map((e) => [e.kind, e.name, e.usage])).toEqual([
      ["user", "amy", "PermissionsBoundary"],
      ["user", "zed", "PermissionsPolicy"],
    ]);
    expect(entities).toMatchObject({ total: 2, page: 1, pageSize: 25 });
    const boundaries = await listEntitiesForPolicy(accountId, "PowerUserAccess", policyEntitiesQuery.parse({ usage: "PermissionsBoundary" }));
    expect(boundaries.items.map((e) => e.name)).toEqual(["amy"]);
    expect((await listEntitiesForPolicy(accountId, "PowerUserAccess", policyEntitiesQuery.parse({ entity: "role" }))).total).toBe(0);
  });
});
