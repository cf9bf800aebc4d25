import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { IamError } from "@/lib/errors";
import { addRoleToInstanceProfile } from "@/lib/data/add-role-to-instance-profile";
import { attachPolicy } from "@/lib/data/attach-policy";
import { createInstanceProfile, createInstanceProfileForRole } from "@/lib/data/create-instance-profile";
import { createRole } from "@/lib/data/create-role";
import { deleteAccount } from "@/lib/data/delete-account";
import { deleteInstanceProfile } from "@/lib/data/delete-instance-profile";
import { deleteRole } from "@/lib/data/delete-role";
import { getInstanceProfile } from "@/lib/data/get-instance-profile";
import { listInstanceProfileRows } from "@/lib/data/list-instance-profiles";
import { listInstanceProfilesForRole } from "@/lib/data/list-instance-profiles-for-role";
import { removeRoleFromInstanceProfile } from "@/lib/data/remove-role-from-instance-profile";
import { createRoleInput } from "@/lib/schemas/role";
import { events, freshAccount } from "@/tests/support/identity";
import { trusting, awsPolicyArn } from "@/tests/support/policies";
import { DEV } from "@/prisma/seed/demo";
import { seedDatabase } from "@/prisma/seed/run";

// Instance profiles as the IAM API Reference describes them (CreateInstanceProfile,
// AddRoleToInstanceProfile, RemoveRoleFromInstanceProfile, DeleteInstanceProfile, DeleteRole) and
// "Use an IAM role to grant permissions to applications running on Amazon EC2 instances" in the
// IAM User Guide: one role per profile, and a role in a profile cannot be deleted.

// The demo (and every AWS managed policy) first, while the database is empty: the seed writes the
// demo accounts only then. Each other test works in a fresh account of its own.
beforeAll(async () => {
  await seedDatabase();
}, 180_000);

let accountId: string;
beforeEach(async () => {
  accountId = await freshAccount();
});

const newRole = (roleName: string, extra: Record<string, unknown> = {}) =>
  createRole(accountId, createRoleInput.parse({ roleName, trustPolicy: trusting(`arn:aws:iam::${accountId}:root`), ...extra }));

/** The IamError a promise is refused with (code and message), or "resolved". */
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e: unknown) => (e instanceof IamError ? { code: e.code, message: e.message } : String(e)),
  );

describe("CreateInstanceProfile and GetInstanceProfile", () => {
  it("creates an empty profile with AWS's id and ARN, logs it, and refuses a second of the same name in any case", async () => {
    const profile = await createInstanceProfile(accountId, { instanceProfileName: "WebServer", path: "/apps/" });
    expect(profile).toMatchObject({ instanceProfileName: "WebServer", path: "/apps/", arn: `arn:aws:iam::${accountId}:instance-profile/apps/WebServer`, roles: [] });
    expect(profile.instanceProfileId).toMatch(/^AIPA[A-Z2-7]{17}$/);
    expect(await getInstanceProfile(accountId, "webserver")).toEqual(profile);
    expect(await events(accountId)).toContainEqual({ action: "CreateInstanceProfile", targetArn: profile.arn, summary: "Created instance profile WebServer." });
    expect(await refusal(createInstanceProfile(accountId, { instanceProfileName: "WEBSERVER", path: "/" }))).toEqual({ code: "EntityAlreadyExists", message: "Instance Profile WEBSERVER already exists." });
    expect(await refusal(getInstanceProfile(accountId, "nope"))).toEqual({ code: "NoSuchEntity", message: "Instance Profile nope cannot be found." });
  });
});

describe("AddRoleToInstanceProfile and RemoveRoleFromInstanceProfile", () => {
  it("holds one role: a second is LimitExceeded in AWS's words; removing it leaves the profile empty", async () => {
    const role = await newRole("AppRole", { path: "/svc/", description: "app" });
    await newRole("Other");
    await createInstanceProfile(accountId, { instanceProfileName: "App", path: "/" });
    const held = await addRoleToInstanceProfile(accountId, "App", "approle");
    expect(held.roles).toEqual([
      { roleName: "AppRole", roleId: role.roleId, path: "/svc/", arn: role.arn, createdAt: role.createdAt, description: "app", maxSessionDuration: 3600, trustPolicy: role.trustPolicy },
    ]);
    expect(await refusal(addRoleToInstanceProfile(accountId, "App", "Other"))).toEqual({ code: "LimitExceeded", message: "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1" });
    expect(await refusal(addRoleToInstanceProfile(accountId, "App", "AppRole"))).toMatchObject({ code: "LimitExceeded" });
    expect(await refusal(addRoleToInstanceProfile(accountId, "Nope", "AppRole"))).toMatchObject({ code: "NoSuchEntity" });
    expect(await refusal(addRoleToInstanceProfile(accountId, "App", "Nobody"))).toMatchObject({ code: "NoSuchEntity" });
    expect(await refusal(removeRoleFromInstanceProfile(accountId, "App", "Other"))).toMatchObject({ code: "NoSuchEntity" });
    await removeRoleFromInstanceProfile(accountId, "App", "AppRole");
    expect((await getInstanceProfile(accountId, "App")).roles).toEqual([]);
    const logged = (await events(accountId)).filter((e) => e.action.endsWith("InstanceProfile"));
    expect(logged.map((e) => [e.action, e.targetArn])).toEqual([
      ["CreateInstanceProfile", `arn:aws:iam::${accountId}:instance-profile/App`],
      ["AddRoleToInstanceProfile", role.arn],
      ["RemoveRoleFromInstanceProfile", role.arn],
    ]);
  });

  it("makes a role's own profile (its name and path, holding it) in one transaction, as the AWS console does for EC2 roles", async () => {
    const role = await newRole("EC2App", { path: "/ec2/" });
    const profile = await createInstanceProfileForRole(accountId, "ec2app");
    expect(profile).toMatchObject({ instanceProfileName: "EC2App", path: "/ec2/", arn: `arn:aws:iam::${accountId}:instance-profile/ec2/EC2App`, roles: [{ roleName: "EC2App", arn: role.arn }] });
    // A second time the name is taken: nothing more is written.
    expect(await refusal(createInstanceProfileForRole(accountId, "EC2App"))).toMatchObject({ code: "EntityAlreadyExists" });
    expect(await db().instanceProfile.count({ where: { accountId } })).toBe(1);
    expect(await refusal(createInstanceProfileForRole(accountId, "Nobody"))).toMatchObject({ code: "NoSuchEntity" });
  });
});

describe("lists", () => {
  it("ListInstanceProfiles pages by lower-cased name under a path prefix; ListInstanceProfilesForRole lists the role's", async () => {
    await newRole("R");
    for (const [name, path] of [["b", "/x/"], ["A", "/x/"], ["c", "/"], ["D", "/x/y/"]] as const) await createInstanceProfile(accountId, { instanceProfileName: name, path });
    await addRoleToInstanceProfile(accountId, "c", "R");
    await addRoleToInstanceProfile(accountId, "A", "R");
    const names = (rows: { profile: { instanceProfileName: string } }[]) => rows.map((row) => row.profile.instanceProfileName);
    expect(names(await listInstanceProfileRows(accountId, { pathPrefix: "/", after: null, take: 10 }))).toEqual(["A", "b", "c", "D"]);
    expect(names(await listInstanceProfileRows(accountId, { pathPrefix: "/x/", after: "a", take: 10 }))).toEqual(["b", "D"]);
    expect(names(await listInstanceProfileRows(accountId, { pathPrefix: "/x/", after: null, take: 1 }))).toEqual(["A"]);
    expect(names(await listInstanceProfilesForRole(accountId, "r"))).toEqual(["A", "c"]);
    expect(await refusal(listInstanceProfilesForRole(accountId, "nobody"))).toMatchObject({ code: "NoSuchEntity" });
  });
});

describe("deleting", () => {
  it("DeleteInstanceProfile is DeleteConflict while it holds a role; with force the role is taken out first", async () => {
    const role = await newRole("R");
    await createInstanceProfile(accountId, { instanceProfileName: "P", path: "/" });
    await addRoleToInstanceProfile(accountId, "P", "R");
    expect(await refusal(deleteInstanceProfile(accountId, "P"))).toEqual({ code: "DeleteConflict", message: "Cannot delete entity, must remove roles from instance profile first." });
    await deleteInstanceProfile(accountId, "p", { force: true });
    expect(await db().instanceProfile.count({ where: { accountId } })).toBe(0);
    expect(await db().role.count({ where: { id: role.roleId } })).toBe(1);
    expect((await events(accountId)).slice(-2).map((e) => e.action)).toEqual(["RemoveRoleFromInstanceProfile", "DeleteInstanceProfile"]);
    expect(await refusal(deleteInstanceProfile(accountId, "P"))).toMatchObject({ code: "NoSuchEntity" });
  });

  it("DeleteRole is DeleteConflict while the role is in a profile; the console's force delete takes it out of its profiles, which stay", async () => {
    await newRole("R");
    await attachPolicy("role", accountId, "R", awsPolicyArn("ReadOnlyAccess"));
    await createInstanceProfileForRole(accountId, "R");
    expect(await refusal(deleteRole(accountId, "R", { force: false }))).toEqual({ code: "DeleteConflict", message: "Cannot delete entity, must remove roles from instance profile first." });
    await deleteRole(accountId, "R", { force: true });
    expect(await db().role.count({ where: { accountId } })).toBe(0);
    expect((await getInstanceProfile(accountId, "R")).roles).toEqual([]);
    const last = (await events(accountId)).slice(-3);
    expect(last.map((e) => e.action)).toEqual(["RemoveRoleFromInstanceProfile", "DetachRolePolicy", "DeleteRole"]);
    expect(last[2].summary).toBe("Deleted role R after taking it out of 1 instance profile and removing its 1 attached managed policy.");
  });

  it("closing the account takes its instance profiles, holding roles or not", async () => {
    await newRole("R");
    await createInstanceProfileForRole(accountId, "R");
    await createInstanceProfile(accountId, { instanceProfileName: "Empty", path: "/" });
    await deleteAccount(accountId);
    expect(await db().instanceProfile.count({ where: { accountId } })).toBe(0);
  });
});

describe("the demo", () => {
  it("gives acme-dev's EC2AppRole an instance profile named EC2AppRole, as the AWS console does for an EC2 role", async () => {
    const profile = await getInstanceProfile(DEV, "EC2AppRole");
    expect(profile).toMatchObject({ instanceProfileName: "EC2AppRole", path: "/", arn: `arn:aws:iam::${DEV}:instance-profile/EC2AppRole`, roles: [{ roleName: "EC2AppRole" }] });
  });
});
