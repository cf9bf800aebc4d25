import { describe, expect, it } from "vitest";
import { CreateUserCommand, GetAccountAuthorizationDetailsCommand, type GetAccountAuthorizationDetailsCommandOutput } from "@aws-sdk/client-iam";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapterFactory } from "@prisma/client/runtime/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { sqliteUrl } from "@/lib/db-url";
import { accountAuthorizationDetails } from "@/lib/data/account-authorization-details";
import { attachPolicy } from "@/lib/data/attach-policy";
import { createPolicy } from "@/lib/data/create-policy";
import { createUser } from "@/lib/data/create-user";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { newTemporaryAccessKeyId } from "@/lib/ids";
import { freshAccount } from "@/tests/support/identity";
import { allow, awsPolicyArn } from "@/tests/support/policies";
import { arrangeAccount, DOC } from "@/tests/support/aws-account-fixtures";
import { iamClient, rootCredentials, userCredentials } from "@/tests/support/aws";

// IAM API Reference: GetAccountAuthorizationDetails (UserDetail, GroupDetail, RoleDetail,
// ManagedPolicyDetail, PolicyVersion, InstanceProfile, RoleLastUsed; Filter, MaxItems, Marker).
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html

type Details = GetAccountAuthorizationDetailsCommandOutput;
const decoded = (document: string | undefined) => JSON.parse(decodeURIComponent(document ?? ""));
const names = (details: Details) => ({
  users: (details.UserDetailList ?? []).map((u) => u.UserName),
  groups: (details.GroupDetailList ?? []).map((g) => g.GroupName),
  roles: (details.RoleDetailList ?? []).map((r) => r.RoleName),
  policies: (details.Policies ?? []).map((p) => p.PolicyName),
});

describe("GetAccountAuthorizationDetails with the real IAM client", () => {
  it("answers every user, group, role and policy in use with their relationships, documents URL-encoded", async () => {
    const account = await freshAccount();
    const { profileId } = await arrangeAccount(account);
    // AdministratorAccess is in use elsewhere only: it is not this account's.
    const elsewhere = await freshAccount();
    await createUser(elsewhere, { userName: "admin", path: "/", tags: [] });
    await attachPolicy("user", elsewhere, "admin", awsPolicyArn("AdministratorAccess"));
    const app = await db().role.findFirstOrThrow({ where: { accountId: account, nameLower: "app" } });
    const assumedAt = new Date("2026-11-30T10:20:30Z");
    await db().temporaryCredential.create({
      data: { id: newTemporaryAccessKeyId(), sealedSecret: "x", tokenHash: "x", accountId: account, kind: "AssumeRole", sourceArn: `arn:aws:iam::${account}:root`, sourceAccountId: account, roleArn: app.arn, roleId: app.id, roleSessionName: "s", issuedAt: assumedAt, expiresAt: new Date(assumedAt.getTime() + 3600_000) },
    });

    const details = await iamClient(await rootCredentials(account)).send(new GetAccountAuthorizationDetailsCommand({}));
    expect(details.IsTruncated).toBe(false);
    expect(details.Marker).toBeUndefined();
    expect(names(details)).toEqual({
      users: ["ana", "bob"],
      groups: ["devs", "empty"],
      roles: ["app", "idle"],
      // By name: the account's own policies and the AWS managed ones in use here.
      policies: ["AWSLambdaBasicExecutionRole", "Bound", "PowerUserAccess", "ReadOnlyAccess", "Shared", "Unused"],
    });

    const [ana, bob] = details.UserDetailList ?? [];
    expect(ana).toMatchObject({
      Path: "/eng/",
      UserName: "ana",
      Arn: `arn:aws:iam::${account}:user/eng/ana`,
      GroupList: ["devs"],
      AttachedManagedPolicies: [
        { PolicyName: "Shared", PolicyArn: `arn:aws:iam::${account}:policy/Shared` },
        { PolicyName: "ReadOnlyAccess", PolicyArn: awsPolicyArn("ReadOnlyAccess") },
      ],
      PermissionsBoundary: { PermissionsBoundaryType: "PermissionsBoundaryPolicy", PermissionsBoundaryArn: `arn:aws:iam::${account}:policy/limits/Bound` },
      Tags: [{ Key: "team", Value: "blue" }],
    });
    expect(ana.UserId).toMatch(/^AIDA/);
    expect(ana.CreateDate).toBeInstanceOf(Date);
    expect(ana.UserPolicyList).toHaveLength(1);
    expect(ana.UserPolicyList?.[0].PolicyName).toBe("ana-inline");
    // The raw API's URL encoding, as AWS answers it.
    expect(ana.UserPolicyList?.[0].PolicyDocument).toBe(encodeURIComponent(DOC.ana));
    expect(bob).toMatchObject({ UserName: "bob", UserPolicyList: [], GroupList: [], AttachedManagedPolicies: [], PermissionsBoundary: { PermissionsBoundaryArn: awsPolicyArn("AWSLambdaBasicExecutionRole") } });
    expect(bob.Tags).toBeUndefined();

    const [devs, empty] = details.GroupDetailList ?? [];
    expect(devs).toMatchObject({ Path: "/", GroupName: "devs", Arn: `arn:aws:iam::${account}:group/devs`, AttachedManagedPolicies: [{ PolicyName: "Shared" }] });
    expect(devs.GroupId).toMatch(/^AGPA/);
    expect(devs.GroupPolicyList?.map((p) => [p.PolicyName, decoded(p.PolicyDocument)])).toEqual([["devs-inline", JSON.parse(DOC.devs)]]);
    expect(empty).toMatchObject({ GroupName: "empty", GroupPolicyList: [], AttachedManagedPolicies: [] });

    const [appRole, idle] = details.RoleDetailList ?? [];
    expect(appRole).toMatchObject({
      Path: "/svc/",
      RoleName: "app",
      RoleId: app.id,
      Arn: `arn:aws:iam::${account}:role/svc/app`,
      AttachedManagedPolicies: [{ PolicyName: "PowerUserAccess", PolicyArn: awsPolicyArn("PowerUserAccess") }],
      PermissionsBoundary: { PermissionsBoundaryArn: `arn:aws:iam::${account}:policy/limits/Bound` },
      Tags: [{ Key: "env", Value: "prod" }],
      RoleLastUsed: { LastUsedDate: assumedAt, Region: "us-east-1" },
    });
    expect(decoded(appRole.AssumeRolePolicyDocument)).toEqual(JSON.parse(app.trustPolicy));
    expect(appRole.RolePolicyList?.map((p) => [p.PolicyName, decoded(p.PolicyDocument)])).toEqual([["app-inline", JSON.parse(DOC.app)]]);
    expect(appRole.InstanceProfileList).toHaveLength(1);
    const profile = appRole.InstanceProfileList?.[0];
    expect(profile).toMatchObject({ Path: "/", InstanceProfileName: "app-profile", InstanceProfileId: profileId, Arn: `arn:aws:iam::${account}:instance-profile/app-profile` });
    expect(profile?.CreateDate).toBeInstanceOf(Date);
    expect(profile?.Roles).toHaveLength(1);
    expect(profile?.Roles?.[0]).toMatchObject({ RoleName: "app", RoleId: app.id, Arn: app.arn, Path: "/svc/", Description: "The app", MaxSessionDuration: 7200 });
    expect(decoded(profile?.Roles?.[0].AssumeRolePolicyDocument)).toEqual(JSON.parse(app.trustPolicy));
    expect(idle).toMatchObject({ RoleName: "idle", InstanceProfileList: [], RolePolicyList: [], AttachedManagedPolicies: [], RoleLastUsed: {} });
    expect(idle.PermissionsBoundary).toBeUndefined();

    const policy = (name: string) => (details.Policies ?? []).find((p) => p.PolicyName === name);
    expect(policy("Shared")).toMatchObject({
      Arn: `arn:aws:iam::${account}:policy/Shared`,
      Path: "/",
      DefaultVersionId: "v2",
      AttachmentCount: 2,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      Description: "Shared access",
    });
    expect(policy("Shared")?.PolicyId).toMatch(/^ANPA/);
    expect(policy("Shared")?.CreateDate).toBeInstanceOf(Date);
    expect(policy("Shared")?.UpdateDate).toBeInstanceOf(Date);
    expect(policy("Shared")?.PolicyVersionList?.map((v) => [v.VersionId, v.IsDefaultVersion, decoded(v.Document)])).toEqual([
      ["v2", true, JSON.parse(DOC.sharedV2)],
      ["v1", false, JSON.parse(DOC.sharedV1)],
    ]);
    expect(policy("Shared")?.PolicyVersionList?.[0].CreateDate).toBeInstanceOf(Date);
    expect(policy("Bound")).toMatchObject({ Path: "/limits/", AttachmentCount: 0, PermissionsBoundaryUsageCount: 2 });
    expect(policy("Unused")).toMatchObject({ AttachmentCount: 0, PermissionsBoundaryUsageCount: 0 });
    // An AWS managed policy counts this account's attachments and boundaries only.
    expect(policy("ReadOnlyAccess")).toMatchObject({ Arn: awsPolicyArn("ReadOnlyAccess"), AttachmentCount: 1, PermissionsBoundaryUsageCount: 0, DefaultVersionId: "v3" });
    expect(policy("AWSLambdaBasicExecutionRole")).toMatchObject({ Path: "/service-role/", AttachmentCount: 0, PermissionsBoundaryUsageCount: 1 });
    expect(policy("ReadOnlyAccess")?.PolicyVersionList?.map((v) => v.VersionId)).toEqual(["v3"]);
  });

  it("answers only the entity types of the Filter", async () => {
    const account = await freshAccount();
    await arrangeAccount(account);
    const iam = iamClient(await rootCredentials(account));
    const only = async (...Filter: ("User" | "Role" | "Group" | "LocalManagedPolicy" | "AWSManagedPolicy")[]) => names(await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter })));
    expect(await only("LocalManagedPolicy")).toEqual({ users: [], groups: [], roles: [], policies: ["Bound", "Shared", "Unused"] });
    expect(await only("AWSManagedPolicy")).toEqual({ users: [], groups: [], roles: [], policies: ["AWSLambdaBasicExecutionRole", "PowerUserAccess", "ReadOnlyAccess"] });
    expect(await only("User", "Role")).toEqual({ users: ["ana", "bob"], groups: [], roles: ["app", "idle"], policies: [] });
    expect(await only("Group")).toEqual({ users: [], groups: ["devs", "empty"], roles: [], policies: [] });
    const invalid = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ["Everything" as "User"] })).then(() => null, (err: unknown) => err as { name: string; message: string });
    expect(invalid).toMatchObject({ name: "ValidationError" });
    expect(invalid?.message).toMatch(/^Filter\.0: Filter members must be among User, Role, Group, LocalManagedPolicy, AWSManagedPolicy\./);
  });

  it("pages the combined list with MaxItems and Marker, across kinds, never repeating or skipping an entity", async () => {
    const account = await freshAccount();
    await arrangeAccount(account);
    // A policy of the account's own with an AWS managed policy's name: both are listed, each once.
    await createPolicy(account, { policyName: "ReadOnlyAccess", path: "/", description: "", policyDocument: allow("s3:GetObject"), tags: [] });
    const iam = iamClient(await rootCredentials(account));
    const whole = names(await iam.send(new GetAccountAuthorizationDetailsCommand({})));
    expect(whole.policies.filter((name) => name === "ReadOnlyAccess")).toHaveLength(2);
    const walk = async (MaxItems: number) => {
      const seen = { users: [] as (string | undefined)[], groups: [] as (string | undefined)[], roles: [] as (string | undefined)[], policies: [] as (string | undefined)[] };
      const sizes: number[] = [];
      let marker: string | undefined;
      do {
        const answer = await iam.send(new GetAccountAuthorizationDetailsCommand({ MaxItems, Marker: marker }));
        const page = names(answer);
        sizes.push(page.users.length + page.groups.length + page.roles.length + page.policies.length);
        for (const kind of ["users", "groups", "roles", "policies"] as const) seen[kind].push(...page[kind]);
        marker = answer.IsTruncated ? answer.Marker : undefined;
        if (answer.IsTruncated) expect(answer.Marker).toBeTruthy();
      } while (marker);
      return { seen, sizes };
    };
    // 2 users + 2 groups + 2 roles + 7 policies = 13 entities. With 5 a page ends between the two
    // policies named ReadOnlyAccess (the 10th and 11th entities).
    expect(await walk(3)).toEqual({ seen: whole, sizes: [3, 3, 3, 3, 1] });
    expect(await walk(5)).toEqual({ seen: whole, sizes: [5, 5, 3] });
    expect(await walk(1000)).toEqual({ seen: whole, sizes: [13] });

    const bad = await iam.send(new GetAccountAuthorizationDetailsCommand({ Marker: "bm90LWEtbWFya2Vy" })).then(() => null, (err: unknown) => err as { name: string });
    expect(bad).toMatchObject({ name: "ValidationError" });
  });

  it("reads each table a fixed number of times per page, however many entities the account holds (no N+1)", async () => {
    const small = await freshAccount();
    await arrangeAccount(small);
    const large = await freshAccount();
    await arrangeAccount(large);
    for (let i = 0; i < 12; i++) {
      await createUser(large, { userName: `extra${i}`, path: "/", tags: [{ key: "n", value: String(i) }] });
      await putInlinePolicy("user", large, `extra${i}`, "own", allow("s3:GetObject"));
      await attachPolicy("user", large, `extra${i}`, `arn:aws:iam::${large}:policy/Shared`);
    }
    const statements = async (account: string) => {
      const sql: string[] = [];
      await withCountingDb(sql, () => accountAuthorizationDetails(account, { filter: [], after: null, take: 1000 }));
      return sql;
    };
    const few = await statements(small);
    const many = await statements(large);
    // Recorded at all (the counting client answered), and the same statements for 14 users as for 2.
    expect(few.some((statement) => statement.includes("FROM `main`.`User`"))).toBe(true);
    expect(many.length).toBe(few.length);
    expect(few.length).toBeLessThan(40);
  });

  it("refuses a user without permission with AWS's AccessDenied message", async () => {
    const account = await freshAccount();
    await iamClient(await rootCredentials(account)).send(new CreateUserCommand({ UserName: "nopolicy" }));
    const denied = await iamClient(await userCredentials(account, "nopolicy"))
      .send(new GetAccountAuthorizationDetailsCommand({}))
      .then(() => null, (err: unknown) => err as { name: string; message: string; $metadata: { httpStatusCode: number } });
    expect(denied).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
    expect(denied?.message).toBe(
      `User: arn:aws:iam::${account}:user/nopolicy is not authorized to perform: iam:GetAccountAuthorizationDetails on resource: * because no identity-based policy allows the iam:GetAccountAuthorizationDetails action`,
    );
    const audit = await db().auditEvent.findMany({ where: { accountId: account, eventName: "GetAccountAuthorizationDetails" } });
    expect(audit.map((a) => [a.eventSource, a.errorCode, a.readOnly])).toEqual([["iam.amazonaws.com", "AccessDenied", true]]);
  });
});

type SqlDriverAdapter = Awaited<ReturnType<SqlDriverAdapterFactory["connect"]>>;
type SqlQuery = Parameters<SqlDriverAdapter["queryRaw"]>[0];

/** Runs `run` with db() answering through a client that records every SQL statement it sends. */
async function withCountingDb<T>(sql: string[], run: () => Promise<T>): Promise<T> {
  const factory = new PrismaBetterSQLite3({ url: sqliteUrl() });
  const counting: SqlDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      return new Proxy(adapter, {
        get(target, property) {
          if (property === "queryRaw") return (query: SqlQuery) => (sql.push(query.sql), target.queryRaw(query));
          const value = Reflect.get(target, property) as unknown;
          return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      }) as SqlDriverAdapter;
    },
  };
  const holder = globalThis as unknown as { iamDb?: PrismaClient };
  const kept = holder.iamDb;
  const client = new PrismaClient({ adapter: counting });
  holder.iamDb = client;
  try {
    return await run();
  } finally {
    holder.iamDb = kept;
    await client.$disconnect();
  }
}
