import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { IamError } from "@/lib/errors";
import { attachPolicy } from "@/lib/data/attach-policy";
import { createPolicy } from "@/lib/data/create-policy";
import { createRole } from "@/lib/data/create-role";
import { deleteRole } from "@/lib/data/delete-role";
import { getRole } from "@/lib/data/get-role";
import { listRoles } from "@/lib/data/list-roles";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { tagResource } from "@/lib/data/tag-resource";
import { untagResource } from "@/lib/data/untag-resource";
import { updateAssumeRolePolicy } from "@/lib/data/update-assume-role-policy";
import { updateRole } from "@/lib/data/update-role";
import { createPolicyInput } from "@/lib/schemas/policy";
import { createRoleInput, listRolesQuery } from "@/lib/schemas/role";
import { events, freshAccount } from "@/tests/support/identity";
import { allow, awsPolicyArn, importTestManagedPolicies, trusting } from "@/tests/support/policies";

let accountId: string;
beforeAll(importTestManagedPolicies);
beforeEach(async () => {
  accountId = await freshAccount();
});

const newRole = (roleName: string, extra: Record<string, unknown> = {}) =>
  createRole(accountId, createRoleInput.parse({ roleName, trustPolicy: trusting(`arn:aws:iam::${accountId}:root`), ...extra }));

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e: unknown) => (e instanceof IamError ? e.code : String(e)),
  );

describe("CreateRole", () => {
  it("stores the trust policy exactly as written, with AWS's id and ARN", async () => {
    const trustPolicy = `{ "Version": "2012-10-17",\n  "Statement": [ { "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" } ] }`;
    const role = await newRole("AppRole", { trustPolicy, path: "/apps/", description: "For the app", maxSessionDuration: 7200 });
    expect(role).toMatchObject({
      roleName: "AppRole",
      arn: `arn:aws:iam::${accountId}:role/apps/AppRole`,
      path: "/apps/",
      description: "For the app",
      maxSessionDuration: 7200,
      trustPolicy,
      attachedPolicyCount: 0,
      permissionsBoundary: null,
    });
    expect(role.roleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(await events(accountId)).toContainEqual(expect.objectContaining({ action: "CreateRole", targetArn: role.arn }));
  });

  it("refuses a second role of the same name in any case", async () => {
    await newRole("Deployer");
    await expect(codeOf(newRole("DEPLOYER"))).resolves.toBe("EntityAlreadyExists");
    expect(await db().role.count({ where: { accountId } })).toBe(1);
  });

  it("refuses a trust policy without a Principal, with every issue, and writes nothing", async () => {
    const trustPolicy = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }] });
    const error = await newRole("NoPrincipal", { trustPolicy }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IamError);
    const iam = error as IamError;
    expect(iam.code).toBe("MalformedPolicyDocument");
    expect(iam.issues?.length).toBeGreaterThanOrEqual(2); // missing Principal and a forbidden Resource
    expect(iam.issues?.every((i) => typeof i.path === "string" && i.message.length > 0)).toBe(true);
    expect(await db().role.count({ where: { accountId } })).toBe(0);
    expect((await events(accountId)).map((e) => e.action)).not.toContain("CreateRole");
  });

  it("refuses a trust policy over 2,048 characters without white space", async () => {
    const principals = Array.from({ length: 60 }, (_, i) => `arn:aws:iam::${String(100000000000 + i)}:root`);
    const trustPolicy = JSON.stringify(
      { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: principals }, Action: "sts:AssumeRole" }] },
      null,
      8,
    );
    const error = (await newRole("Big", { trustPolicy }).catch((e: unknown) => e)) as IamError;
    expect(error.code).toBe("LimitExceeded");
    expect(error.message).toMatch(/limit is 2048/);
  });

  it("checks the session duration and description limits", () => {
    const base = { roleName: "R", trustPolicy: "{}" };
    expect(createRoleInput.safeParse({ ...base, maxSessionDuration: 3599 }).success).toBe(false);
    expect(createRoleInput.safeParse({ ...base, maxSessionDuration: 43201 }).success).toBe(false);
    expect(createRoleInput.safeParse({ ...base, maxSessionDuration: 43200 }).success).toBe(true);
    expect(createRoleInput.safeParse({ ...base, description: "d".repeat(1001) }).success).toBe(false);
    expect(createRoleInput.parse(base).maxSessionDuration).toBe(3600);
  });

  it("sets a permissions boundary from this account or AWS, never another account's policy", async () => {
    const role = await newRole("Bounded", { permissionsBoundaryArn: awsPolicyArn("PowerUserAccess") });
    expect(role.permissionsBoundary).toEqual({ arn: awsPolicyArn("PowerUserAccess"), name: "PowerUserAccess" });
    const other = await freshAccount();
    const foreign = await createPolicy(other, createPolicyInput.parse({ policyName: "Theirs", policyDocument: allow("s3:*") }));
    await expect(codeOf(newRole("Foreign", { permissionsBoundaryArn: foreign.arn }))).resolves.toBe("NoSuchEntity");
  });
});

describe("UpdateRole and UpdateAssumeRolePolicy", () => {
  it("changes description and duration, and replaces the trust policy as written", async () => {
    await newRole("Ops");
    const updated = await updateRole(accountId, "ops", { description: "Operators", maxSessionDuration: 43200 });
    expect(updated).toMatchObject({ description: "Operators", maxSessionDuration: 43200 });
    const text = trusting("arn:aws:iam::210987654321:root") + "\n";
    expect((await updateAssumeRolePolicy(accountId, "OPS", text)).trustPolicy).toBe(text);
    expect((await events(accountId)).map((e) => e.action)).toEqual(expect.arrayContaining(["UpdateRole", "UpdateAssumeRolePolicy"]));
  });

  it("refuses an identity policy as a trust policy and keeps the old one", async () => {
    const role = await newRole("Ops");
    await expect(codeOf(updateAssumeRolePolicy(accountId, "Ops", allow("s3:*")))).resolves.toBe("MalformedPolicyDocument");
    expect((await getRole(accountId, "Ops")).trustPolicy).toBe(role.trustPolicy);
  });

  it("reports a missing role as NoSuchEntity", async () => {
    await expect(codeOf(getRole(accountId, "Ghost"))).resolves.toBe("NoSuchEntity");
    await expect(codeOf(updateRole(accountId, "Ghost", { description: "x" }))).resolves.toBe("NoSuchEntity");
  });
});

describe("DeleteRole", () => {
  it("refuses while policies are attached or inline, and force removes them in one go", async () => {
    const role = await newRole("Busy");
    await attachPolicy("role", accountId, "Busy", awsPolicyArn("ReadOnlyAccess"));
    const mine = await createPolicy(accountId, createPolicyInput.parse({ policyName: "Mine", policyDocument: allow("s3:*") }));
    await attachPolicy("role", accountId, "Busy", mine.arn);
    await putInlinePolicy("role", accountId, "Busy", "Extra", allow("logs:*"));

    const conflict = (await deleteRole(accountId, "Busy", { force: false }).catch((e: unknown) => e)) as IamError;
    expect(conflict.code).toBe("DeleteConflict");
    expect(conflict.message).toMatch(/2 attached managed policies and 1 inline policy/);
    expect(await db().role.count({ where: { id: role.roleId } })).toBe(1);

    const awsCountBefore = (await db().policy.findUniqueOrThrow({ where: { arn: awsPolicyArn("ReadOnlyAccess") } })).attachmentCount;
    await deleteRole(accountId, "Busy", { force: true });
    expect(await db().role.count({ where: { id: role.roleId } })).toBe(0);
    expect(await db().rolePolicyAttachment.count({ where: { roleId: role.roleId } })).toBe(0);
    expect(await db().roleInlinePolicy.count({ where: { roleId: role.roleId } })).toBe(0);
    expect((await db().policy.findUniqueOrThrow({ where: { id: mine.policyId } })).attachmentCount).toBe(0);
    expect((await db().policy.findUniqueOrThrow({ where: { arn: awsPolicyArn("ReadOnlyAccess") } })).attachmentCount).toBe(awsCountBefore - 1);
    const actions = (await events(accountId)).map((e) => e.action);
    expect(actions.filter((a) => a === "DetachRolePolicy")).toHaveLength(2);
    expect(actions).toContain("DeleteRolePolicy");
    expect(actions[actions.length - 1]).toBe("DeleteRole");
  });

  it("deletes a role that holds nothing without force", async () => {
    const role = await newRole("Idle", { tags: [{ key: "team", value: "a" }] });
    await deleteRole(accountId, "idle", { force: false });
    expect(await db().role.count({ where: { accountId } })).toBe(0);
    expect(await db().roleTag.count({ where: { roleId: role.roleId } })).toBe(0);
  });
});

describe("ListRoles", () => {
  it("searches anywhere in the name case-insensitively, sorts and pages", async () => {
    for (const name of ["web_app", "WebDeploy", "batch", "reporting-web"]) await newRole(name);
    const page = await listRoles(accountId, listRolesQuery.parse({ search: "WEB", pageSize: "2" }));
    expect(page.total).toBe(3);
    expect(page.items.map((r) => r.roleName)).toEqual(["reporting-web", "web_app"]);
    const next = await listRoles(accountId, listRolesQuery.parse({ search: "web", pageSize: "2", page: "2" }));
    expect(next.items.map((r) => r.roleName)).toEqual(["WebDeploy"]);
    const desc = await listRoles(accountId, listRolesQuery.parse({ order: "desc" }));
    expect(desc.items.map((r) => r.roleName)).toEqual(["WebDeploy", "web_app", "reporting-web", "batch"]);
    // "_" is a literal character, not a LIKE wildcard.
    expect((await listRoles(accountId, listRolesQuery.parse({ search: "b_" }))).items.map((r) => r.roleName)).toEqual(["web_app"]);
  });
});

describe("TagRole and UntagRole", () => {
  it("adds and overwrites tags by case-insensitive key, caps them at 50, and removes them", async () => {
    await newRole("Tagged", { tags: [{ key: "Team", value: "blue" }] });
    const tags = await tagResource("role", accountId, "Tagged", [{ key: "team", value: "red" }, { key: "env", value: "prod" }]);
    expect(tags).toEqual([{ key: "env", value: "prod" }, { key: "team", value: "red" }]);
    const many = Array.from({ length: 49 }, (_, i) => ({ key: `k${i}`, value: "v" }));
    await expect(codeOf(tagResource("role", accountId, "Tagged", many))).resolves.toBe("LimitExceeded");
    await untagResource("role", accountId, "Tagged", ["ENV", "absent"]);
    expect((await getRole(accountId, "Tagged")).tags).toEqual([{ key: "team", value: "red" }]);
  });
});
