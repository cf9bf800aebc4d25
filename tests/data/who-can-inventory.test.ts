import { beforeAll, describe, expect, it } from "vitest";
import { addUserToGroup } from "@/lib/data/add-user-to-group";
import { attachPolicy } from "@/lib/data/attach-policy";
import { clearKeptCaches } from "@/lib/data/compiled-policies";
import { createGroup } from "@/lib/data/create-group";
import { createPolicy } from "@/lib/data/create-policy";
import { createPolicyVersion } from "@/lib/data/create-policy-version";
import { createRole } from "@/lib/data/create-role";
import { createUser } from "@/lib/data/create-user";
import { deleteAccount } from "@/lib/data/delete-account";
import { deleteGroup } from "@/lib/data/delete-group";
import { deleteInlinePolicy } from "@/lib/data/delete-inline-policy";
import { deletePolicy } from "@/lib/data/delete-policy";
import { deletePermissionsBoundary } from "@/lib/data/delete-permissions-boundary";
import { deleteRole } from "@/lib/data/delete-role";
import { deleteUser } from "@/lib/data/delete-user";
import { detachPolicy } from "@/lib/data/detach-policy";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { putPermissionsBoundary } from "@/lib/data/put-permissions-boundary";
import { removeUserFromGroup } from "@/lib/data/remove-user-from-group";
import { setDefaultPolicyVersion } from "@/lib/data/set-default-policy-version";
import { tagResource } from "@/lib/data/tag-resource";
import { untagResource } from "@/lib/data/untag-resource";
import { updateAssumeRolePolicy } from "@/lib/data/update-assume-role-policy";
import { updateGroup } from "@/lib/data/update-group";
import { updateUser } from "@/lib/data/update-user";
import { loadInventory, readWholeInventory, type Inventory, type InventoryPrincipal } from "@/lib/data/who-can-inventory";
import { db } from "@/lib/db";
import { whoCan } from "@/lib/iam";
import { createGroupBody, updateGroupBody } from "@/lib/schemas/group";
import { createPolicyInput } from "@/lib/schemas/policy";
import { createRoleInput } from "@/lib/schemas/role";
import { createUserBody, updateUserBody } from "@/lib/schemas/user";
import { whoCanQuery } from "@/lib/schemas/who-can";
import { importManagedPolicies, type ManagedPolicyRecord } from "@/prisma/seed/import-managed-policies";
import { freshAccount } from "@/tests/support/identity";
import { allow } from "@/tests/support/policies";

// Who-can keeps the whole inventory between requests and, after a change confined to some users
// or roles, reads only those again. Whatever the change, the kept copy must equal a fresh read.

let account: string;
let policyArn: string;
let accountsBefore: number;
let closing: string;

const trust = (principal: string) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: principal }, Action: "sts:AssumeRole" }] });

/** What a principal holds, in a form two reads can be compared by (what it allows: see answers). */
function describePrincipal(principal: InventoryPrincipal) {
  return {
    kind: principal.kind,
    arn: principal.arn,
    tags: principal.caller.tags,
    identity: principal.identity.map((held) => `${held.meta.kind}:${held.meta.name}:${held.viaGroup ?? "-"}`).sort(),
    boundary: principal.boundary?.meta.name ?? null,
    trust: "trustText" in principal ? principal.trustText : null,
  };
}

function describeInventory(inventory: Inventory) {
  const all = [...inventory.users, ...inventory.roles].map(describePrincipal);
  return { accountIds: inventory.accountIds, principals: all.sort((a, b) => a.arn.localeCompare(b.arn)) };
}

// Every action the steps grant or take away: what the compiled documents decide for them.
const PROBES = ["s3:GetObject", "s3:PutObject", "sqs:SendMessage", "sns:Publish", "kms:Decrypt", "cloudwatch:GetMetricData", "dynamodb:GetItem"];

/** Who can do each probe action (in this account), as the inventory's compiled documents decide. */
function answers(inventory: Inventory) {
  const asked = (action: string, resource: string) => whoCan(inventory, whoCanQuery.parse({ action, resource, resourceAccount: account })).principals;
  return [...PROBES.map((action) => asked(action, "arn:aws:s3:::reports/x")), asked("sts:AssumeRole", `arn:aws:iam::${account}:role/Ops`)];
}

/**
 * The kept inventory must equal a fresh read made with every cache emptied (compiled documents,
 * caller identities, kept inventories), so a stale compilation cannot agree with itself.
 * Afterwards a whole inventory is kept again, for the next step's change to be patched into.
 */
async function expectKeptToMatchFreshRead(): Promise<Inventory> {
  const kept = await loadInventory();
  clearKeptCaches();
  const fresh = await readWholeInventory();
  expect(describeInventory(kept)).toEqual(describeInventory(fresh));
  expect(answers(kept)).toEqual(answers(fresh));
  await loadInventory();
  return kept;
}

/** An AWS managed policy as the seed imports it, under version v1 whatever its text. */
const awsManaged = (name: string, action: string): ManagedPolicyRecord => ({
  name,
  path: "/",
  arn: `arn:aws:iam::aws:policy/${name}`,
  defaultVersionId: "v1",
  document: allow(action, "*"),
  createdAt: new Date("2020-01-01T00:00:00Z"),
  updatedAt: new Date("2020-01-01T00:00:00Z"),
  versionCreatedAt: new Date("2020-01-01T00:00:00Z"),
});

const allowed = (inventory: Inventory, action: string) =>
  whoCan(inventory, whoCanQuery.parse({ action, resource: "*", resourceAccount: account })).principals.some((p) => p.arn === `arn:aws:iam::${account}:user/ann`);

const find = (inventory: Inventory, name: string) => [...inventory.users, ...inventory.roles].find((p) => p.accountId === account && p.name === name);

beforeAll(async () => {
  account = await freshAccount();
  for (const name of ["ann", "ben"]) await createUser(account, createUserBody.parse({ userName: name }));
  await createGroup(account, createGroupBody.parse({ groupName: "Readers" }));
  policyArn = (await createPolicy(account, createPolicyInput.parse({ policyName: "Reports", policyDocument: allow("s3:GetObject", "arn:aws:s3:::reports/*") }))).arn;
  await createRole(account, createRoleInput.parse({ roleName: "Ops", trustPolicy: trust(`arn:aws:iam::${account}:root`) }));
  accountsBefore = (await loadInventory()).accountIds.length;
});

describe("the kept who-can inventory", () => {
  // Each step changes the data as the console would, then checks what who-can sees.
  const steps: [string, () => Promise<unknown>, (inventory: Inventory) => void][] = [
    ["TagUser", () => tagResource("user", account, "ann", [{ key: "team", value: "blue" }]), (i) => expect(find(i, "ann")?.caller.tags).toEqual({ team: "blue" })],
    ["AttachUserPolicy", () => attachPolicy("user", account, "ann", policyArn), (i) => expect(find(i, "ann")?.identity.map((h) => h.meta.name)).toEqual(["Reports"])],
    ["PutUserPolicy", () => putInlinePolicy("user", account, "ben", "Own", allow("sqs:SendMessage", "*")), (i) => expect(find(i, "ben")?.identity.map((h) => h.meta.name)).toEqual(["Own"])],
    ["PutUserPermissionsBoundary", () => putPermissionsBoundary("user", account, "ben", policyArn), (i) => expect(find(i, "ben")?.boundary?.meta.name).toBe("Reports")],
    ["UntagUser", () => untagResource("user", account, "ann", ["team"]), (i) => expect(find(i, "ann")?.caller.tags).toEqual({})],
    ["CreateUser", () => createUser(account, createUserBody.parse({ userName: "cy" })), (i) => expect(find(i, "cy")?.name).toBe("cy")],
    ["AddUserToGroup (group-wide)", () => addUserToGroup(account, "Readers", "cy"), () => undefined],
    ["AttachGroupPolicy (group-wide)", () => attachPolicy("group", account, "Readers", policyArn), (i) => expect(find(i, "cy")?.identity.map((h) => `${h.meta.name}:${h.viaGroup}`)).toEqual(["Reports:Readers"])],
    ["CreatePolicyVersion (policy-wide)", () => createPolicyVersion(account, "Reports", { policyDocument: allow(["s3:GetObject", "s3:PutObject"], "arn:aws:s3:::reports/*"), setAsDefault: true }), () => undefined],
    ["SetDefaultPolicyVersion (rollback)", () => setDefaultPolicyVersion(account, "Reports", "v1"), () => undefined],
    ["PutGroupPolicy", () => putInlinePolicy("group", account, "Readers", "GroupOwn", allow("sns:Publish", "*")), (i) => expect(find(i, "cy")?.identity.map((h) => h.meta.name).sort()).toEqual(["GroupOwn", "Reports"])],
    ["UpdateAssumeRolePolicy", () => updateAssumeRolePolicy(account, "Ops", trust(`arn:aws:iam::${account}:user/ann`)), (i) => expect((find(i, "Ops") as { trustText?: string }).trustText).toContain("user/ann")],
    ["TagRole and AttachRolePolicy", async () => { await tagResource("role", account, "Ops", [{ key: "tier", value: "1" }]); await attachPolicy("role", account, "Ops", policyArn); }, (i) => expect(find(i, "Ops")?.caller.tags).toEqual({ tier: "1" })],
    ["UpdateGroup rename", () => updateGroup(account, "Readers", updateGroupBody.parse({ newGroupName: "Auditors" })), (i) => expect(find(i, "cy")?.identity.map((h) => h.viaGroup)).toEqual(["Auditors", "Auditors"])],
    ["CreateAccount", () => freshAccount(), (i) => expect(i.accountIds).toHaveLength(accountsBefore + 1)],
    ["UpdateUser rename", () => updateUser(account, "cy", updateUserBody.parse({ newUserName: "cyrus" })), (i) => expect([find(i, "cy"), find(i, "cyrus")?.name]).toEqual([undefined, "cyrus"])],
    ["several principals at once", async () => { await detachPolicy("user", account, "ann", policyArn); await deleteInlinePolicy("user", account, "ben", "Own"); await deletePermissionsBoundary("user", account, "ben"); }, (i) => expect([find(i, "ann")?.identity, find(i, "ben")?.identity, find(i, "ben")?.boundary]).toEqual([[], [], null])],
    ["RemoveUserFromGroup (group-wide)", () => removeUserFromGroup(account, "Auditors", "cyrus"), (i) => expect(find(i, "cyrus")?.identity).toEqual([])],
    ["DeletePolicy with its attachments", () => deletePolicy(account, "Reports", { force: true }), (i) => expect(find(i, "Ops")?.identity.map((h) => h.meta.name)).toEqual([])],
    ["DeleteUser", () => deleteUser(account, "ben", { force: false }), (i) => expect(find(i, "ben")).toBeUndefined()],
    ["DeleteRole", () => deleteRole(account, "Ops", { force: true }), (i) => expect(find(i, "Ops")).toBeUndefined()],
    ["CloseAccount", async () => deleteAccount((closing = await freshAccount())), (i) => expect(i.accountIds).not.toContain(closing)],
    [
      "a group made, with a member and a policy",
      async () => {
        await createGroup(account, createGroupBody.parse({ groupName: "Temp" }));
        await addUserToGroup(account, "Temp", "ann");
        await putInlinePolicy("group", account, "Temp", "TempOwn", allow("sqs:*", "*"));
      },
      (i) => expect(find(i, "ann")?.identity.map((h) => `${h.meta.name}:${h.viaGroup}`)).toEqual(["TempOwn:Temp"]),
    ],
    ["DeleteGroup, forced: its member loses its policies", () => deleteGroup(account, "Temp", { force: true }), (i) => expect(find(i, "ann")?.identity).toEqual([])],
    [
      "a group renamed, then a member removed, before who-can reads again",
      async () => {
        await createGroup(account, createGroupBody.parse({ groupName: "Old" }));
        await addUserToGroup(account, "Old", "ann");
        await putInlinePolicy("group", account, "Old", "OldOwn", allow("sns:*", "*"));
        await loadInventory();
        await updateGroup(account, "Old", updateGroupBody.parse({ newGroupName: "New" }));
        await removeUserFromGroup(account, "New", "ann");
      },
      (i) => expect(find(i, "ann")?.identity).toEqual([]),
    ],
    [
      "a policy attached around the change log, then a logged change",
      async () => {
        const ann = await db().user.findFirstOrThrow({ where: { accountId: account, name: "ann" } });
        const { policyId } = await createPolicy(account, createPolicyInput.parse({ policyName: "Bulk", policyDocument: allow("kms:Decrypt", "*") }));
        await loadInventory();
        await db().userPolicyAttachment.create({ data: { userId: ann.id, policyId } });
        await tagResource("user", account, "cyrus", [{ key: "after", value: "bulk" }]);
      },
      (i) => expect(find(i, "ann")?.identity.map((h) => h.meta.name)).toEqual(["Bulk"]),
    ],
    [
      "ImportAwsManagedPolicies: a held policy's text replaced under the same version id",
      async () => {
        const name = `Probe${account}`;
        await importManagedPolicies(db(), [awsManaged(name, "cloudwatch:GetMetricData")]);
        await attachPolicy("user", account, "ann", `arn:aws:iam::aws:policy/${name}`);
        expect(allowed(await loadInventory(), "cloudwatch:GetMetricData")).toBe(true);
        await importManagedPolicies(db(), [awsManaged(name, "dynamodb:GetItem")]);
      },
      (i) => expect([allowed(i, "cloudwatch:GetMetricData"), allowed(i, "dynamodb:GetItem")]).toEqual([false, true]),
    ],
  ];

  for (const [name, change, check] of steps) {
    it(`after ${name}, equals a fresh read and shows the change`, async () => {
      await change();
      check(await expectKeptToMatchFreshRead());
    });
  }
});
