import "server-only";
import { z } from "@/lib/schemas/zod";
import { userName } from "@/lib/schemas/common";
import type { LoginProfile } from "@/lib/schemas/credentials";
import { accountRootArn } from "@/lib/arn";
import { onUser } from "@/lib/api/operations";
import { recordAudit } from "@/lib/auth/audit";
import { changeOwnPassword } from "@/lib/auth/change-password";
import type { Caller } from "@/lib/auth/caller";
import { deleteLoginProfile } from "@/lib/data/delete-login-profile";
import { getLoginProfile } from "@/lib/data/get-login-profile";
import { putLoginProfile } from "@/lib/data/put-login-profile";
import { accountOf, awsOperation, type SomeAwsOperation } from "@/lib/aws/operation";
import { awsBoolean } from "@/lib/aws/inputs";
import { when } from "@/lib/aws/shapes";
import { subjectUserName } from "@/lib/aws/iam/credential-caller";
import { httpError } from "@/lib/errors";

/**
 * IAM's console-password operations (IAM API Reference: CreateLoginProfile, GetLoginProfile,
 * UpdateLoginProfile, DeleteLoginProfile, ChangePassword), authorized on the user as the console's
 * login-profile route is, done by the same lib/data functions (the account's password policy and
 * reuse prevention apply: PasswordPolicyViolation). Passwords never reach the audit trail: the
 * trail hides parameters named like password (lib/api/audit-shape.ts).
 */

/** Password, OldPassword, NewPassword: 1 to 128 characters (the API Reference's passwordType). */
const password = (name: string) => z.string().min(1, `${name} cannot be empty.`).max(128, `${name} must be at most 128 characters.`);

/** The LoginProfile data type. */
const profileOut = (profile: LoginProfile) => ({ UserName: profile.userName, CreateDate: when(profile.passwordSetAt), PasswordResetRequired: profile.passwordResetRequired });

const onProfileUser = (caller: Caller, given: string | undefined, action: string) => onUser({ accountId: accountOf(caller), userName: subjectUserName(given, caller) }, action);

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateLoginProfile.html */
const createLoginProfileOperation = awsOperation({
  service: "iam",
  action: "CreateLoginProfile",
  input: z.object({ UserName: userName.optional(), Password: password("Password"), PasswordResetRequired: awsBoolean.optional() }),
  authorize: (input, caller) => onProfileUser(caller, input.UserName, "iam:CreateLoginProfile"),
  run: async (input, caller) => {
    const account = accountOf(caller);
    const name = subjectUserName(input.UserName, caller);
    // putLoginProfile creates or updates; CreateLoginProfile only creates (checked in its transaction).
    const profile = await putLoginProfile(account, name, { password: input.Password, passwordResetRequired: input.PasswordResetRequired ?? false }, "create");
    return { LoginProfile: profileOut(profile) };
  },
});

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetLoginProfile.html */
const getLoginProfileOperation = awsOperation({
  service: "iam",
  action: "GetLoginProfile",
  readOnly: true,
  input: z.object({ UserName: userName.optional() }),
  authorize: (input, caller) => onProfileUser(caller, input.UserName, "iam:GetLoginProfile"),
  run: async (input, caller) => ({ LoginProfile: profileOut(await getLoginProfile(accountOf(caller), subjectUserName(input.UserName, caller))) }),
});

/**
 * UpdateLoginProfile changes an existing console password or its reset flag; a user without one
 * is NoSuchEntity (it never creates one). Given neither, it is refused as the console's own API
 * refuses it (lib/schemas/credentials.ts loginProfileBody): nothing would change.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateLoginProfile.html
 */
const updateLoginProfileOperation = awsOperation({
  service: "iam",
  action: "UpdateLoginProfile",
  input: z
    .object({ UserName: userName, Password: password("Password").optional(), PasswordResetRequired: awsBoolean.optional() })
    .refine((input) => input.Password !== undefined || input.PasswordResetRequired !== undefined, { message: "Give Password or PasswordResetRequired (or both) to change.", path: ["Password"] }),
  authorize: (input, caller) => onUser({ accountId: accountOf(caller), userName: input.UserName }, "iam:UpdateLoginProfile"),
  run: async (input, caller) => {
    const account = accountOf(caller);
    // NoSuchEntity in AWS's words when there is none (checked in its transaction).
    await putLoginProfile(account, input.UserName, { password: input.Password, passwordResetRequired: input.PasswordResetRequired }, "update");
    return null;
  },
});

/** https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteLoginProfile.html */
const deleteLoginProfileOperation = awsOperation({
  service: "iam",
  action: "DeleteLoginProfile",
  input: z.object({ UserName: userName.optional() }),
  authorize: (input, caller) => onProfileUser(caller, input.UserName, "iam:DeleteLoginProfile"),
  run: async (input, caller) => {
    const account = accountOf(caller);
    const name = subjectUserName(input.UserName, caller);
    // Read first for AWS's words when the user has no password (the data layer's are the console's).
    await getLoginProfile(account, name);
    await deleteLoginProfile(account, name);
    return null;
  },
});

/**
 * ChangePassword: the calling IAM user's own password, as the console's "Change password" does it
 * (lib/auth/change-password.ts: the engine decides iam:ChangePassword on the user, or the
 * account's AllowUsersToChangePassword grants it; the password policy applies), which writes its
 * own audit record. Root credentials are refused with InvalidUserType: "Only IAM users can
 * change their own password" (the root user's password is not IAM's).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ChangePassword.html
 */
const changePasswordOperation = awsOperation({
  service: "iam",
  action: "ChangePassword",
  auditsItself: true,
  input: z.object({ OldPassword: password("OldPassword"), NewPassword: password("NewPassword") }),
  authorize: () => [],
  run: async (input, caller) => {
    const { identity, facts } = caller;
    if (identity.type === "Root" && !identity.role) {
      const error = httpError("InvalidUserType", "Only IAM users can change their own password with ChangePassword; the root user's password is changed in its account settings.");
      await recordAudit({
        accountId: identity.accountId,
        eventSource: "iam.amazonaws.com",
        eventName: "ChangePassword",
        identity,
        facts,
        resourceArn: accountRootArn(identity.accountId),
        errorCode: error.code,
        errorMessage: error.message,
      });
      throw error;
    }
    await changeOwnPassword(caller, { oldPassword: input.OldPassword, newPassword: input.NewPassword });
    return null;
  },
});

export const loginProfileOperations: SomeAwsOperation[] = [
  createLoginProfileOperation,
  getLoginProfileOperation,
  updateLoginProfileOperation,
  deleteLoginProfileOperation,
  changePasswordOperation,
];
