import { describe, expect, it } from "vitest";
import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  DeleteConflictException,
  DeleteInstanceProfileCommand,
  DeleteRoleCommand,
  EntityAlreadyExistsException,
  GetInstanceProfileCommand,
  LimitExceededException,
  ListInstanceProfilesCommand,
  ListInstanceProfilesForRoleCommand,
  NoSuchEntityException,
  RemoveRoleFromInstanceProfileCommand,
} from "@aws-sdk/client-iam";
import { db } from "@/lib/db";
import { createUser } from "@/lib/data/create-user";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { events, freshAccount } from "@/tests/support/identity";
import { iamClient, rootCredentials, userCredentials, failure, auditOf } from "@/tests/support/aws";

const EC2_TRUST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] });
const MUST_REMOVE = "Cannot delete entity, must remove roles from instance profile first.";

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateInstanceProfile.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetInstanceProfile.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_AddRoleToInstanceProfile.html
describe("CreateInstanceProfile, AddRoleToInstanceProfile and GetInstanceProfile, with the real IAM client", () => {
  it("creates a profile, puts a role in it, and reads both back; logged and audited", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    const role = (await iam.send(new CreateRoleCommand({ RoleName: "WebRole", Path: "/web/", AssumeRolePolicyDocument: EC2_TRUST, Description: "web" }))).Role;
    const created = (await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: "WebServer", Path: "/web/" }))).InstanceProfile;
    expect(created).toMatchObject({ InstanceProfileName: "WebServer", Path: "/web/", Arn: `arn:aws:iam::${account}:instance-profile/web/WebServer` });
    expect(created?.InstanceProfileId).toMatch(/^AIPA[A-Z2-7]{17}$/);
    expect(created?.CreateDate).toBeInstanceOf(Date);
    expect(created?.Roles).toEqual([]);
    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: "webserver", RoleName: "webrole" }));
    const read = (await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: "WebServer" }))).InstanceProfile;
    expect(read?.InstanceProfileId).toBe(created?.InstanceProfileId);
    expect(read?.Roles).toHaveLength(1);
    expect(read?.Roles?.[0]).toMatchObject({ RoleName: "WebRole", RoleId: role?.RoleId, Arn: role?.Arn, Path: "/web/", Description: "web", MaxSessionDuration: 3600 });
    expect(read?.Roles?.[0].CreateDate).toBeInstanceOf(Date);
    expect(decodeURIComponent(read?.Roles?.[0].AssumeRolePolicyDocument ?? "")).toBe(EC2_TRUST);
    expect((await events(account)).filter((e) => e.action.endsWith("InstanceProfile"))).toEqual([
      { action: "CreateInstanceProfile", targetArn: created?.Arn, summary: "Created instance profile WebServer." },
      { action: "AddRoleToInstanceProfile", targetArn: role?.Arn, summary: "Added role WebRole to instance profile WebServer." },
    ]);
    expect((await auditOf(account, "CreateInstanceProfile")).map((e) => [e.errorCode, e.resourceArn])).toEqual([[null, created?.Arn]]);
    expect((await auditOf(account, "AddRoleToInstanceProfile")).map((e) => [e.errorCode, e.resourceArn])).toEqual([[null, created?.Arn]]);
  });

  it("answers EntityAlreadyExists, NoSuchEntity, LimitExceeded (one role per profile) and ValidationError in AWS's codes and words", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    for (const RoleName of ["A", "B"]) await iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: EC2_TRUST }));
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: "P" }));
    const again = await failure(iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: "p" })));
    expect(again).toBeInstanceOf(EntityAlreadyExistsException);
    expect(again.message).toBe("Instance Profile p already exists.");
    const missing = await failure(iam.send(new GetInstanceProfileCommand({ InstanceProfileName: "nope" })));
    expect(missing).toBeInstanceOf(NoSuchEntityException);
    expect(missing.message).toBe("Instance Profile nope cannot be found.");
    expect(await failure(iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: "P", RoleName: "nobody" })))).toBeInstanceOf(NoSuchEntityException);
    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: "P", RoleName: "A" }));
    const second = await failure(iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: "P", RoleName: "B" })));
    expect(second).toBeInstanceOf(LimitExceededException);
    expect(second.message).toBe("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
    expect(second.$metadata.httpStatusCode).toBe(409);
    const badName = await failure(iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: "has space" })));
    expect(badName).toMatchObject({ name: "ValidationError", $metadata: { httpStatusCode: 400 } });
    // The console keeps no tags on instance profiles: refused, not silently dropped.
    const tagged = await failure(iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: "T", Tags: [{ Key: "a", Value: "b" }] })));
    expect(tagged).toMatchObject({ name: "ValidationError", $metadata: { httpStatusCode: 400 } });
    expect(await db().instanceProfile.count({ where: { accountId: account } })).toBe(1);
    expect((await auditOf(account, "AddRoleToInstanceProfile")).map((e) => e.errorCode)).toEqual(["NoSuchEntity", null, "LimitExceeded"]);
  });
});

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListInstanceProfiles.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListInstanceProfilesForRole.html
describe("ListInstanceProfiles and ListInstanceProfilesForRole", () => {
  it("pages with MaxItems and Marker under a PathPrefix, and lists the profiles holding a role", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateRoleCommand({ RoleName: "R", AssumeRolePolicyDocument: EC2_TRUST }));
    for (let i = 0; i < 5; i++) await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: `ip${i}`, Path: "/fleet/" }));
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: "elsewhere" }));
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const answer = await iam.send(new ListInstanceProfilesCommand({ PathPrefix: "/fleet/", MaxItems: 2, Marker: marker }));
      seen.push(...(answer.InstanceProfiles ?? []).map((profile) => profile.InstanceProfileName ?? ""));
      marker = answer.IsTruncated ? answer.Marker : undefined;
      pages++;
    } while (marker);
    expect(pages).toBe(3);
    expect(seen).toEqual(["ip0", "ip1", "ip2", "ip3", "ip4"]);
    expect((await iam.send(new ListInstanceProfilesCommand({}))).InstanceProfiles).toHaveLength(6);
    for (const name of ["ip3", "elsewhere", "ip1"]) await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: name, RoleName: "R" }));
    const first = await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: "R", MaxItems: 2 }));
    expect(first.InstanceProfiles?.map((profile) => profile.InstanceProfileName)).toEqual(["elsewhere", "ip1"]);
    expect(first.InstanceProfiles?.[0].Roles?.[0].RoleName).toBe("R");
    expect(first.IsTruncated).toBe(true);
    const rest = await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: "R", Marker: first.Marker }));
    expect(rest.InstanceProfiles?.map((profile) => profile.InstanceProfileName)).toEqual(["ip3"]);
    expect(rest.IsTruncated).toBe(false);
    expect(await failure(iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: "nobody" })))).toBeInstanceOf(NoSuchEntityException);
  });
});

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_RemoveRoleFromInstanceProfile.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteInstanceProfile.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRole.html
describe("RemoveRoleFromInstanceProfile, DeleteInstanceProfile and DeleteRole", () => {
  it("refuses to delete the profile or the role while the role is in it (DeleteConflict, AWS's words), then deletes both", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateRoleCommand({ RoleName: "R", AssumeRolePolicyDocument: EC2_TRUST }));
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: "P" }));
    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: "P", RoleName: "R" }));
    const profileInUse = await failure(iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: "P" })));
    expect(profileInUse).toBeInstanceOf(DeleteConflictException);
    expect(profileInUse.message).toBe(MUST_REMOVE);
    const roleInUse = await failure(iam.send(new DeleteRoleCommand({ RoleName: "R" })));
    expect(roleInUse).toBeInstanceOf(DeleteConflictException);
    expect(roleInUse.message).toBe(MUST_REMOVE);
    await iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: "P", RoleName: "R" }));
    expect(await failure(iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: "P", RoleName: "R" })))).toBeInstanceOf(NoSuchEntityException);
    expect((await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: "P" }))).InstanceProfile?.Roles).toEqual([]);
    await iam.send(new DeleteRoleCommand({ RoleName: "R" }));
    await iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: "P" }));
    expect(await failure(iam.send(new GetInstanceProfileCommand({ InstanceProfileName: "P" })))).toBeInstanceOf(NoSuchEntityException);
    expect((await events(account)).slice(-3).map((e) => e.action)).toEqual(["RemoveRoleFromInstanceProfile", "DeleteRole", "DeleteInstanceProfile"]);
    expect((await auditOf(account, "DeleteInstanceProfile")).map((e) => e.errorCode)).toEqual(["DeleteConflict", null]);
  });
});

// "The caller of this operation must be granted the PassRole permission on the IAM role"
// (AddRoleToInstanceProfile); the resource types: the Service Authorization Reference.
describe("who may manage instance profiles", () => {
  it("refuses a user without permission in AWS's words, and AddRoleToInstanceProfile without iam:PassRole on the role", async () => {
    const account = await freshAccount();
    const root = iamClient(await rootCredentials(account));
    await root.send(new CreateRoleCommand({ RoleName: "R", AssumeRolePolicyDocument: EC2_TRUST }));
    await createUser(account, { userName: "ops", path: "/", tags: [] });
    const ops = iamClient(await userCredentials(account, "ops"));
    const refused = await failure(ops.send(new CreateInstanceProfileCommand({ InstanceProfileName: "P", Path: "/x/" })));
    expect(refused).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
    expect(refused.message).toBe(
      `User: arn:aws:iam::${account}:user/ops is not authorized to perform: iam:CreateInstanceProfile on resource: arn:aws:iam::${account}:instance-profile/x/P because no identity-based policy allows the iam:CreateInstanceProfile action`,
    );
    const profiles = { Effect: "Allow", Action: ["iam:CreateInstanceProfile", "iam:AddRoleToInstanceProfile"], Resource: `arn:aws:iam::${account}:instance-profile/*` };
    await putInlinePolicy("user", account, "ops", "Profiles", JSON.stringify({ Version: "2012-10-17", Statement: [profiles] }));
    await ops.send(new CreateInstanceProfileCommand({ InstanceProfileName: "P", Path: "/x/" }));
    const noPass = await failure(ops.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: "P", RoleName: "R" })));
    expect(noPass.message).toBe(
      `User: arn:aws:iam::${account}:user/ops is not authorized to perform: iam:PassRole on resource: arn:aws:iam::${account}:role/R because no identity-based policy allows the iam:PassRole action`,
    );
    // iam:PassRole limited to roles passed to EC2 (iam:PassedToService), as AWS documents it for instance profiles.
    const passToEc2 = { Effect: "Allow", Action: "iam:PassRole", Resource: `arn:aws:iam::${account}:role/R`, Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } } };
    await putInlinePolicy("user", account, "ops", "Profiles", JSON.stringify({ Version: "2012-10-17", Statement: [profiles, passToEc2] }));
    await ops.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: "P", RoleName: "R" }));
    expect((await root.send(new GetInstanceProfileCommand({ InstanceProfileName: "P" }))).InstanceProfile?.Roles?.[0].RoleName).toBe("R");
    expect((await auditOf(account, "AddRoleToInstanceProfile")).map((e) => [e.errorCode, e.principalArn])).toEqual([
      ["AccessDenied", `arn:aws:iam::${account}:user/ops`],
      [null, `arn:aws:iam::${account}:user/ops`],
    ]);
    const cannotDelete = await failure(ops.send(new DeleteInstanceProfileCommand({ InstanceProfileName: "P" })));
    expect(cannotDelete.message).toBe(
      `User: arn:aws:iam::${account}:user/ops is not authorized to perform: iam:DeleteInstanceProfile on resource: arn:aws:iam::${account}:instance-profile/x/P because no identity-based policy allows the iam:DeleteInstanceProfile action`,
    );
  });
});
