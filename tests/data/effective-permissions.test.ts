import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addUserToGroup } from "@/lib/data/add-user-to-group";
import { attachPolicy } from "@/lib/data/attach-policy";
import { createGroup } from "@/lib/data/create-group";
import { createPolicy } from "@/lib/data/create-policy";
import { createPolicyVersion } from "@/lib/data/create-policy-version";
import { createRole } from "@/lib/data/create-role";
import { createUser } from "@/lib/data/create-user";
import { getEffectivePermissions } from "@/lib/data/get-effective-permissions";
import { getPrincipalPolicies, groupMemberArn } from "@/lib/data/get-principal-policies";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { putPermissionsBoundary } from "@/lib/data/put-permissions-boundary";
import { tagResource } from "@/lib/data/tag-resource";
import { db } from "@/lib/db";
import { IamError } from "@/lib/errors";
import type { EffectivePermissionsResult, ServiceView } from "@/lib/schemas/access";
import { createGroupBody } from "@/lib/schemas/group";
import { createPolicyInput } from "@/lib/schemas/policy";
import { createRoleInput } from "@/lib/schemas/role";
import { createUserBody } from "@/lib/schemas/user";
import { importManagedPolicies } from "@/prisma/seed/import-managed-policies";
import { freshAccount } from "@/tests/support/identity";
import { allow, awsPolicyArn, importTestManagedPolicies, TEST_MANAGED_POLICIES, trusting } from "@/tests/support/policies";

let accountId: string;
beforeAll(importTestManagedPolicies);
beforeEach(async () => {
  accountId = await freshAccount();
});

const newUser = (userName: string) => createUser(accountId, createUserBody.parse({ userName }));
const newGroup = (groupName: string) => createGroup(accountId, createGroupBody.parse({ groupName }));
const newPolicy = (policyName: string, document: string) => createPolicy(accountId, createPolicyInput.parse({ policyName, policyDocument: document }));
const awsDocument = (name: string) => JSON.parse(TEST_MANAGED_POLICIES.find((r) => r.name === name)?.document ?? "null") as unknown;

function analyzed(result: EffectivePermissionsResult) {
  if (result.kind !== "analyzed") throw new Error(JSON.stringify(result));
  return result;
}

/** The groups of one service's access level, with their policies named. */
function level(result: ReturnType<typeof analyzed>, service: string, accessLevel: string) {
  const view: ServiceView | undefined = result.services.find((s) => s.service === service);
  return view?.accessLevels.find((l) => l.accessLevel === accessLevel);
}

describe("getPrincipalPolicies", () => {
  it("gathers a user's direct, inline, group and boundary policies with their identities and documents", async () => {
    await newUser("ann");
    await newGroup("devs");
    await newGroup("auditors");
    await addUserToGroup(accountId, "devs", "ann");
    await addUserToGroup(accountId, "auditors", "ann");
    const mine = await newPolicy("Mine", allow("sqs:SendMessage"));
    await attachPolicy("user", accountId, "ann", mine.arn);
    await putInlinePolicy("user", accountId, "ann", "Own", allow("sns:Publish"));
    await attachPolicy("group", accountId, "devs", awsPolicyArn("PowerUserAccess"));
    await putInlinePolicy("group", accountId, "devs", "DevExtra", allow("logs:GetLogEvents"));
    await attachPolicy("group", accountId, "auditors", awsPolicyArn("ReadOnlyAccess"));
    await putPermissionsBoundary("user", accountId, "ann", awsPolicyArn("ReadOnlyAccess"));
    await tagResource("user", accountId, "ann", [{ key: "team", value: "blue" }]);

    const policies = await getPrincipalPolicies("user", accountId, "ANN");
    expect(policies).toMatchObject({ kind: "user", name: "ann", principalArn: `arn:aws:iam::${accountId}:user/ann`, tags: { team: "blue" } });
    expect(policies.identity.map((p) => [p.kind, p.name, p.viaGroup, p.owner?.kind ?? null])).toEqual([
      ["managed", "Mine", null, null],
      ["inline", "Own", null, "user"],
      ["managed", "ReadOnlyAccess", "auditors", null],
      ["managed", "PowerUserAccess", "devs", null],
      ["inline", "DevExtra", "devs", "group"],
    ]);
    expect(policies.identity[3]).toMatchObject({ arn: awsPolicyArn("PowerUserAccess"), awsManaged: true, versionId: "v5" });
    expect(policies.identityPolicies).toEqual([
      JSON.parse(allow("sqs:SendMessage")),
      JSON.parse(allow("sns:Publish")),
      awsDocument("ReadOnlyAccess"),
      awsDocument("PowerUserAccess"),
      JSON.parse(allow("logs:GetLogEvents")),
    ]);
    expect(policies.boundary).toMatchObject({ kind: "boundary", name: "ReadOnlyAccess", versionId: "v3" });
    expect(policies.permissionsBoundary).toEqual(awsDocument("ReadOnlyAccess"));
  });

  it("reads a customer policy's current default version, not a cached older one", async () => {
    await newUser("ann");
    const policy = await newPolicy("Changing", allow("s3:GetObject"));
    await attachPolicy("user", accountId, "ann", policy.arn);
    expect((await getPrincipalPolicies("user", accountId, "ann")).identityPolicies).toEqual([JSON.parse(allow("s3:GetObject"))]);
    await createPolicyVersion(accountId, "Changing", { policyDocument: allow("s3:PutObject"), setAsDefault: true });
    const after = await getPrincipalPolicies("user", accountId, "ann");
    expect(after.identityPolicies).toEqual([JSON.parse(allow("s3:PutObject"))]);
    expect(after.identity[0].versionId).toBe("v2");
  });

  it("reads an AWS managed policy's new text after a re-import under the same version id", async () => {
    await newUser("ann");
    const name = `Reimported${accountId}`;
    const at = new Date("2020-01-01T00:00:00Z");
    const record = (action: string) => ({ name, path: "/", arn: awsPolicyArn(name), defaultVersionId: "v1", document: allow(action), createdAt: at, updatedAt: at, versionCreatedAt: at });
    await importManagedPolicies(db(), [record("cloudwatch:GetMetricData")]);
    await attachPolicy("user", accountId, "ann", awsPolicyArn(name));
    expect((await getPrincipalPolicies("user", accountId, "ann")).identityPolicies).toEqual([JSON.parse(allow("cloudwatch:GetMetricData"))]);
    await importManagedPolicies(db(), [record("dynamodb:GetItem")]);
    const after = await getPrincipalPolicies("user", accountId, "ann");
    expect(after.identityPolicies).toEqual([JSON.parse(allow("dynamodb:GetItem"))]);
    expect(after.identity[0].versionId).toBe("v1");
  });

  it("gives a role its own policies and a group its own, analyzed as a stand-in member", async () => {
    await createRole(accountId, createRoleInput.parse({ roleName: "ops", trustPolicy: trusting(`arn:aws:iam::${accountId}:root`) }));
    await attachPolicy("role", accountId, "ops", awsPolicyArn("AWSLambdaBasicExecutionRole"));
    await putInlinePolicy("role", accountId, "ops", "Queue", allow("sqs:*"));
    const role = await getPrincipalPolicies("role", accountId, "ops");
    expect(role.identity.map((p) => [p.kind, p.name, p.owner])).toEqual([
      ["managed", "AWSLambdaBasicExecutionRole", null],
      ["inline", "Queue", { kind: "role", name: "ops" }],
    ]);
    expect(role.principalArn).toBe(role.arn);

    await newGroup("devs");
    await putInlinePolicy("group", accountId, "devs", "G", allow("sns:Publish"));
    const group = await getPrincipalPolicies("group", accountId, "devs");
    expect(group.principalArn).toBe(groupMemberArn(accountId, "devs"));
    expect(group.identity.map((p) => [p.kind, p.name, p.viaGroup])).toEqual([["inline", "G", null]]);
    expect(group.boundary).toBeNull();
  });

  it("answers NoSuchEntity for a principal that does not exist", async () => {
    const error = await getPrincipalPolicies("role", accountId, "nobody").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IamError);
    expect((error as IamError).code).toBe("NoSuchEntity");
  });
});

describe("getEffectivePermissions", () => {
  it("names a granted bucket ARN that can never reach the objects, unless the same grant also names the objects", async () => {
    const grant = (resources: string[]) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: resources }] });
    await newUser("erin");
    await putInlinePolicy("user", accountId, "erin", "BucketOnly", grant(["arn:aws:s3:::my_bucket"]));
    const misses = (result: ReturnType<typeof analyzed>) => (level(result, "s3", "Read")?.groups ?? []).flatMap((g) => g.nearMisses ?? []);
    expect(misses(analyzed(await getEffectivePermissions("user", accountId, "erin")))).toEqual([
      expect.objectContaining({ action: "s3:GetObject", pattern: "arn:aws:s3:::my_bucket", text: expect.stringContaining("objects are arn:aws:s3:::my_bucket/*") }),
    ]);
    await putInlinePolicy("user", accountId, "erin", "BucketOnly", grant(["arn:aws:s3:::my_bucket", "arn:aws:s3:::my_bucket/*"]));
    expect(misses(analyzed(await getEffectivePermissions("user", accountId, "erin")))).toEqual([]);
  });

  it("groups actions by service and level and names the policy behind each", async () => {
    await newUser("alice");
    await newGroup("ReadOnly");
    await addUserToGroup(accountId, "ReadOnly", "alice");
    await attachPolicy("group", accountId, "ReadOnly", awsPolicyArn("ReadOnlyAccess"));
    const result = analyzed(await getEffectivePermissions("user", accountId, "alice"));
    const read = level(result, "s3", "Read");
    expect(read?.groups.length).toBeGreaterThan(0);
    const group = read?.groups[0];
    expect(group?.status).toBe("allowed");
    expect(group?.actions).toContain("GetObject");
    const [scope] = result.scopes[group?.grants ?? 0];
    expect(scope.resources).toEqual({ element: "Resource", patterns: ["*"] });
    expect(result.policies[scope.sources[0].policy]).toMatchObject({ name: "ReadOnlyAccess", viaGroup: "ReadOnly" });
    expect(level(result, "s3", "Write")?.groups ?? []).toEqual([]);
    // ReadOnlyAccess's stand-in reads S3 and EC2; sts:GetCallerIdentity needs no permission.
    const granting = result.services.filter((s) => s.counts.allowed + s.counts.conditional > 0).map((s) => s.service);
    expect(granting.sort()).toEqual(["ec2", "s3", "sts"]);
    expect(result.summary).toMatch(new RegExp(`^${result.counts.granted.toLocaleString("en-US")} actions in 3 services$`));
  });

  it("shows what the boundary removes as removed by boundary, attributed to the granting policy", async () => {
    await newUser("dave");
    await attachPolicy("user", accountId, "dave", awsPolicyArn("PowerUserAccess"));
    const boundary = await newPolicy("OnlyEc2", allow("ec2:*"));
    await putPermissionsBoundary("user", accountId, "dave", boundary.arn);
    const result = analyzed(await getEffectivePermissions("user", accountId, "dave"));
    const s3Write = level(result, "s3", "Write")?.groups ?? [];
    expect(s3Write.map((g) => g.status)).toEqual(["removedByBoundary"]);
    expect(s3Write[0].limits).toEqual([{ layer: "boundary", scopes: 0 }]);
    const granting = result.scopes[s3Write[0].grants][0].sources[0];
    expect(result.policies[granting.policy]).toMatchObject({ name: "PowerUserAccess", kind: "managed" });
    expect(result.policies.at(-1)).toMatchObject({ kind: "boundary", name: "OnlyEc2" });
    expect(level(result, "ec2", "Write")?.groups.map((g) => g.status)).toEqual(["allowed"]);
  });

  it("reports explicit denies and keeps conditions on the allowed actions", async () => {
    await newUser("erin");
    const document = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Sid: "Read", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::reports/*", Condition: { Bool: { "aws:SecureTransport": "true" } } },
        { Sid: "NoDelete", Effect: "Deny", Action: "s3:DeleteBucket", Resource: "*" },
      ],
    });
    await putInlinePolicy("user", accountId, "erin", "Scoped", document);
    const result = analyzed(await getEffectivePermissions("user", accountId, "erin"));
    expect(result.counts.byStatus.explicitlyDenied).toBe(1);
    expect(result.summary).toContain("1 explicitly denied");
    const groups = result.services.find((s) => s.service === "s3")?.accessLevels.flatMap((l) => l.groups) ?? [];
    const get = groups.find((g) => g.actions.includes("GetObject"));
    expect(get?.status).toBe("conditional");
    expect(result.scopes[get?.grants ?? 0][0]).toMatchObject({
      resources: { element: "Resource", patterns: ["arn:aws:s3:::reports/*"] },
      conditions: [{ operator: "Bool", key: "aws:SecureTransport", values: ["true"] }],
      sources: [{ policy: 0, statement: 0, sid: "Read" }],
    });
    const denied = groups.find((g) => g.actions.includes("DeleteBucket"));
    expect(denied?.status).toBe("explicitlyDenied");
    expect(result.scopes[denied?.denies ?? 0][0].sources).toEqual([{ policy: 0, statement: 1, sid: "NoDelete" }]);
  });

  it("shares one scope list among every action the same statements allow", async () => {
    await newUser("pat");
    await attachPolicy("user", accountId, "pat", awsPolicyArn("AdministratorAccess"));
    const result = analyzed(await getEffectivePermissions("user", accountId, "pat"));
    const grantIds = new Set(result.services.flatMap((s) => s.accessLevels.flatMap((l) => l.groups.map((g) => g.grants))));
    expect(grantIds.size).toBe(1);
    expect(result.scopes).toHaveLength(2);
    expect(result.counts.granted).toBe(result.counts.actions);
  });
});
