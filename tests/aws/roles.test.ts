import { describe, expect, it } from "vitest";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import {
  CreateRoleCommand,
  DeleteConflictException,
  DeleteRoleCommand,
  EntityAlreadyExistsException,
  GetRoleCommand,
  ListRolesCommand,
  MalformedPolicyDocumentException,
  NoSuchEntityException,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  UpdateRoleDescriptionCommand,
} from "@aws-sdk/client-iam";
import { db } from "@/lib/db";
import { IamError } from "@/lib/errors";
import { assertValidTrustPolicy } from "@/lib/data/policy-documents";
import { createPolicy } from "@/lib/data/create-policy";
import { createUser } from "@/lib/data/create-user";
import { deleteInlinePolicy } from "@/lib/data/delete-inline-policy";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { allow, trusting } from "@/tests/support/policies";
import { events, freshAccount } from "@/tests/support/identity";
import { iamClient, rootCredentials, stsClient, userCredentials, failure, auditOf } from "@/tests/support/aws";
import { allowStatement, makeRole, policy, roleArnOf, trust, userInGroup } from "@/tests/aws/sts-fixtures";

const EC2_TRUST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] });

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRole.html
describe("CreateRole and GetRole through the AWS endpoint, with the real IAM client", () => {
  it("creates a role with every field and reads each back; the trust policy comes back URL-encoded; logged and audited", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    const boundary = `arn:aws:iam::${account}:policy/Boundary`;
    await createPolicy(account, { policyName: "Boundary", path: "/", description: "", policyDocument: allow("s3:*"), tags: [] });
    const created = await iam.send(
      new CreateRoleCommand({
        RoleName: "AppRole",
        Path: "/apps/",
        AssumeRolePolicyDocument: EC2_TRUST,
        Description: "Runs the app",
        MaxSessionDuration: 7200,
        PermissionsBoundary: boundary,
        Tags: [{ Key: "team", Value: "blue" }],
      }),
    );
    expect(created.Role).toMatchObject({ RoleName: "AppRole", Path: "/apps/", Arn: `arn:aws:iam::${account}:role/apps/AppRole`, Description: "Runs the app", MaxSessionDuration: 7200 });
    expect(created.Role?.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    const read = (await iam.send(new GetRoleCommand({ RoleName: "approle" }))).Role;
    expect(read?.RoleId).toBe(created.Role?.RoleId);
    expect(read?.CreateDate).toBeInstanceOf(Date);
    expect(decodeURIComponent(read?.AssumeRolePolicyDocument ?? "")).toBe(EC2_TRUST);
    expect(read?.AssumeRolePolicyDocument).toBe(encodeURIComponent(EC2_TRUST));
    expect(read?.PermissionsBoundary).toEqual({ PermissionsBoundaryType: "PermissionsBoundaryPolicy", PermissionsBoundaryArn: boundary });
    expect(read?.Tags).toEqual([{ Key: "team", Value: "blue" }]);
    expect(read).toMatchObject({ Description: "Runs the app", MaxSessionDuration: 7200, Path: "/apps/" });
    expect(await events(account)).toContainEqual({ action: "CreateRole", targetArn: created.Role?.Arn, summary: "Created role AppRole with permissions boundary Boundary." });
    expect((await auditOf(account, "CreateRole")).map((e) => [e.errorCode, e.resourceArn])).toEqual([[null, created.Role?.Arn]]);
  });

  it("answers EntityAlreadyExists, NoSuchEntity, MalformedPolicyDocument and ValidationError in AWS's codes", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateRoleCommand({ RoleName: "R", AssumeRolePolicyDocument: EC2_TRUST }));
    const again = await failure(iam.send(new CreateRoleCommand({ RoleName: "r", AssumeRolePolicyDocument: EC2_TRUST })));
    expect(again).toBeInstanceOf(EntityAlreadyExistsException);
    expect(again.message).toBe("Role with name r already exists.");
    expect(await failure(iam.send(new GetRoleCommand({ RoleName: "nobody" })))).toBeInstanceOf(NoSuchEntityException);
    const bad = await failure(iam.send(new CreateRoleCommand({ RoleName: "Bad", AssumeRolePolicyDocument: allow("s3:GetObject") })));
    expect(bad).toBeInstanceOf(MalformedPolicyDocumentException);
    expect(bad.$metadata.httpStatusCode).toBe(400);
    const tooLong = await failure(iam.send(new CreateRoleCommand({ RoleName: "Long", AssumeRolePolicyDocument: EC2_TRUST, MaxSessionDuration: 50000 })));
    expect(tooLong).toMatchObject({ name: "ValidationError", $metadata: { httpStatusCode: 400 } });
    expect(tooLong.message).toBe("MaxSessionDuration: must be at most 43200.");
    // Nothing of the refused ones was written; the attempts are in the audit trail with their errors.
    expect(await db().role.count({ where: { accountId: account } })).toBe(1);
    expect((await auditOf(account, "CreateRole")).map((e) => e.errorCode)).toEqual([null, "EntityAlreadyExists", "MalformedPolicyDocument"]);
  });
});

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateRole.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateRoleDescription.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAssumeRolePolicy.html
describe("UpdateRole, UpdateRoleDescription and UpdateAssumeRolePolicy", () => {
  it("changes what each sets, read back through GetRole, and logs each change", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateRoleCommand({ RoleName: "R", AssumeRolePolicyDocument: EC2_TRUST }));
    await iam.send(new UpdateRoleCommand({ RoleName: "R", Description: "First", MaxSessionDuration: 14400 }));
    expect((await iam.send(new GetRoleCommand({ RoleName: "R" }))).Role).toMatchObject({ Description: "First", MaxSessionDuration: 14400 });
    const described = await iam.send(new UpdateRoleDescriptionCommand({ RoleName: "R", Description: "Second" }));
    expect(described.Role).toMatchObject({ RoleName: "R", Description: "Second", MaxSessionDuration: 14400 });
    const trust = trusting(`arn:aws:iam::${account}:root`);
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: "R", PolicyDocument: trust }));
    expect(decodeURIComponent((await iam.send(new GetRoleCommand({ RoleName: "R" }))).Role?.AssumeRolePolicyDocument ?? "")).toBe(trust);
    const arn = `arn:aws:iam::${account}:role/R`;
    expect((await events(account)).filter((e) => e.targetArn === arn).map((e) => e.action)).toEqual(["CreateRole", "UpdateRole", "UpdateRole", "UpdateAssumeRolePolicy"]);
    expect((await auditOf(account, "UpdateRoleDescription")).map((e) => e.errorCode)).toEqual([null]);
  });

  it("refuses a trust policy the engine's validator refuses, in the validator's words, and keeps the old one", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateRoleCommand({ RoleName: "R", AssumeRolePolicyDocument: EC2_TRUST }));
    const document = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole" }] });
    let expected = "";
    try {
      assertValidTrustPolicy(document, "policyDocument");
    } catch (err) {
      expected = (err as IamError).message;
    }
    expect(expected).toMatch(/^The policy document is not valid: /);
    const refused = await failure(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: "R", PolicyDocument: document })));
    expect(refused).toBeInstanceOf(MalformedPolicyDocumentException);
    expect(refused.message).toBe(expected);
    expect(decodeURIComponent((await iam.send(new GetRoleCommand({ RoleName: "R" }))).Role?.AssumeRolePolicyDocument ?? "")).toBe(EC2_TRUST);
    expect(await failure(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: "nobody", PolicyDocument: EC2_TRUST })))).toBeInstanceOf(NoSuchEntityException);
  });
});

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListRoles.html
describe("ListRoles", () => {
  it("pages with MaxItems and Marker under a PathPrefix, never repeating or skipping a role", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    for (let i = 0; i < 5; i++) await iam.send(new CreateRoleCommand({ RoleName: `svc${i}`, Path: "/svc/", AssumeRolePolicyDocument: EC2_TRUST, Description: `role ${i}` }));
    await iam.send(new CreateRoleCommand({ RoleName: "other", AssumeRolePolicyDocument: EC2_TRUST }));
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const answer = await iam.send(new ListRolesCommand({ PathPrefix: "/svc/", MaxItems: 2, Marker: marker }));
      seen.push(...(answer.Roles ?? []).map((role) => role.RoleName ?? ""));
      marker = answer.IsTruncated ? answer.Marker : undefined;
      pages++;
    } while (marker);
    expect(pages).toBe(3);
    expect(seen).toEqual(["svc0", "svc1", "svc2", "svc3", "svc4"]);
    const all = await iam.send(new ListRolesCommand({}));
    expect(all.Roles?.map((role) => role.RoleName)).toEqual(["other", "svc0", "svc1", "svc2", "svc3", "svc4"]);
    expect(all.Roles?.[1]).toMatchObject({ Path: "/svc/", Arn: `arn:aws:iam::${account}:role/svc/svc0`, Description: "role 0", MaxSessionDuration: 3600 });
    expect(decodeURIComponent(all.Roles?.[1].AssumeRolePolicyDocument ?? "")).toBe(EC2_TRUST);
    // ListRoles leaves out tags, boundary and last use, as AWS does.
    expect(all.Roles?.[1].Tags).toBeUndefined();
    expect(all.IsTruncated).toBe(false);
  });
});

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRole.html
describe("DeleteRole", () => {
  it("is DeleteConflict while the role has policies, then deletes it; a user without permission is refused in AWS's words", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateRoleCommand({ RoleName: "R", AssumeRolePolicyDocument: EC2_TRUST }));
    await putInlinePolicy("role", account, "R", "Inline", allow("s3:GetObject"));
    expect(await failure(iam.send(new DeleteRoleCommand({ RoleName: "R" })))).toBeInstanceOf(DeleteConflictException);
    await createUser(account, { userName: "erin", path: "/", tags: [] });
    const refused = await failure(iamClient(await userCredentials(account, "erin")).send(new DeleteRoleCommand({ RoleName: "R" })));
    expect(refused).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
    expect(refused.message).toBe(
      `User: arn:aws:iam::${account}:user/erin is not authorized to perform: iam:DeleteRole on resource: arn:aws:iam::${account}:role/R because no identity-based policy allows the iam:DeleteRole action`,
    );
    await deleteInlinePolicy("role", account, "R", "Inline");
    await iam.send(new DeleteRoleCommand({ RoleName: "R" }));
    expect(await failure(iam.send(new GetRoleCommand({ RoleName: "R" })))).toBeInstanceOf(NoSuchEntityException);
    expect((await events(account)).at(-1)).toEqual({ action: "DeleteRole", targetArn: `arn:aws:iam::${account}:role/R`, summary: "Deleted role R." });
    expect((await auditOf(account, "DeleteRole")).map((e) => [e.errorCode, e.principalArn])).toEqual([
      ["DeleteConflict", `arn:aws:iam::${account}:root`],
      ["AccessDenied", `arn:aws:iam::${account}:user/erin`],
      [null, `arn:aws:iam::${account}:root`],
    ]);
  });
});

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRole.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_RoleLastUsed.html
describe("GetRole's RoleLastUsed", () => {
  it("is empty for a role never assumed, and names the last AssumeRole's time and us-east-1 once it is", async () => {
    const account = await freshAccount();
    const reader = await makeRole(account, { name: "Reader", trustPolicy: trust(account), permissions: policy(allowStatement("iam:ListUsers")) });
    await makeRole(account, { name: "Unused", trustPolicy: trust(account) });
    const bob = await userInGroup(account, "bob", policy(allowStatement("sts:AssumeRole", roleArnOf(account, "*"))));
    const iam = iamClient(await rootCredentials(account));

    // AWS answers an empty <RoleLastUsed/> for a role with no recorded use.
    expect((await iam.send(new GetRoleCommand({ RoleName: "Reader" }))).Role?.RoleLastUsed).toEqual({});

    // AWS writes times to the second: the date read back is the assumption's, truncated.
    const before = Math.floor(Date.now() / 1000) * 1000;
    await stsClient(bob).send(new AssumeRoleCommand({ RoleArn: reader.arn, RoleSessionName: "bob-session" }));
    const after = Date.now();

    const used = (await iam.send(new GetRoleCommand({ RoleName: "Reader" }))).Role?.RoleLastUsed;
    expect(used?.Region).toBe("us-east-1");
    expect(used?.LastUsedDate).toBeInstanceOf(Date);
    expect(used?.LastUsedDate?.getTime()).toBeGreaterThanOrEqual(before);
    expect(used?.LastUsedDate?.getTime()).toBeLessThanOrEqual(after);
    expect((await iam.send(new GetRoleCommand({ RoleName: "Unused" }))).Role?.RoleLastUsed).toEqual({});
  });
});
