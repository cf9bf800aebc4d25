import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { attachPolicy } from "@/lib/data/attach-policy";
import { readStamp } from "@/lib/data/compiled-policies";
import { createAccessKey } from "@/lib/data/create-access-key";
import { createMfaDevice } from "@/lib/data/create-mfa-device";
import { createPolicyVersion } from "@/lib/data/create-policy-version";
import { createUser } from "@/lib/data/create-user";
import { deleteRole } from "@/lib/data/delete-role";
import { deleteUser } from "@/lib/data/delete-user";
import { listChanges } from "@/lib/data/list-changes";
import { loadInventory, readWholeInventory, type Inventory } from "@/lib/data/who-can-inventory";
import { putLoginProfile } from "@/lib/data/put-login-profile";
import { resetDemo } from "@/lib/data/reset-demo";
import { tagResource } from "@/lib/data/tag-resource";
import { updateAccount } from "@/lib/data/update-account";
import { createSession } from "@/lib/auth/sessions";
import { verifyPassword } from "@/lib/passwords";
import { listChangesQuery } from "@/lib/schemas/account";
import { DEMO_ACCOUNT_IDS, DEV, MANAGEMENT, PROD, SECURITY } from "@/prisma/seed/demo";
import { CAROL_MFA_DEVICE, demoRoot, demoUser } from "@/prisma/seed/demo-credentials";
import { seedDatabase } from "@/prisma/seed/run";
import { dumpAccount, managedAttachmentCounts, tableCounts } from "@/tests/support/account-dump";
import { freshAccount } from "@/tests/support/identity";

const dumpDemo = async () => Promise.all(DEMO_ACCOUNT_IDS.map((id) => dumpAccount(id, ["ResetDemo"])));
const READ_ONLY_S3 = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}';

let fresh: Awaited<ReturnType<typeof dumpDemo>>;
let freshCounts: Awaited<ReturnType<typeof tableCounts>>;
let freshManaged: Record<string, number>;
let other: string;

beforeAll(async () => {
  await seedDatabase();
  fresh = await dumpDemo();
  // Another account, holding an AWS managed policy the demo holds too: the reset must not touch it.
  other = await freshAccount();
  await createUser(other, { userName: "alice", path: "/", tags: [{ key: "team", value: "elsewhere" }] });
  await attachPolicy("user", other, "alice", "arn:aws:iam::aws:policy/AdministratorAccess");
  freshCounts = await tableCounts();
  freshManaged = await managedAttachmentCounts();
}, 180_000);

/** Changes of every kind to the four demo accounts. */
async function changeTheDemo() {
  await deleteUser(PROD, "erin", { force: true });
  await createPolicyVersion(PROD, "MyBucketReadOnly", { policyDocument: READ_ONLY_S3, setAsDefault: true });
  await createUser(PROD, { userName: "mallory", path: "/", tags: [] });
  await attachPolicy("user", PROD, "mallory", "arn:aws:iam::aws:policy/AdministratorAccess");
  await putLoginProfile(PROD, "alice", { password: "Changed-Passw0rd!", passwordResetRequired: true });
  await createAccessKey(PROD, "bob");
  await createMfaDevice(PROD, "bob", "bob-phone");
  await tagResource("user", PROD, "dave", [{ key: "team", value: "moved" }]);
  await updateAccount(DEV, { displayName: "Renamed" });
  await deleteRole(SECURITY, "CrossAccountAuditor", { force: true });
  await deleteUser(MANAGEMENT, "org-admin", { force: true });
  await deleteRole(DEV, "OrganizationAccountAccessRole", { force: true });
  await db().account.update({ where: { id: PROD }, data: { rootPasswordHash: null, passwordPolicy: null } });
  await db().mfaDevice.deleteMany({ where: { name: CAROL_MFA_DEVICE } });
}

describe("resetDemo", () => {
  it("restores every demo account exactly, leaves another account alone and moves the change log", async () => {
    const otherBefore = await dumpAccount(other);
    await changeTheDemo();
    const changed = await dumpDemo();
    expect(changed).not.toEqual(fresh);
    const stampBefore = await readStamp(db());

    const report = await resetDemo();

    expect(await dumpDemo()).toEqual(fresh);
    expect(await dumpAccount(other)).toEqual(otherBefore);
    // Nothing left behind (tags, keys, attachments of deleted rows) and no managed count adrift.
    expect(await tableCounts()).toEqual(freshCounts);
    expect(await managedAttachmentCounts()).toEqual(freshManaged);
    const alice = await db().user.findFirstOrThrow({ where: { accountId: PROD, name: "alice" } });
    expect(await verifyPassword(demoUser("alice").password, alice.passwordHash!)).toBe(true);
    const prod = await db().account.findUniqueOrThrow({ where: { id: PROD } });
    expect(await verifyPassword(demoRoot("acme-prod").password, prod.rootPasswordHash!)).toBe(true);

    expect(report.accounts.map((a) => [a.alias, a.users])).toEqual([["acme-management", 1], ["acme-prod", 5], ["acme-dev", 2], ["acme-security", 1]]);
    const stampAfter = await readStamp(db());
    expect(stampAfter.eventId).toBeGreaterThan(stampBefore.eventId);
    for (const accountId of DEMO_ACCOUNT_IDS) {
      const latest = await listChanges(accountId, listChangesQuery.parse({ pageSize: "1" }));
      expect(latest.items[0]).toMatchObject({ action: "ResetDemo", targetArn: `arn:aws:iam::${accountId}:root` });
    }
  });

  it("signs out every session in a demo account and forgets its principals' recent roles and failed sign-ins", async () => {
    const facts = { sourceIp: "127.0.0.1", userAgent: "vitest", secure: false };
    const session = (accountId: string, principalArn: string) =>
      createSession({ accountId, userId: null, principalArn, mfaAt: null, mustChangePassword: false, facts });
    const prodRoot = await session(PROD, `arn:aws:iam::${PROD}:root`);
    const otherRoot = await session(other, `arn:aws:iam::${other}:root`);
    // Another account's session acting through a role in a demo account ends too: the role is made anew.
    const through = await session(other, `arn:aws:iam::${other}:root`);
    await db().session.update({ where: { idHash: through.idHash }, data: { roleArn: `arn:aws:iam::${SECURITY}:role/CrossAccountAuditor` } });
    const bob = `arn:aws:iam::${PROD}:user/bob`;
    await db().recentRole.create({ data: { principalArn: bob, roleArn: `arn:aws:iam::${PROD}:role/RoleName`, displayName: "RoleName", color: "" } });
    await db().signInThrottle.create({ data: { key: bob, failures: "[]", lockedUntil: new Date(Date.now() + 60_000) } });
    await db().signInThrottle.create({ data: { key: "ip:127.0.0.1", failures: "[]" } });

    await resetDemo();

    const left = await db().session.findMany({ where: { idHash: { in: [prodRoot.idHash, otherRoot.idHash, through.idHash] } } });
    expect(left.map((row) => row.idHash)).toEqual([otherRoot.idHash]);
    expect(await db().recentRole.count({ where: { principalArn: bob } })).toBe(0);
    expect((await db().signInThrottle.findMany()).map((row) => row.key)).toEqual(["ip:127.0.0.1"]);
    await db().signInThrottle.deleteMany();
    await db().session.deleteMany();
  });

  it("keeps the session that asked for the reset signed in, as the same principal, back from a demo role", async () => {
    const facts = { sourceIp: "127.0.0.1", userAgent: "vitest", secure: false };
    const before = await db().user.findFirstOrThrow({ where: { accountId: MANAGEMENT, name: "org-admin" } });
    const asker = await createSession({ accountId: MANAGEMENT, userId: before.id, principalArn: before.arn, mfaAt: null, mustChangePassword: false, facts });
    await db().session.update({
      where: { idHash: asker.idHash },
      data: { roleArn: `arn:aws:iam::${DEV}:role/OrganizationAccountAccessRole`, roleId: "AROAOLDROLEID0000000", roleSessionName: "org-admin", roleIssuedAt: new Date(), roleExpiresAt: new Date(Date.now() + 3_600_000) },
    });
    const other = await createSession({ accountId: MANAGEMENT, userId: before.id, principalArn: before.arn, mfaAt: null, mustChangePassword: false, facts });

    await resetDemo({ keepSession: asker.idHash });

    const after = await db().user.findFirstOrThrow({ where: { accountId: MANAGEMENT, name: "org-admin" } });
    expect(after.id).not.toBe(before.id);
    const kept = await db().session.findUnique({ where: { idHash: asker.idHash } });
    expect(kept).toMatchObject({ userId: after.id, principalArn: before.arn, roleArn: null, roleId: null, roleSessionName: null });
    expect(await db().session.count({ where: { idHash: other.idHash } })).toBe(0);
    await db().session.deleteMany();
  });

  it("refreshes the kept who-can inventory", async () => {
    const principals = (inventory: Inventory) => [...inventory.users, ...inventory.roles].map((p) => `${p.arn} ${p.id}`).sort();
    await loadInventory();
    await createUser(PROD, { userName: "kept", path: "/", tags: [] });
    await loadInventory();
    await resetDemo();
    const kept = principals(await loadInventory());
    expect(kept).toEqual(principals(await readWholeInventory()));
    expect(kept.some((p) => p.startsWith(`arn:aws:iam::${PROD}:user/kept `))).toBe(false);
  });

  it("brings back a demo account that was deleted", async () => {
    await db().account.delete({ where: { id: DEV } });
    await resetDemo();
    expect(await dumpDemo()).toEqual(fresh);
    expect(await tableCounts()).toEqual(freshCounts);
  });

  it("gives the same result when two resets run at once", async () => {
    await createUser(PROD, { userName: "twice", path: "/", tags: [] });
    const reports = await Promise.all([resetDemo(), resetDemo()]);
    expect(reports.every((r) => r.accounts.length === 4)).toBe(true);
    expect(await dumpDemo()).toEqual(fresh);
    expect(await tableCounts()).toEqual(freshCounts);
    expect(await managedAttachmentCounts()).toEqual(freshManaged);
  });

  it("lets a write elsewhere wait for a reset in progress, and keeps it", async () => {
    const resetting = resetDemo();
    const user = await createUser(other, { userName: "during-reset", path: "/", tags: [] });
    await resetting;
    expect(await db().user.count({ where: { id: user.userId } })).toBe(1);
    await deleteUser(other, "during-reset", { force: true });
  });

  it("changes nothing when it fails midway", async () => {
    await changeTheDemo();
    // The seed attaches SecurityAudit last (acme-security): hidden, the seed fails after it has
    // deleted and rewritten acme-prod and acme-dev inside the transaction.
    const audit = "arn:aws:iam::aws:policy/SecurityAudit";
    await db().policy.update({ where: { arn: audit }, data: { arn: `${audit}-hidden` } });
    try {
      const before = await Promise.all([...DEMO_ACCOUNT_IDS, other].map((id) => dumpAccount(id)));
      const counts = await tableCounts();
      const managed = await managedAttachmentCounts();
      const stamp = await readStamp(db());

      await expect(resetDemo()).rejects.toMatchObject({ code: "NoSuchEntity" });

      expect(await Promise.all([...DEMO_ACCOUNT_IDS, other].map((id) => dumpAccount(id)))).toEqual(before);
      expect(await tableCounts()).toEqual(counts);
      expect(await managedAttachmentCounts()).toEqual(managed);
      expect(await readStamp(db())).toEqual(stamp);
    } finally {
      await db().policy.update({ where: { arn: `${audit}-hidden` }, data: { arn: audit } });
    }
    await resetDemo();
    expect(await dumpDemo()).toEqual(fresh);
  });

  it("refuses, with a clear message and nothing changed, when another account took a demo alias", async () => {
    await updateAccount(PROD, { alias: "acme-prod-old" });
    await updateAccount(other, { alias: "acme-prod" });
    try {
      const counts = await tableCounts();
      await expect(resetDemo()).rejects.toMatchObject({
        code: "EntityAlreadyExists",
        message: expect.stringContaining(`Account ${other} uses the alias acme-prod`),
      });
      expect(await tableCounts()).toEqual(counts);
    } finally {
      await updateAccount(other, { alias: "t-other" });
    }
    await resetDemo();
    expect(await dumpDemo()).toEqual(fresh);
  });
});
