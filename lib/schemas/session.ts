import { z } from "./zod";
import { strictObject } from "@/lib/schemas/strict";
import { NAME_CHARS } from "@/lib/schemas/common";
import type { RecentRoleView, RoleSessionView } from "@/lib/schemas/switch-role";

// Console sign-in as the AWS sign-in page has it: an IAM user gives the account (its 12-digit ID
// or its alias), a user name and a password; the root user gives the account's root email and
// password. Either then gives the code of its MFA device when it has one.
// https://docs.aws.amazon.com/signin/latest/userguide/introduction-to-iam-user-sign-in-tutorial.html

/** ChangePassword's NewPassword: 1 to 128 characters (IAM API reference). */
const MAX_PASSWORD = 128;

const password = (field: string) =>
  z.string({ error: `${field} is required.` }).min(1, `${field} is required.`).max(MAX_PASSWORD, `${field} must be at most ${MAX_PASSWORD} characters.`);

export const signInBody = strictObject({
  account: z
    .string({ error: "Account ID or alias must be text." })
    .trim()
    .min(1, "Account ID or alias is required.")
    .max(63, "Account ID or alias must be at most 63 characters.")
    .transform((account) => account.toLowerCase())
    .optional(),
  userName: z
    .string({ error: "User name must be text." })
    .trim()
    .min(1, "User name is required.")
    .max(64, "User name must be at most 64 characters.")
    .regex(NAME_CHARS, "User name may contain only letters, digits and + = , . @ _ - (no spaces).")
    .optional(),
  rootEmail: z
    .string({ error: "Root user email address must be text." })
    .trim()
    .min(3, "Root user email address is required.")
    .max(254, "Root user email address must be at most 254 characters.")
    .regex(/^[^\s@]+@[^\s@]+$/, "Enter the root user's email address (name@example.com).")
    .optional(),
  password: password("Password"),
  mfaCode: z
    .string({ error: "MFA code must be text." })
    .trim()
    .regex(/^\d{6}$/, "MFA code must be the 6 digits your authenticator app shows.")
    .optional(),
}).superRefine((body, ctx) => {
  if (body.rootEmail !== undefined) {
    for (const field of ["account", "userName"] as const) {
      if (body[field] !== undefined) ctx.addIssue({ code: "custom", path: [field], message: "Sign in either as the root user (root email) or as an IAM user (account and user name), not both." });
    }
    return;
  }
  if (body.account === undefined) ctx.addIssue({ code: "custom", path: ["account"], message: "Account ID or alias is required." });
  if (body.userName === undefined) ctx.addIssue({ code: "custom", path: ["userName"], message: "User name is required." });
});

export type SignInBody = z.infer<typeof signInBody>;

export const changePasswordBody = strictObject({
  oldPassword: password("Current password"),
  newPassword: password("New password"),
});

export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

/** Who a session acts as, as the header shows it (GET /api/v1/session). */
export interface SessionIdentityView {
  type: "Root" | "IAMUser" | "AssumedRole";
  /** The acting ARN (an assumed-role session's ARN while a role is in use). */
  arn: string;
  /** The account acted in (the role's while a role is in use). */
  accountId: string;
  accountAlias: string | null;
  /** The signed-in user's name; null for the root user. */
  userName: string | null;
  signedInArn: string;
  signedInAccountId: string;
  signedInAccountAlias: string | null;
  /** Signed in with MFA. */
  mfa: boolean;
  role: RoleSessionView | null;
}

export interface SessionView {
  identity: SessionIdentityView;
  mustChangePassword: boolean;
  /** When the session ends if unused from now on (8 hours idle, 12 hours in all); null for a signed request. */
  expiresAt: string | null;
  recentRoles: RecentRoleView[];
}

/** A demo person whose documented password still works, offered on the sign-in page to the console's own machine. */
export interface DemoSignIn {
  kind: "user" | "root";
  accountId: string;
  alias: string;
  /** The IAM user's name; null for the root user. */
  userName: string | null;
  /** The root user's email; null for an IAM user. */
  rootEmail: string | null;
  password: string;
  /** The sign-in will ask for an MFA code (carol's device). */
  mfa: boolean;
}
