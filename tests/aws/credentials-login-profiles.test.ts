import { describe, expect, it } from "vitest";
import {
  ChangePasswordCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  DeleteLoginProfileCommand,
  EntityAlreadyExistsException,
  GetLoginProfileCommand,
  InvalidUserTypeException,
  NoSuchEntityException,
  PasswordPolicyViolationException,
  UpdateLoginProfileCommand,
} from "@aws-sdk/client-iam";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/passwords";
import { updatePasswordPolicy } from "@/lib/data/update-password-policy";
import { passwordPolicySchema } from "@/lib/auth/password-policy-schema";
import { events, freshAccount } from "@/tests/support/identity";
import { iamClient, rootCredentials, userCredentials } from "@/tests/support/aws";
import { auditOf, denied, failure } from "@/tests/aws/credentials-support";

const PASSWORD = "Correct-Horse-9";
const NEW_PASSWORD = "Battery-Staple-7";
const HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS";

const passwordHashOf = async (account: string, name: string) =>
  (await db().user.findUniqueOrThrow({ where: { accountId_nameLower: { accountId: account, nameLower: name } }, select: { passwordHash: true } })).passwordHash;

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateLoginProfile.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetLoginProfile.html
describe("CreateLoginProfile and GetLoginProfile through the AWS endpoint", () => {
  it("gives a user a console password, read back through GetLoginProfile, logged, and audited with the password hidden", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "Dana" }));
    const created = await iam.send(new CreateLoginProfileCommand({ UserName: "dana", Password: PASSWORD, PasswordResetRequired: true }));
    expect(created.LoginProfile).toMatchObject({ UserName: "Dana", PasswordResetRequired: true });
    expect(created.LoginProfile?.CreateDate).toBeInstanceOf(Date);
    const read = await iam.send(new GetLoginProfileCommand({ UserName: "dana" }));
    expect(read.LoginProfile).toEqual(created.LoginProfile);
    expect(await verifyPassword(PASSWORD, (await passwordHashOf(account, "dana")) ?? "")).toBe(true);
    expect((await events(account)).filter((e) => e.action === "CreateLoginProfile")).toEqual([
      { action: "CreateLoginProfile", targetArn: `arn:aws:iam::${account}:user/Dana`, summary: "Created the console password of user Dana (must be reset at next sign-in)." },
    ]);
    const audited = await auditOf(account, "CreateLoginProfile");
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ errorCode: null, resourceArn: `arn:aws:iam::${account}:user/Dana` });
    expect(JSON.parse(audited[0].requestParameters ?? "null")).toEqual({ userName: "dana", password: HIDDEN, passwordResetRequired: true });
    expect(JSON.stringify(audited[0])).not.toContain(PASSWORD);
  });

  it("creates one console password when two CreateLoginProfile calls race: the other is EntityAlreadyExists", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "racer" }));
    const outcomes = await Promise.allSettled([
      iam.send(new CreateLoginProfileCommand({ UserName: "racer", Password: PASSWORD })),
      iam.send(new CreateLoginProfileCommand({ UserName: "racer", Password: NEW_PASSWORD })),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === "rejected");
    expect(refused?.status === "rejected" ? refused.reason : null).toBeInstanceOf(EntityAlreadyExistsException);
    expect((await events(account)).filter((e) => e.action === "CreateLoginProfile" || e.action === "UpdateLoginProfile").map((e) => e.action)).toEqual(["CreateLoginProfile"]);
  });

  it("answers EntityAlreadyExists, PasswordPolicyViolation and NoSuchEntity in AWS's words, each attempt audited", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "dana" }));
    await iam.send(new CreateUserCommand({ UserName: "erin" }));
    await iam.send(new CreateLoginProfileCommand({ UserName: "dana", Password: PASSWORD }));
    const again = await failure(iam.send(new CreateLoginProfileCommand({ UserName: "DANA", Password: NEW_PASSWORD })));
    expect(again).toBeInstanceOf(EntityAlreadyExistsException);
    expect(again.message).toBe("Login Profile for user dana already exists.");
    expect(await verifyPassword(PASSWORD, (await passwordHashOf(account, "dana")) ?? "")).toBe(true);
    // AWS's default policy when the account has none: 8 characters, three kinds of character.
    const weak = await failure(iam.send(new CreateLoginProfileCommand({ UserName: "erin", Password: "abc" })));
    expect(weak).toBeInstanceOf(PasswordPolicyViolationException);
    expect(weak).toMatchObject({ $metadata: { httpStatusCode: 400 } });
    expect(weak.message).toContain("Password must be at least 8 characters long.");
    // The account's own policy applies once it has one.
    await updatePasswordPolicy(account, passwordPolicySchema.parse({ MinimumPasswordLength: 20 }));
    const short = await failure(iam.send(new CreateLoginProfileCommand({ UserName: "erin", Password: PASSWORD })));
    expect(short).toMatchObject({ name: "PasswordPolicyViolationException", message: "Password must be at least 20 characters long." });
    const none = await failure(iam.send(new GetLoginProfileCommand({ UserName: "erin" })));
    expect(none).toBeInstanceOf(NoSuchEntityException);
    expect(none).toMatchObject({ $metadata: { httpStatusCode: 404 }, message: "Login Profile for User erin cannot be found." });
    await expect(iam.send(new CreateLoginProfileCommand({ UserName: "nobody", Password: PASSWORD }))).rejects.toBeInstanceOf(NoSuchEntityException);
    const empty = await failure(iam.send(new CreateLoginProfileCommand({ UserName: "erin", Password: "" })));
    expect(empty).toMatchObject({ name: "ValidationError", message: "Password: Password cannot be empty." });
    expect((await auditOf(account, "CreateLoginProfile")).map((row) => row.errorCode)).toEqual([null, "EntityAlreadyExists", "PasswordPolicyViolation", "PasswordPolicyViolation", "NoSuchEntity"]);
    expect((await events(account)).filter((e) => e.action === "CreateLoginProfile")).toHaveLength(1);
  });
});

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateLoginProfile.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteLoginProfile.html
describe("UpdateLoginProfile and DeleteLoginProfile through the AWS endpoint", () => {
  it("changes the password and the reset flag, then removes console access", async () => {
    const account = await freshAccount();
    const iam = iamClient(await rootCredentials(account));
    await iam.send(new CreateUserCommand({ UserName: "dana" }));
    await iam.send(new CreateLoginProfileCommand({ UserName: "dana", Password: PASSWORD }));
    await iam.send(new UpdateLoginProfileCommand({ UserName: "dana", PasswordResetRequired: true }));
    expect((await iam.send(new GetLoginProfileCommand({ UserName: "dana" }))).LoginProfile?.PasswordResetRequired).toBe(true);
    await iam.send(new UpdateLoginProfileCommand({ UserName: "dana", Password: NEW_PASSWORD, PasswordResetRequired: false }));
    expect((await iam.send(new GetLoginProfileCommand({ UserName: "dana" }))).LoginProfile?.PasswordResetRequired).toBe(false);
    expect(await verifyPassword(NEW_PASSWORD, (await passwordHashOf(account, "dana")) ?? "")).toBe(true);
    await iam.send(new DeleteLoginProfileCommand({ UserName: "dana" }));
    expect(await failure(iam.send(new GetLoginProfileCommand({ UserName: "dana" })))).toMatchObject({ message: "Login Profile for User dana cannot be found." });
    const twice = await failure(iam.send(new DeleteLoginProfileCommand({ UserName: "dana" })));
    expect(twice).toBeInstanceOf(NoSuchEntityException);
    expect(twice.message).toBe("Login Profile for User dana cannot be found.");
    const missing = await failure(iam.send(new UpdateLoginProfileCommand({ UserName: "dana", Password: PASSWORD })));
    expect(missing).toMatchObject({ name: "NoSuchEntityException", message: "Login Profile for User dana cannot be found." });
    expect(await passwordHashOf(account, "dana")).toBeNull();
    const nothing = await failure(iam.send(new UpdateLoginProfileCommand({ UserName: "dana" })));
    expect(nothing).toMatchObject({ name: "ValidationError", message: "Password: Give Password or PasswordResetRequired (or both) to change." });
    expect((await events(account)).filter((e) => e.action.endsWith("LoginProfile")).map((e) => e.action)).toEqual([
      "CreateLoginProfile",
      "UpdateLoginProfile",
      "UpdateLoginProfile",
      "DeleteLoginProfile",
    ]);
    const updates = await auditOf(account, "UpdateLoginProfile");
    expect(updates.map((row) => row.errorCode)).toEqual([null, null, "NoSuchEntity"]);
    expect(JSON.parse(updates[1].requestParameters ?? "null")).toMatchObject({ password: HIDDEN });
    expect(updates.map((row) => JSON.stringify(row)).join()).not.toContain(NEW_PASSWORD);
    expect((await auditOf(account, "DeleteLoginProfile")).map((row) => row.errorCode)).toEqual([null, "NoSuchEntity"]);
  });
});

// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ChangePassword.html
describe("ChangePassword through the AWS endpoint", () => {
  it("changes the calling user's own password once the account allows it, and refuses the root user with InvalidUserType", async () => {
    const account = await freshAccount();
    const rootIam = iamClient(await rootCredentials(account));
    await rootIam.send(new CreateUserCommand({ UserName: "dana" }));
    await rootIam.send(new CreateLoginProfileCommand({ UserName: "dana", Password: PASSWORD, PasswordResetRequired: true }));
    const dana = iamClient(await userCredentials(account, "dana"));
    // No policy allows it and the account's policy does not grant it: AccessDenied in AWS's words.
    const refused = await failure(dana.send(new ChangePasswordCommand({ OldPassword: PASSWORD, NewPassword: NEW_PASSWORD })));
    expect(refused).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
    expect(refused.message).toBe(denied(account, "dana", "iam:ChangePassword", `arn:aws:iam::${account}:user/dana`));
    // AllowUsersToChangePassword grants it to every user.
    await updatePasswordPolicy(account, passwordPolicySchema.parse({ AllowUsersToChangePassword: true, MinimumPasswordLength: 8 }));
    const wrong = await failure(dana.send(new ChangePasswordCommand({ OldPassword: "Not-The-Password-1", NewPassword: NEW_PASSWORD })));
    expect(wrong).toMatchObject({ name: "AccessDenied", message: "The current password is incorrect." });
    const weak = await failure(dana.send(new ChangePasswordCommand({ OldPassword: PASSWORD, NewPassword: "short" })));
    expect(weak).toBeInstanceOf(PasswordPolicyViolationException);
    await dana.send(new ChangePasswordCommand({ OldPassword: PASSWORD, NewPassword: NEW_PASSWORD }));
    expect(await verifyPassword(NEW_PASSWORD, (await passwordHashOf(account, "dana")) ?? "")).toBe(true);
    // The reset flag goes with the change.
    expect((await rootIam.send(new GetLoginProfileCommand({ UserName: "dana" }))).LoginProfile?.PasswordResetRequired).toBe(false);
    expect((await events(account)).filter((e) => e.action === "ChangePassword")).toEqual([
      { action: "ChangePassword", targetArn: `arn:aws:iam::${account}:user/dana`, summary: "User dana changed their own console password." },
    ]);
    const rootTry = await failure(rootIam.send(new ChangePasswordCommand({ OldPassword: PASSWORD, NewPassword: NEW_PASSWORD })));
    expect(rootTry).toBeInstanceOf(InvalidUserTypeException);
    expect(rootTry.$metadata.httpStatusCode).toBe(400);
    // Every attempt is audited once, by lib/auth/change-password.ts (or the root refusal), with no password in it.
    const audited = await auditOf(account, "ChangePassword");
    expect(audited.map((row) => [row.userName, row.errorCode])).toEqual([
      ["dana", "AccessDenied"],
      ["dana", "AccessDenied"],
      ["dana", "PasswordPolicyViolation"],
      ["dana", null],
      [null, "InvalidUserType"],
    ]);
    const text = audited.map((row) => JSON.stringify(row)).join();
    for (const secret of [PASSWORD, NEW_PASSWORD, "Not-The-Password-1"]) expect(text).not.toContain(secret);
  });
});

describe("login profile operations refused with AccessDenied in AWS's words", () => {
  it("names the action, the user's ARN and the reason for a user without permission", async () => {
    const account = await freshAccount();
    const root = iamClient(await rootCredentials(account));
    await root.send(new CreateUserCommand({ UserName: "dana" }));
    await root.send(new CreateUserCommand({ UserName: "erin" }));
    const erin = iamClient(await userCredentials(account, "erin"));
    const danaArn = `arn:aws:iam::${account}:user/dana`;
    const cases: [Promise<unknown>, string, string][] = [
      [erin.send(new CreateLoginProfileCommand({ UserName: "dana", Password: PASSWORD })), "iam:CreateLoginProfile", danaArn],
      [erin.send(new GetLoginProfileCommand({ UserName: "dana" })), "iam:GetLoginProfile", danaArn],
      [erin.send(new GetLoginProfileCommand({})), "iam:GetLoginProfile", `arn:aws:iam::${account}:user/erin`],
      [erin.send(new UpdateLoginProfileCommand({ UserName: "dana", PasswordResetRequired: true })), "iam:UpdateLoginProfile", danaArn],
      [erin.send(new DeleteLoginProfileCommand({ UserName: "dana" })), "iam:DeleteLoginProfile", danaArn],
    ];
    for (const [call, action, resource] of cases) {
      const refused = await failure(call);
      expect(refused).toMatchObject({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } });
      expect(refused.message).toBe(denied(account, "erin", action, resource));
    }
    expect(await auditOf(account, "CreateLoginProfile")).toMatchObject([{ userName: "erin", errorCode: "AccessDenied" }]);
    expect(JSON.stringify(await auditOf(account, "CreateLoginProfile"))).not.toContain(PASSWORD);
    expect(await passwordHashOf(account, "dana")).toBeNull();
    // Root credentials must name the user: the root user has no login profile of IAM's.
    expect(await failure(root.send(new GetLoginProfileCommand({})))).toMatchObject({ name: "ValidationError", message: "Must specify userName when calling with root credentials" });
  });
});
