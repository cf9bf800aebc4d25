import { beforeEach, describe, expect, it } from "vitest";
import * as roleProfiles from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/instance-profiles/route";
import * as profile from "@/app/api/v1/accounts/[accountId]/instance-profiles/[name]/route";
import * as role from "@/app/api/v1/accounts/[accountId]/roles/[roleName]/route";
import { db } from "@/lib/db";
import { createRole } from "@/lib/data/create-role";
import { createUser } from "@/lib/data/create-user";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { createRoleInput } from "@/lib/schemas/role";
import { callRoute } from "@/tests/support/call-route";
import { events, freshAccount } from "@/tests/support/identity";
import { sessionCookie } from "@/tests/support/session";

// The console's own routes for the role page's "Instance profiles" card: the same data functions
// and the same declarations as the AWS endpoint (lib/api/instance-profile-operations.ts). The
// AWS console makes an instance profile named like an EC2 role, holding it:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html

let accountId: string;
let base: string;
beforeEach(async () => {
  accountId = await freshAccount();
  base = `/api/v1/accounts/${accountId}`;
  const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] });
  await createRole(accountId, createRoleInput.parse({ roleName: "AppRole", path: "/svc/", trustPolicy: trust }));
});

const forRole = (method: "GET" | "POST", cookie: string) =>
  callRoute(roleProfiles[method], method, `${base}/roles/AppRole/instance-profiles`, { accountId, roleName: "AppRole" }, undefined, cookie);
const removeProfile = (name: string, force: boolean, cookie: string) =>
  callRoute(profile.DELETE, "DELETE", `${base}/instance-profiles/${name}${force ? "?force=true" : ""}`, { accountId, name }, undefined, cookie);
const errorOf = (body: unknown) => (body as { error: { code: string; message: string } }).error;

describe("roles/{roleName}/instance-profiles and instance-profiles/{name}", () => {
  it("creates the role's own instance profile, lists it, refuses a plain delete while it holds the role, and removes it with force", async () => {
    const root = await sessionCookie({ accountId });
    expect((await forRole("GET", root)).body).toEqual({ items: [] });
    const created = await forRole("POST", root);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ instanceProfileName: "AppRole", path: "/svc/", arn: `arn:aws:iam::${accountId}:instance-profile/svc/AppRole`, roles: [{ roleName: "AppRole" }] });
    const listed = await forRole("GET", root);
    expect((listed.body as { items: { instanceProfileName: string }[] }).items.map((item) => item.instanceProfileName)).toEqual(["AppRole"]);
    expect((await callRoute(profile.GET, "GET", `${base}/instance-profiles/AppRole`, { accountId, name: "AppRole" }, undefined, root)).status).toBe(200);
    const again = await forRole("POST", root);
    expect(again.status).toBe(409);
    expect(errorOf(again.body).code).toBe("EntityAlreadyExists");
    const plain = await removeProfile("AppRole", false, root);
    expect(plain.status).toBe(409);
    expect(errorOf(plain.body)).toMatchObject({ code: "DeleteConflict", message: "Cannot delete entity, must remove roles from instance profile first." });
    expect((await removeProfile("AppRole", true, root)).status).toBe(204);
    expect((await forRole("GET", root)).body).toEqual({ items: [] });
    expect((await events(accountId)).filter((e) => e.action.endsWith("InstanceProfile")).map((e) => e.action)).toEqual([
      "CreateInstanceProfile",
      "AddRoleToInstanceProfile",
      "RemoveRoleFromInstanceProfile",
      "DeleteInstanceProfile",
    ]);
  });

  it("declares CreateInstanceProfile, AddRoleToInstanceProfile and iam:PassRole: without PassRole the create is refused and writes nothing", async () => {
    await createUser(accountId, { userName: "ops", path: "/", tags: [] });
    const profiles = { Effect: "Allow", Action: ["iam:CreateInstanceProfile", "iam:AddRoleToInstanceProfile", "iam:ListInstanceProfilesForRole"], Resource: "*" };
    await putInlinePolicy("user", accountId, "ops", "Profiles", JSON.stringify({ Version: "2012-10-17", Statement: [profiles] }));
    const ops = await sessionCookie({ accountId, userName: "ops" });
    const refused = await forRole("POST", ops);
    expect(refused.status).toBe(403);
    expect(errorOf(refused.body).message).toBe(
      `User: arn:aws:iam::${accountId}:user/ops is not authorized to perform: iam:PassRole on resource: arn:aws:iam::${accountId}:role/svc/AppRole because no identity-based policy allows the iam:PassRole action`,
    );
    expect(await db().instanceProfile.count({ where: { accountId } })).toBe(0);
    const audited = await db().auditEvent.findMany({ where: { accountId, eventName: "CreateInstanceProfile" } });
    expect(audited.map((e) => [e.errorCode, e.resourceArn])).toEqual([["AccessDenied", `arn:aws:iam::${accountId}:instance-profile/svc/AppRole`]]);
    const pass = { Effect: "Allow", Action: "iam:PassRole", Resource: `arn:aws:iam::${accountId}:role/svc/AppRole`, Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } } };
    await putInlinePolicy("user", accountId, "ops", "Profiles", JSON.stringify({ Version: "2012-10-17", Statement: [profiles, pass] }));
    expect((await forRole("POST", ops)).status).toBe(201);
    // Removing it needs DeleteInstanceProfile (and RemoveRoleFromInstanceProfile for the role it holds).
    const cannot = await removeProfile("AppRole", true, ops);
    expect(cannot.status).toBe(403);
    expect(errorOf(cannot.body).message).toContain("iam:DeleteInstanceProfile on resource: arn:aws:iam::");
  });

  it("the console's force delete of a role takes it out of its instance profiles, which stay", async () => {
    const root = await sessionCookie({ accountId });
    await forRole("POST", root);
    const plain = await callRoute(role.DELETE, "DELETE", `${base}/roles/AppRole`, { accountId, roleName: "AppRole" }, undefined, root);
    expect(plain.status).toBe(409);
    expect(errorOf(plain.body).message).toBe("Cannot delete entity, must remove roles from instance profile first.");
    const forced = await callRoute(role.DELETE, "DELETE", `${base}/roles/AppRole?force=true`, { accountId, roleName: "AppRole" }, undefined, root);
    expect(forced.status).toBe(204);
    expect(await db().instanceProfile.findMany({ where: { accountId }, select: { name: true, roleId: true } })).toEqual([{ name: "AppRole", roleId: null }]);
  });
});
