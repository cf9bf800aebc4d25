import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { masterKey } from "@/lib/auth/master-key";
import { passwordPolicySchema } from "@/lib/auth/password-policy-schema";
import { open } from "@/lib/auth/sealed";
import { totpCode, verifyTotp } from "@/lib/auth/totp";
import { simulate } from "@/lib/iam";
import { verifyPassword } from "@/lib/passwords";
import { importManagedPolicies } from "@/prisma/seed/import-managed-policies";
import { DEV, MANAGEMENT, PROD, SECURITY } from "@/prisma/seed/demo";
import { CAROL_MFA_DEVICE, CAROL_MFA_SECRET, DEMO_ROOTS, DEMO_USERS } from "@/prisma/seed/demo-credentials";
import { seedDatabase, type SeedReport } from "@/prisma/seed/run";

let first: SeedReport;
beforeAll(async () => {
  first = await seedDatabase();
}, 120_000);

const tableCounts = async () => ({
  accounts: await db().account.count(),
  users: await db().user.count(),
  groups: await db().group.count(),
  roles: await db().role.count(),
  policies: await db().policy.count(),
  versions: await db().policyVersion.count(),
  events: await db().changeEvent.count(),
});

const defaultDocument = async (arn: string) => {
  const policy = await db().policy.findUniqueOrThrow({ where: { arn } });
  const version = await db().policyVersion.findUniqueOrThrow({
    where: { policyId_versionId: { policyId: policy.id, versionId: policy.defaultVersionId } },
  });
  return JSON.parse(version.document) as unknown;
};

const docs = (rows: { document: string }[]) => rows.map((r) => JSON.parse(r.document) as unknown);
const defaults = async (policyIds: string[]) => {
  const policies = await db().policy.findMany({ where: { id: { in: policyIds } }, include: { versions: true } });
  return policies.map((p) => JSON.parse(p.versions.find((v) => v.versionId === p.defaultVersionId)?.document ?? "null") as unknown);
};

/** Every identity policy and the boundary of a user (with its groups') or a role, from the database. */
async function principalPolicies(kind: "user" | "role", accountId: string, name: string) {
  if (kind === "role") {
    const role = await db().role.findFirstOrThrow({
      where: { accountId, name },
      include: { attachedPolicies: true, inlinePolicies: true },
    });
    return {
      arn: role.arn,
      identityPolicies: [...(await defaults(role.attachedPolicies.map((a) => a.policyId))), ...docs(role.inlinePolicies)],
      permissionsBoundary: role.boundaryPolicyId ? (await defaults([role.boundaryPolicyId]))[0] : null,
    };
  }
  const user = await db().user.findFirstOrThrow({
    where: { accountId, name },
    include: { attachedPolicies: true, inlinePolicies: true, groups: { include: { group: { include: { attachedPolicies: true, inlinePolicies: true } } } } },
  });
  const groups = user.groups.map((m) => m.group);
  const attached = [...user.attachedPolicies, ...groups.flatMap((g) => g.attachedPolicies)].map((a) => a.policyId);
  return {
    arn: user.arn,
    identityPolicies: [...(await defaults(attached)), ...docs(user.inlinePolicies), ...docs(groups.flatMap((g) => g.inlinePolicies))],
    permissionsBoundary: user.boundaryPolicyId ? (await defaults([user.boundaryPolicyId]))[0] : null,
  };
}

async function decide(kind: "user" | "role", accountId: string, name: string, action: string, resource: string, resourcePolicy: unknown = null) {
  const { arn, identityPolicies, permissionsBoundary } = await principalPolicies(kind, accountId, name);
  const outcome = simulate({
    principal: { arn },
    identityPolicies,
    permissionsBoundary,
    scps: null,
    resourcePolicy,
    resourceAccount: accountId,
    sessionPolicy: null,
    action,
    resource,
    context: {},
  });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result.decision;
}

describe("the seed", () => {
  it("imports every AWS managed policy with its default version and writes the demo", async () => {
    expect(first.managedPolicies).toEqual({ created: 1594, updated: 0, unchanged: 0 });
    expect(first.demo).toBe("written");
    expect(await db().policy.count({ where: { awsManaged: true } })).toBe(1594);
    expect(await defaultDocument("arn:aws:iam::aws:policy/AdministratorAccess")).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
    });
    for (const name of ["ReadOnlyAccess", "AmazonS3ReadOnlyAccess", "PowerUserAccess", "SecurityAudit"]) {
      expect(await db().policy.count({ where: { arn: `arn:aws:iam::aws:policy/${name}`, accountId: null } })).toBe(1);
    }
    const lambda = await db().policy.findUniqueOrThrow({ where: { arn: "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole" } });
    expect(lambda).toMatchObject({ path: "/service-role/", name: "AWSLambdaBasicExecutionRole", awsManaged: true });
  });

  it("changes nothing when run again", async () => {
    const before = await tableCounts();
    const again = await seedDatabase();
    expect(again.managedPolicies).toEqual({ created: 0, updated: 0, unchanged: 1594 });
    expect(again.demo).toMatch(/^skipped/);
    expect(await tableCounts()).toEqual(before);
  });

  it("updates an AWS managed policy whose default version changed", async () => {
    const record = {
      name: "ZzTestOnly",
      path: "/",
      arn: "arn:aws:iam::aws:policy/ZzTestOnly",
      defaultVersionId: "v1",
      document: '{"Version":"2012-10-17","Statement":[]}',
      createdAt: new Date("2020-01-01T00:00:00Z"),
      updatedAt: new Date("2020-01-01T00:00:00Z"),
      versionCreatedAt: new Date("2020-01-01T00:00:00Z"),
    };
    expect(await importManagedPolicies(db(), [record])).toMatchObject({ created: 1, updated: 0 });
    const changed = { ...record, defaultVersionId: "v2", document: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}' };
    expect(await importManagedPolicies(db(), [changed])).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const row = await db().policy.findUniqueOrThrow({ where: { arn: record.arn }, include: { versions: true } });
    expect(row.defaultVersionId).toBe("v2");
    expect(row.versions.map((v) => [v.versionId, v.document])).toEqual([["v2", changed.document]]);
    expect(await importManagedPolicies(db(), [changed])).toEqual({ created: 0, updated: 0, unchanged: 1 });
    await db().policy.delete({ where: { id: row.id } });
  });

  it("has the four accounts, their people, groups and roles", async () => {
    const accounts = await db().account.findMany({ orderBy: { id: "asc" } });
    expect(accounts.map((a) => [a.id, a.alias, a.managementAccountId])).toEqual([
      [MANAGEMENT, "acme-management", null],
      [PROD, "acme-prod", MANAGEMENT],
      [DEV, "acme-dev", MANAGEMENT],
      [SECURITY, "acme-security", MANAGEMENT],
    ].sort());
    expect(accounts.find((a) => a.id === PROD)?.displayName).toBe("Acme Production");
    expect(accounts.find((a) => a.id === MANAGEMENT)).toMatchObject({ displayName: "Acme Management", rootEmail: "aws-management@acme.example" });
    const orgAdmin = await db().user.findFirstOrThrow({ where: { accountId: MANAGEMENT, name: "org-admin" }, include: { attachedPolicies: { include: { policy: true } } } });
    expect(orgAdmin.attachedPolicies.map((a) => a.policy.name)).toEqual(["AdministratorAccess"]);
    const memberships = await db().groupMembership.findMany({ where: { group: { accountId: PROD } }, include: { user: true, group: true } });
    expect(memberships.map((m) => `${m.user.name}:${m.group.name}`).sort()).toEqual(["alice:ReadOnly", "bob:Developers", "carol:Admins"]);
    const groupPolicies = await db().groupPolicyAttachment.findMany({ where: { group: { accountId: PROD } }, include: { group: true, policy: true } });
    expect(groupPolicies.map((a) => `${a.group.name}:${a.policy.name}`).sort()).toEqual([
      "Admins:AdministratorAccess",
      "Developers:AssumeRoleNamePolicy",
      "Developers:PowerUserAccess",
      "ReadOnly:AmazonS3ReadOnlyAccess",
    ]);
    const alice = await db().user.findFirstOrThrow({ where: { accountId: PROD, name: "alice" }, include: { tags: true, accessKeys: true } });
    expect(alice.tags.map((t) => t.key).sort()).toEqual(["cost-center", "team"]);
    expect(alice.accessKeys).toHaveLength(1);
    expect(alice.passwordHash).not.toBeNull();
    expect(await db().userInlinePolicy.count({ where: { user: { accountId: PROD } } })).toBeGreaterThan(0);
    const twoVersions = await db().policy.findMany({ where: { accountId: PROD, versions: { some: { versionId: "v2" } } } });
    expect(twoVersions.length).toBeGreaterThanOrEqual(2);
    expect(await db().role.count({ where: { accountId: DEV } })).toBeGreaterThan(0);
    expect(await db().user.count({ where: { accountId: DEV } })).toBeGreaterThan(0);
    expect(await db().changeEvent.count({ where: { accountId: PROD } })).toBeGreaterThan(20);
  });

  it("lets only Admins' members and OrganizationAccountAccessRole manage IAM users in acme-prod", async () => {
    const target = `arn:aws:iam::${PROD}:user/newcomer`;
    for (const name of ["alice", "bob", "carol", "dave", "erin"]) {
      expect([name, await decide("user", PROD, name, "iam:CreateUser", target)]).toEqual([name, name === "carol" ? "allowed" : "implicitDeny"]);
    }
    for (const role of await db().role.findMany({ where: { accountId: PROD } })) {
      const expected = role.name === "OrganizationAccountAccessRole" ? "allowed" : "implicitDeny";
      expect([role.name, await decide("role", PROD, role.name, "iam:CreateUser", target)]).toEqual([role.name, expected]);
    }
  });

  // "Accessing a member account that has a management account access role" (AWS Organizations
  // User Guide): CreateAccount makes OrganizationAccountAccessRole, trusting the management
  // account, with an inline policy AdministratorAccess allowing * on *.
  // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_access-cross-account-role.html
  it("gives each member account OrganizationAccountAccessRole, which org-admin may assume", async () => {
    expect(await db().role.count({ where: { accountId: MANAGEMENT } })).toBe(0);
    for (const accountId of [PROD, DEV, SECURITY]) {
      const role = await db().role.findFirstOrThrow({ where: { accountId, name: "OrganizationAccountAccessRole" }, include: { inlinePolicies: true } });
      const trust = JSON.parse(role.trustPolicy) as unknown;
      expect(trust).toMatchObject({ Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${MANAGEMENT}:root` }, Action: "sts:AssumeRole" }] });
      expect(role.inlinePolicies.map((p) => [p.name, JSON.parse(p.document)])).toEqual([
        ["AdministratorAccess", { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }],
      ]);
      expect(await decide("user", MANAGEMENT, "org-admin", "sts:AssumeRole", role.arn, trust)).toBe("allowed");
      expect(await decide("user", PROD, "alice", "sts:AssumeRole", role.arn, trust)).not.toBe("allowed");
    }
  });

  it("gives every demo root and user the documented console password; only erin must reset hers", async () => {
    const accounts = await db().account.findMany();
    const roots = await Promise.all(
      DEMO_ROOTS.map(async (root) => {
        const account = accounts.find((a) => a.id === root.accountId);
        return [root.alias, account?.rootEmail, account?.rootPasswordSetAt !== null, await verifyPassword(root.password, account?.rootPasswordHash ?? "")];
      }),
    );
    expect(roots).toEqual(DEMO_ROOTS.map((root) => [root.alias, root.rootEmail, true, true]));
    const users = await Promise.all(
      DEMO_USERS.map(async (demo) => {
        const user = await db().user.findFirstOrThrow({ where: { accountId: demo.accountId, name: demo.userName } });
        return [demo.userName, user.passwordResetRequired, await verifyPassword(demo.password, user.passwordHash ?? "")];
      }),
    );
    expect(users).toEqual(DEMO_USERS.map((demo) => [demo.userName, demo.userName === "erin", true]));
    // Those are all the demo's users: none is left without a password.
    const all = await db().user.findMany({ select: { accountId: true, name: true } });
    expect(all.map((u) => `${u.accountId}/${u.name}`).sort()).toEqual(DEMO_USERS.map((u) => `${u.accountId}/${u.userName}`).sort());
  });

  // UpdateAccountPasswordPolicy (IAM API Reference): AllowUsersToChangePassword lets every IAM user
  // change their own password; a setting left out takes its default.
  // https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccountPasswordPolicy.html
  it("sets a password policy on each demo account that lets users change their own password", async () => {
    for (const account of await db().account.findMany()) {
      expect([account.alias, passwordPolicySchema.parse(JSON.parse(account.passwordPolicy ?? "null"))]).toEqual([
        account.alias,
        passwordPolicySchema.parse({ AllowUsersToChangePassword: true }),
      ]);
    }
  });

  // "Assign a virtual MFA device" (IAM User Guide): TOTP codes of the device's seed.
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html
  it("gives carol an enabled virtual MFA device whose sealed seed is the documented secret", async () => {
    const devices = await db().mfaDevice.findMany({ include: { user: true } });
    expect(devices.map((d) => [d.name, d.user?.name, d.enabledAt !== null])).toEqual([[CAROL_MFA_DEVICE, "carol", true]]);
    const [device] = devices;
    expect(device.arn).toBe(`arn:aws:iam::${PROD}:mfa/${CAROL_MFA_DEVICE}`);
    expect(device.sealedSeed).not.toContain(CAROL_MFA_SECRET);
    const seed = open(device.sealedSeed ?? "", masterKey(), `mfa:${device.arn}`);
    expect(seed).toBe(CAROL_MFA_SECRET);
    // Enabled with two codes of the last minute: the code of now is still unused.
    const now = Date.now();
    expect(verifyTotp(seed, totpCode(CAROL_MFA_SECRET, now), now, device.lastUsedStep)).not.toBeNull();
  });

  it("tells the boundary and the bucket-versus-object lessons", async () => {
    expect(await decide("user", PROD, "dave", "s3:PutObject", "arn:aws:s3:::reports/q1.csv")).toBe("allowed");
    expect(await decide("user", PROD, "dave", "ec2:RunInstances", "*")).toBe("implicitDeny");
    expect(await decide("user", PROD, "erin", "s3:ListBucket", "arn:aws:s3:::my_bucket")).toBe("allowed");
    expect(await decide("user", PROD, "erin", "s3:GetObject", "arn:aws:s3:::my_bucket/key.txt")).toBe("implicitDeny");
    // RoleName trusts its account, so bob also needs the group's AssumeRoleNamePolicy; alice has none.
    const roleName = await db().role.findFirstOrThrow({ where: { accountId: PROD, name: "RoleName" } });
    const trust = JSON.parse(roleName.trustPolicy) as unknown;
    expect(await decide("user", PROD, "bob", "sts:AssumeRole", roleName.arn, trust)).toBe("allowed");
    expect(await decide("user", PROD, "alice", "sts:AssumeRole", roleName.arn, trust)).toBe("implicitDeny");
  });

  it("has RoleName trusting its account and CrossAccountAuditor trusting acme-prod with MFA", async () => {
    const roleName = await db().role.findFirstOrThrow({ where: { accountId: PROD, name: "RoleName" }, include: { attachedPolicies: true } });
    expect(JSON.parse(roleName.trustPolicy)).toMatchObject({
      Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${PROD}:root` }, Action: "sts:AssumeRole" }],
    });
    expect(roleName.attachedPolicies.length).toBeGreaterThan(0);
    const auditor = await db().role.findFirstOrThrow({
      where: { accountId: SECURITY, name: "CrossAccountAuditor" },
      include: { attachedPolicies: { include: { policy: true } } },
    });
    expect(JSON.parse(auditor.trustPolicy)).toMatchObject({
      Statement: [{ Principal: { AWS: `arn:aws:iam::${PROD}:root` }, Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }],
    });
    expect(auditor.attachedPolicies.map((a) => a.policy.name)).toEqual(["SecurityAudit"]);
  });

  it("keeps every attachment count equal to the attachments", async () => {
    const policies = await db().policy.findMany({
      where: { attachmentCount: { gt: 0 } },
      include: { _count: { select: { userAttachments: true, groupAttachments: true, roleAttachments: true } } },
    });
    expect(policies.length).toBeGreaterThan(5);
    for (const p of policies) {
      expect([p.name, p.attachmentCount]).toEqual([p.name, p._count.userAttachments + p._count.groupAttachments + p._count.roleAttachments]);
    }
  });
});
