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
import { verifyPassword } from "@/lib/passwords";
import { listChangesQuery } from "@/lib/schemas/account";
import { DEMO_ACCOUNT_IDS, DEV, PROD, SECURITY } from "@/prisma/seed/demo";
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

/** Changes of every kind to the three demo accounts. */
async function changeTheDemo() {
  await deleteUser(PROD, "erin", { force: true });
  await createPolicyVersion(PROD, "MyBucketReadOnly", { policyDocument: READ_ONLY_S3, setAsDefault: true });
  await createUser(PROD, { userName: "mallory", path: "/", tags: [] });
  await attachPolicy("user", PROD, "mallory", "arn:aws:iam::aws:policy/AdministratorAccess");
  await putLoginProfile(PROD, "alice", { password: "Changed-Passw0rd!", passwordResetRequired: true });
  await createAccessKey(PROD, "bob");
  await createMfaDevice(PROD, "carol", "carol-phone");
  await tagResource("user", PROD, "dave", [{ key: "team", value: "moved" }]);
  await updateAccount(DEV, { displayName: "Renamed" });
  await deleteRole(SECURITY, "CrossAccountAuditor", { force: true });
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
    expect(await verifyPassword("Demo-Passw0rd!", alice.passwordHash!)).toBe(true);

    expect(report.accounts.map((a) => [a.alias, a.users])).toEqual([["acme-prod", 5], ["acme-dev", 2], ["acme-security", 1]]);
    const stampAfter = await readStamp(db());
    expect(stampAfter.eventId).toBeGreaterThan(stampBefore.eventId);
    for (const accountId of DEMO_ACCOUNT_IDS) {
      const latest = await listChanges(accountId, listChangesQuery.parse({ pageSize: "1" }));
      expect(latest.items[0]).toMatchObject({ action: "ResetDemo", targetArn: `arn:aws:iam::${accountId}:root` });
    }
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
    expect(reports.every((r) => r.accounts.length === 3)).toBe(true);
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
