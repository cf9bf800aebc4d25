import { z } from "./zod";
import { strictObject } from "@/lib/schemas/strict";

// Switch role, as the AWS Management Console's form has it: account (ID or alias), role name
// (with its path, if any), an optional display name and one of the console's five colors.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-console.html

/** The console's palette for switched roles: its names and the hex values it uses. */
export const ROLE_COLORS = [
  { name: "red", label: "Red", hex: "#F2B0A9" },
  { name: "orange", label: "Orange", hex: "#FBBF93" },
  { name: "yellow", label: "Yellow", hex: "#FAD791" },
  { name: "green", label: "Green", hex: "#B7CA9D" },
  { name: "blue", label: "Blue", hex: "#99BCE3" },
] as const;

export type RoleColor = (typeof ROLE_COLORS)[number]["name"];
export const ROLE_COLOR_NAMES = ROLE_COLORS.map((color) => color.name) as [RoleColor, ...RoleColor[]];

/** The hex of a stored color name; null for none (or a name the palette no longer has). */
export const roleColorHex = (name: string | null | undefined): string | null => ROLE_COLORS.find((color) => color.name === name)?.hex ?? null;

/** "The combined Path and RoleName cannot exceed 64 characters" for the console's Switch Role. */
export const MAX_SWITCH_ROLE_NAME = 64;
export const MAX_DISPLAY_NAME = 64;

export const switchRoleBody = strictObject({
  account: z
    .string({ error: "Account is required: its 12-digit ID or its alias." })
    .trim()
    .min(1, "Account is required: its 12-digit ID or its alias.")
    .max(63, "Account must be a 12-digit ID or an alias of at most 63 characters.")
    .regex(/^(\d{12}|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)$/, "Account must be a 12-digit account ID or an account alias (lower-case letters, digits and hyphens)."),
  roleName: z
    .string({ error: "Role name is required." })
    .trim()
    .min(1, "Role name is required.")
    .max(MAX_SWITCH_ROLE_NAME, `Role name (with its path) must be at most ${MAX_SWITCH_ROLE_NAME} characters.`)
    .regex(/^[\w+=,.@-]+(\/[\w+=,.@-]+)*$/, "Role name may contain only letters, digits and + = , . @ _ -, with its path before it (for example team/RoleName)."),
  displayName: z
    .string({ error: "Display name must be text." })
    .trim()
    .max(MAX_DISPLAY_NAME, `Display name must be at most ${MAX_DISPLAY_NAME} characters.`)
    .regex(/^\P{Cc}*$/u, "Display name cannot contain control characters.")
    .optional(),
  color: z.enum(ROLE_COLOR_NAMES, `Color must be one of ${ROLE_COLOR_NAMES.join(", ")}.`).optional(),
});
export type SwitchRoleInput = z.infer<typeof switchRoleBody>;

/** A role the session acts as, as the header and the account menu show it. */
export interface RoleSessionView {
  roleArn: string;
  roleName: string;
  /** The role's path and name as the Switch Role form takes them ("team/RoleName"). */
  roleNameWithPath: string;
  accountId: string;
  accountAlias: string | null;
  sessionName: string;
  displayName: string;
  color: RoleColor | null;
  colorHex: string | null;
  issuedAt: string;
  expiresAt: string;
}

/** One of the five roles last switched to, for one click. */
export interface RecentRoleView {
  roleArn: string;
  roleName: string;
  /** The role's path and name as the form takes it ("team/RoleName"). */
  roleNameWithPath: string;
  accountId: string;
  accountAlias: string | null;
  displayName: string;
  color: RoleColor | null;
  colorHex: string | null;
  usedAt: string;
}

/** GET /api/v1/session/role: who is signed in, the role in use (or the one that just ended), the history. */
export interface RoleSessionState {
  signedIn: { type: "Root" | "IAMUser"; arn: string; accountId: string; accountAlias: string | null; userName: string | null };
  role: RoleSessionView | null;
  /** A role session that ended by itself (its hour is over): the session is back to the signed-in user. */
  expiredRole: RoleSessionView | null;
  recentRoles: RecentRoleView[];
}
