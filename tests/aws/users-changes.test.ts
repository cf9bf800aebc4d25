import { beforeAll, describe, expect, it } from "vitest";
import {
  AddUserToGroupCommand,
  CreateGroupCommand,
  CreateUserCommand,
  DeleteConflictException,
  DeleteUserCommand,
  DeleteUserPermissionsBoundaryCommand,
  EntityAlreadyExistsException,
  GetUserCommand,
  NoSuchEntityException,
  PutUserPermissionsBoundaryCommand,
  RemoveUserFromGroupCommand,
  UpdateUserCommand,
} from "@aws-sdk/client-iam";
import { attachPolicy } from "@/lib/data/attach-policy";
import { detachPolicy } from "@/lib/data/detach-policy";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { deleteInlinePolicy } from "@/lib/data/delete-inline-policy";
import { createAccessKey } from "@/lib/data/create-access-key";
import { deleteAccessKey } from "@/lib/data/delete-access-key";
import { putLoginProfile } from "@/lib/data/put-login-profile";
import { deleteLoginProfile } from "@/lib/data/delete-login-profile";
import { createMfaDevice } from "@/lib/data/create-mfa-device";
import { deleteMfaDevice } from "@/lib/data/delete-mfa-device";
import { events, freshAccount } from "@/tests/support/identity";
import { iamClient, rootCredentials, userCredentials, failure, auditOf } from "@/tests/support/aws";
import { importTestManagedPolicies } from "@/tests/support/policies";

// The stand-in AWS managed policies (ReadOnlyAccess, PowerUserAccess…) the tests attach.
beforeAll(importTestManagedPolicies);

const READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
const POWER_USER = "arn:aws:iam::aws:policy/PowerUserAccess";

const denied = (account: string, caller: string, action: string, resource: string) =>
  `User: arn:aws:iam::${account}:user/${caller} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateUser.html
describe("UpdateUser through the AWS endpoint", () => {
  it("renames and moves a user, read back through GetUser, logged and audited", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "dana", Path: "/eng/" }));
    const answer = await iam.send(new UpdateUserCommand({ UserName: "dana", NewUserName: "dana2", NewPath: "/ops/" }));
    expect(answer.$metadata.httpStatusCode).toBe(200);
    const read = await iam.send(new GetUserCommand({ UserName: "dana2" }));
    expect(read.User).toMatchObject({ UserName: "dana2", Path: "/ops/", Arn: `arn:aws:iam::${account}:user/ops/dana2` });
    await expect(iam.send(new GetUserCommand({ UserName: "dana" }))).rejects.toBeInstanceOf(NoSuchEntityException);
    expect((await events(account)).filter((e) => e.action === "UpdateUser")).toEqual([
      { action: "UpdateUser", targetArn: `arn:aws:iam::${account}:user/ops/dana2`, summary: "User renamed dana to dana2 and moved from path /eng/ to /ops/." },
    ]);
    const audited = await auditOf(account, "UpdateUser");
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ identityType: "Root", errorCode: null, readOnly: false });
  });

  it("answers NoSuchEntity, EntityAlreadyExists and ValidationError naming the parameter, each audited", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "dana" }));
    await iam.send(new CreateUserCommand({ UserName: "erin" }));
    await expect(iam.send(new UpdateUserCommand({ UserName: "nobody", NewUserName: "x" }))).rejects.toBeInstanceOf(NoSuchEntityException);
    await expect(iam.send(new UpdateUserCommand({ UserName: "dana", NewUserName: "ERIN" }))).rejects.toBeInstanceOf(EntityAlreadyExistsException);
    const invalid = await failure(iam.send(new UpdateUserCommand({ UserName: "dana", NewUserName: "has space" })));
    expect(invalid).toMatchObject({ name: "ValidationError", $metadata: { httpStatusCode: 400 } });
    expect(invalid.message).toBe("NewUserName: User name may contain only letters, digits and + = , . @ _ - (no spaces).");
    const badPath = await failure(iam.send(new UpdateUserCommand({ UserName: "dana", NewPath: "no-slashes" })));
    expect(badPath.message).toMatch(/^NewPath: Path must be "\/"/);
    // Nothing was written; the attempts that reached the engine are in the trail with their codes.
    expect((await events(account)).some((e) => e.action === "UpdateUser")).toBe(false);
    expect((await auditOf(account, "UpdateUser")).map((e) => e.errorCode)).toEqual(["NoSuchEntity", "EntityAlreadyExists"]);
  });

  it("is authorized on the user's ARN before and after the change, as the console's PATCH is", async () => {
    const account = await freshAccount();
    const root = iamClient(await rootCredentials(account));
    await root.send(new CreateUserCommand({ UserName: "dana", Path: "/eng/" }));
    await root.send(new CreateUserCommand({ UserName: "mover" }));
    const onlyEng = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iam:UpdateUser", Resource: `arn:aws:iam::${account}:user/eng/*` }] });
    await putInlinePolicy("user", account, "mover", "EngOnly", onlyEng);
    const mover = iamClient(await userCredentials(account, "mover"));
    // Within /eng/ both ARNs are allowed; moving out of it is refused on the new ARN.
    await mover.send(new UpdateUserCommand({ UserName: "dana", NewUserName: "dana-eng" }));
    const refused = await failure(mover.send(new UpdateUserCommand({ UserName: "dana-eng", NewPath: "/ops/" })));
    expect(refused).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
    expect(refused.message).toBe(denied(account, "mover", "iam:UpdateUser", `arn:aws:iam::${account}:user/ops/dana-eng`));
    expect((await root.send(new GetUserCommand({ UserName: "dana-eng" }))).User?.Path).toBe("/eng/");
    expect((await auditOf(account, "UpdateUser")).map((e) => e.errorCode)).toEqual([null, "AccessDenied"]);
  });
});

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteUser.html
describe("DeleteUser through the AWS endpoint", () => {
  it("deletes a user that holds nothing, logged and audited; a second delete is NoSuchEntity", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "gone" }));
    await iam.send(new DeleteUserCommand({ UserName: "gone" }));
    await expect(iam.send(new GetUserCommand({ UserName: "gone" }))).rejects.toBeInstanceOf(NoSuchEntityException);
    await expect(iam.send(new DeleteUserCommand({ UserName: "gone" }))).rejects.toBeInstanceOf(NoSuchEntityException);
    expect((await events(account)).filter((e) => e.action === "DeleteUser")).toEqual([
      { action: "DeleteUser", targetArn: `arn:aws:iam::${account}:user/gone`, summary: "Deleted user gone." },
    ]);
    expect((await auditOf(account, "DeleteUser")).map((e) => e.errorCode)).toEqual([null, "NoSuchEntity"]);
  });

  // Each thing IAM requires gone first ("Deleting an IAM user"), alone, then removed.
  type Iam = ReturnType<typeof iamClient>;
  const holdings: { what: string; add: (account: string, user: string, iam: Iam) => Promise<unknown>; remove: (account: string, user: string, added: unknown, iam: Iam) => Promise<unknown> }[] = [
    {
      what: "1 group membership",
      add: async (_account, user, iam) => {
        await iam.send(new CreateGroupCommand({ GroupName: `g-${user}` }));
        return iam.send(new AddUserToGroupCommand({ GroupName: `g-${user}`, UserName: user }));
      },
      remove: (_account, user, _added, iam) => iam.send(new RemoveUserFromGroupCommand({ GroupName: `g-${user}`, UserName: user })),
    },
    { what: "1 attached managed policy", add: (account, user) => attachPolicy("user", account, user, READ_ONLY), remove: (account, user) => detachPolicy("user", account, user, READ_ONLY) },
    {
      what: "1 inline policy",
      add: (account, user) => putInlinePolicy("user", account, user, "Inline", JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }] })),
      remove: (account, user) => deleteInlinePolicy("user", account, user, "Inline"),
    },
    { what: "1 console password", add: (account, user) => putLoginProfile(account, user, { password: "Correct-Horse-42-Battery!" }), remove: (account, user) => deleteLoginProfile(account, user) },
    {
      what: "1 access key",
      add: (account, user) => createAccessKey(account, user),
      remove: (account, user, added) => deleteAccessKey(account, user, (added as { accessKeyId: string }).accessKeyId),
    },
    { what: "1 MFA device", add: (account, user) => createMfaDevice(account, user, "phone"), remove: (account, user) => deleteMfaDevice(account, user, "phone") },
  ];

  it.each(holdings)("answers DeleteConflict while the user still has $what, as the console's delete without force", async ({ what, add, remove }) => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "held" }));
    const added = await add(account, "held", iam);
    const conflict = await failure(iam.send(new DeleteUserCommand({ UserName: "held" })));
    expect(conflict).toBeInstanceOf(DeleteConflictException);
    expect(conflict).toMatchObject({ $metadata: { httpStatusCode: 409 } });
    expect(conflict.message).toContain(`User held cannot be deleted: it still has ${what}.`);
    expect((await iam.send(new GetUserCommand({ UserName: "held" }))).User?.UserName).toBe("held");
    expect((await events(account)).some((e) => e.action === "DeleteUser")).toBe(false);
    expect((await auditOf(account, "DeleteUser")).map((e) => e.errorCode)).toEqual(["DeleteConflict"]);
    await remove(account, "held", added, iam);
    await iam.send(new DeleteUserCommand({ UserName: "held" }));
    await expect(iam.send(new GetUserCommand({ UserName: "held" }))).rejects.toBeInstanceOf(NoSuchEntityException);
  });

  it("refuses a user without permission with AWS's words, and deletes nothing", async () => {
    const account = await freshAccount();
    const root = iamClient(await rootCredentials(account));
    await root.send(new CreateUserCommand({ UserName: "target", Path: "/eng/" }));
    await root.send(new CreateUserCommand({ UserName: "erin" }));
    const erin = iamClient(await userCredentials(account, "erin"));
    const refused = await failure(erin.send(new DeleteUserCommand({ UserName: "target" })));
    expect(refused).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
    expect(refused.message).toBe(denied(account, "erin", "iam:DeleteUser", `arn:aws:iam::${account}:user/eng/target`));
    expect((await root.send(new GetUserCommand({ UserName: "target" }))).User?.UserName).toBe("target");
  });
});

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPermissionsBoundary.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteUserPermissionsBoundary.html
describe("PutUserPermissionsBoundary and DeleteUserPermissionsBoundary through the AWS endpoint", () => {
  it("sets, reads back through GetUser, and removes a user's boundary, each logged and audited", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "dana" }));
    await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: "dana", PermissionsBoundary: POWER_USER }));
    expect((await iam.send(new GetUserCommand({ UserName: "dana" }))).User?.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: "PermissionsBoundaryPolicy",
      PermissionsBoundaryArn: POWER_USER,
    });
    await iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: "dana" }));
    expect((await iam.send(new GetUserCommand({ UserName: "dana" }))).User?.PermissionsBoundary).toBeUndefined();
    // The data layer's answer for a user without one: NoSuchEntity.
    await expect(iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: "dana" }))).rejects.toBeInstanceOf(NoSuchEntityException);
    const actions = (await events(account)).map((e) => e.action);
    expect(actions.filter((a) => a.endsWith("UserPermissionsBoundary"))).toEqual(["PutUserPermissionsBoundary", "DeleteUserPermissionsBoundary"]);
    expect((await auditOf(account, "PutUserPermissionsBoundary")).map((e) => e.errorCode)).toEqual([null]);
    expect((await auditOf(account, "DeleteUserPermissionsBoundary")).map((e) => e.errorCode)).toEqual([null, "NoSuchEntity"]);
  });

  it("answers NoSuchEntity for a missing user or policy and ValidationError for a malformed ARN", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "dana" }));
    await expect(iam.send(new PutUserPermissionsBoundaryCommand({ UserName: "nobody", PermissionsBoundary: POWER_USER }))).rejects.toBeInstanceOf(NoSuchEntityException);
    await expect(
      iam.send(new PutUserPermissionsBoundaryCommand({ UserName: "dana", PermissionsBoundary: `arn:aws:iam::${account}:policy/Missing` })),
    ).rejects.toBeInstanceOf(NoSuchEntityException);
    const invalid = await failure(iam.send(new PutUserPermissionsBoundaryCommand({ UserName: "dana", PermissionsBoundary: "not-an-arn" })));
    expect(invalid).toMatchObject({ name: "ValidationError", $metadata: { httpStatusCode: 400 } });
    expect(invalid.message).toMatch(/^PermissionsBoundary: Policy ARN must look like/);
  });

  it("refuses a user without permission with AWS's words", async () => {
    const account = await freshAccount();
    const root = iamClient(await rootCredentials(account));
    await root.send(new CreateUserCommand({ UserName: "dana" }));
    await root.send(new CreateUserCommand({ UserName: "erin" }));
    const erin = iamClient(await userCredentials(account, "erin"));
    const refused = await failure(erin.send(new PutUserPermissionsBoundaryCommand({ UserName: "dana", PermissionsBoundary: POWER_USER })));
    expect(refused.message).toBe(denied(account, "erin", "iam:PutUserPermissionsBoundary", `arn:aws:iam::${account}:user/dana`));
    expect((await auditOf(account, "PutUserPermissionsBoundary")).map((e) => e.errorCode)).toEqual(["AccessDenied"]);
  });
});
