import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  DeleteInstanceProfileCommand,
  DeleteRoleCommand,
  DeleteRolePermissionsBoundaryCommand,
  GetInstanceProfileCommand,
  GetRoleCommand,
  ListInstanceProfilesCommand,
  ListInstanceProfilesForRoleCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  PutRolePermissionsBoundaryCommand,
  RemoveRoleFromInstanceProfileCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  UpdateRoleDescriptionCommand,
} from "@aws-sdk/client-iam";
import type { APIRequestContext } from "@playwright/test";
import { adminKeys, iamAt, PROD_ACCOUNT, uniqueName, userKeys, expect, test } from "../support/aws";

// API-only: the real IAM client against the E2E server's /aws (IAM API Reference: CreateRole,
// GetRole, UpdateRole, UpdateRoleDescription, UpdateAssumeRolePolicy, ListRoles, DeleteRole,
// TagRole, UntagRole, ListRoleTags, Put/DeleteRolePermissionsBoundary, and the instance profile
// operations: CreateInstanceProfile, GetInstanceProfile, AddRoleToInstanceProfile,
// RemoveRoleFromInstanceProfile, ListInstanceProfiles, ListInstanceProfilesForRole,
// DeleteInstanceProfile).

/** What the SDK hands back for a refused call: its name, message and HTTP status. */
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ name: "resolved", message: "", status: 0 }),
    (err: { name: string; message: string; $metadata?: { httpStatusCode?: number } }) => ({ name: err.name, message: err.message, status: err.$metadata?.httpStatusCode }),
  );

/** The change log's actions on one ARN, through the console's API. */
async function actionsOn(request: APIRequestContext, targetArn: string): Promise<string[]> {
  const response = await request.get(`/api/v1/accounts/${PROD_ACCOUNT}/changes?pageSize=100&targetArn=${encodeURIComponent(targetArn)}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { items: { action: string }[] }).items.map((item) => item.action);
}

const EC2_TRUST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] });
const POWER_USER = "arn:aws:iam::aws:policy/PowerUserAccess";
const MUST_REMOVE = "Cannot delete entity, must remove roles from instance profile first.";

test.describe("roles through the AWS endpoint", () => {
  test("CreateRole, GetRole, UpdateRole, UpdateRoleDescription and UpdateAssumeRolePolicy answer as AWS does", async ({ request, baseURL }) => {
    const iam = iamAt(baseURL, await adminKeys(request, "aws-roles"));
    const roleName = uniqueName("aws-role");
    const created = await iam.send(new CreateRoleCommand({ RoleName: roleName, Path: "/apps/", AssumeRolePolicyDocument: EC2_TRUST, Description: "first", Tags: [{ Key: "team", Value: "blue" }] }));
    const arn = `arn:aws:iam::${PROD_ACCOUNT}:role/apps/${roleName}`;
    expect(created.Role?.Arn).toBe(arn);
    await iam.send(new UpdateRoleCommand({ RoleName: roleName, MaxSessionDuration: 7200 }));
    await iam.send(new UpdateRoleDescriptionCommand({ RoleName: roleName, Description: "second" }));
    const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${PROD_ACCOUNT}:root` }, Action: "sts:AssumeRole" }] });
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: roleName, PolicyDocument: trust }));
    const read = (await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role;
    expect(read).toMatchObject({ RoleName: roleName, Path: "/apps/", Description: "second", MaxSessionDuration: 7200, Tags: [{ Key: "team", Value: "blue" }] });
    expect(decodeURIComponent(read?.AssumeRolePolicyDocument ?? "")).toBe(trust);
    const malformed = await failure(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: roleName, PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole" }] }) })));
    expect(malformed).toMatchObject({ name: "MalformedPolicyDocumentException", status: 400 });
    expect(malformed.message).toMatch(/^The policy document is not valid: /);
    expect(await failure(iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: EC2_TRUST })))).toMatchObject({ name: "EntityAlreadyExistsException", status: 409 });
    expect(await actionsOn(request, arn)).toEqual(expect.arrayContaining(["CreateRole", "UpdateRole", "UpdateAssumeRolePolicy"]));
  });

  test("ListRoles pages under a PathPrefix; tags and the permissions boundary are read back", async ({ request, baseURL }) => {
    const iam = iamAt(baseURL, await adminKeys(request, "aws-rlist"));
    const prefix = `/${uniqueName("rlist")}/`;
    for (let i = 0; i < 5; i++) await iam.send(new CreateRoleCommand({ RoleName: `r${i}-${prefix.slice(1, -1)}`, Path: prefix, AssumeRolePolicyDocument: EC2_TRUST }));
    const names: string[] = [];
    let marker: string | undefined;
    do {
      const answer = await iam.send(new ListRolesCommand({ PathPrefix: prefix, MaxItems: 2, Marker: marker }));
      names.push(...(answer.Roles ?? []).map((role) => role.RoleName ?? ""));
      marker = answer.IsTruncated ? answer.Marker : undefined;
    } while (marker);
    expect(names).toEqual([0, 1, 2, 3, 4].map((i) => `r${i}-${prefix.slice(1, -1)}`));
    const roleName = names[0];
    await iam.send(new TagRoleCommand({ RoleName: roleName, Tags: [{ Key: "cost", Value: "42" }, { Key: "env", Value: "dev" }] }));
    await iam.send(new UntagRoleCommand({ RoleName: roleName, TagKeys: ["env"] }));
    expect((await iam.send(new ListRoleTagsCommand({ RoleName: roleName }))).Tags).toEqual([{ Key: "cost", Value: "42" }]);
    await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: roleName, PermissionsBoundary: POWER_USER }));
    expect((await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role?.PermissionsBoundary).toEqual({ PermissionsBoundaryType: "PermissionsBoundaryPolicy", PermissionsBoundaryArn: POWER_USER });
    await iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: roleName }));
    expect((await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role?.PermissionsBoundary).toBeUndefined();
  });

  test("instance profiles: one role each, DeleteConflict while it holds one, then both deleted", async ({ request, baseURL }) => {
    const iam = iamAt(baseURL, await adminKeys(request, "aws-ip"));
    const roleName = uniqueName("aws-ip-role");
    const other = uniqueName("aws-ip-other");
    const profileName = uniqueName("aws-ip");
    const path = `/${uniqueName("ips")}/`;
    for (const name of [roleName, other]) await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: EC2_TRUST }));
    const created = await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: profileName, Path: path }));
    expect(created.InstanceProfile?.Arn).toBe(`arn:aws:iam::${PROD_ACCOUNT}:instance-profile${path}${profileName}`);
    expect(created.InstanceProfile?.InstanceProfileId).toMatch(/^AIPA/);
    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: profileName, RoleName: roleName }));
    expect(await failure(iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: profileName, RoleName: other })))).toEqual({
      name: "LimitExceededException",
      message: "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1",
      status: 409,
    });
    expect((await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: profileName }))).InstanceProfile?.Roles?.map((role) => role.RoleName)).toEqual([roleName]);
    expect((await iam.send(new ListInstanceProfilesCommand({ PathPrefix: path }))).InstanceProfiles?.map((profile) => profile.InstanceProfileName)).toEqual([profileName]);
    expect((await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: roleName }))).InstanceProfiles?.map((profile) => profile.InstanceProfileName)).toEqual([profileName]);
    expect(await failure(iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: profileName })))).toEqual({ name: "DeleteConflictException", message: MUST_REMOVE, status: 409 });
    expect(await failure(iam.send(new DeleteRoleCommand({ RoleName: roleName })))).toEqual({ name: "DeleteConflictException", message: MUST_REMOVE, status: 409 });
    await iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: profileName, RoleName: roleName }));
    await iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: profileName }));
    await iam.send(new DeleteRoleCommand({ RoleName: roleName }));
    expect(await failure(iam.send(new GetInstanceProfileCommand({ InstanceProfileName: profileName })))).toMatchObject({ name: "NoSuchEntityException", status: 404 });
    expect(await actionsOn(request, `arn:aws:iam::${PROD_ACCOUNT}:role/${roleName}`)).toEqual(expect.arrayContaining(["AddRoleToInstanceProfile", "RemoveRoleFromInstanceProfile", "DeleteRole"]));
  });

  test("a user without permission is refused with AWS's words", async ({ request, baseURL }) => {
    const admin = iamAt(baseURL, await adminKeys(request, "aws-rdeny"));
    const roleName = uniqueName("aws-rdeny-role");
    await admin.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: EC2_TRUST }));
    const nobodyName = uniqueName("aws-rnobody");
    const created = await request.post(`/api/v1/accounts/${PROD_ACCOUNT}/users`, { data: { userName: nobodyName } });
    expect(created.ok()).toBe(true);
    const nobody = iamAt(baseURL, await userKeys(request, nobodyName));
    expect(await failure(nobody.send(new DeleteRoleCommand({ RoleName: roleName })))).toEqual({
      name: "AccessDenied",
      message: `User: arn:aws:iam::${PROD_ACCOUNT}:user/${nobodyName} is not authorized to perform: iam:DeleteRole on resource: arn:aws:iam::${PROD_ACCOUNT}:role/${roleName} because no identity-based policy allows the iam:DeleteRole action`,
      status: 403,
    });
    await admin.send(new DeleteRoleCommand({ RoleName: roleName }));
  });
});
