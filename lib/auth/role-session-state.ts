import "server-only";
import { db } from "@/lib/db";
import { aliasOrNull } from "@/lib/data/account-alias";
import type { Session } from "@/lib/generated/prisma/client";
import { roleColorHex, ROLE_COLOR_NAMES, type RecentRoleView, type RoleColor, type RoleSessionState, type RoleSessionView } from "@/lib/schemas/switch-role";

/**
 * What a console session shows of switch role: who signed in, the role in use (or the one whose
 * hour just ended: the session is back to the signed-in user and the header says so), and the
 * five roles last switched to ("Role history" in the AWS console's account menu).
 */

/** The AWS console remembers the last five roles switched to. */
export const RECENT_ROLES = 5;

/** The last segment of a user or role ARN: its name (the path comes before). */
const roleNameOf = (arn: string) => arn.slice(arn.lastIndexOf("/") + 1);
/** The role's path and name as the Switch Role form takes them: "team/RoleName" or "RoleName". */
const roleNameWithPathOf = (arn: string) => arn.slice(arn.indexOf(":role/") + ":role/".length);
const accountOf = (arn: string) => arn.split(":")[4] ?? "";
const asColor = (name: string | null): RoleColor | null => (ROLE_COLOR_NAMES as readonly string[]).includes(name ?? "") ? (name as RoleColor) : null;

/** Account aliases by id, in one query; an account without an alias (DeleteAccountAlias) has none here. */
async function aliasesOf(accountIds: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return new Map();
  const rows = await db().account.findMany({ where: { id: { in: ids } }, select: { id: true, alias: true } });
  const aliases = new Map<string, string>();
  for (const row of rows) {
    const alias = aliasOrNull(row);
    if (alias !== null) aliases.set(row.id, alias);
  }
  return aliases;
}

/** The name the header shows by default: "RoleName @ acme-security" (the account's ID without an alias). */
export const defaultDisplayName = (roleName: string, accountId: string, alias: string | null | undefined): string => `${roleName} @ ${alias ?? accountId}`;

function roleView(row: Session, aliases: Map<string, string>): RoleSessionView | null {
  if (!row.roleArn || !row.roleSessionName || !row.roleIssuedAt || !row.roleExpiresAt) return null;
  const accountId = accountOf(row.roleArn);
  const roleName = roleNameOf(row.roleArn);
  const color = asColor(row.roleColor);
  return {
    roleArn: row.roleArn,
    roleName,
    roleNameWithPath: roleNameWithPathOf(row.roleArn),
    accountId,
    accountAlias: aliases.get(accountId) ?? null,
    sessionName: row.roleSessionName,
    displayName: row.roleDisplayName || defaultDisplayName(roleName, accountId, aliases.get(accountId)),
    color,
    colorHex: roleColorHex(color),
    issuedAt: row.roleIssuedAt.toISOString(),
    expiresAt: row.roleExpiresAt.toISOString(),
  };
}

/** The five roles `principalArn` switched to last, newest first. */
export async function recentRoles(principalArn: string): Promise<RecentRoleView[]> {
  const rows = await db().recentRole.findMany({ where: { principalArn }, orderBy: { usedAt: "desc" }, take: RECENT_ROLES });
  const aliases = await aliasesOf(rows.map((row) => accountOf(row.roleArn)));
  return rows.map((row) => {
    const accountId = accountOf(row.roleArn);
    const color = asColor(row.color);
    return {
      roleArn: row.roleArn,
      roleName: roleNameOf(row.roleArn),
      roleNameWithPath: roleNameWithPathOf(row.roleArn),
      accountId,
      accountAlias: aliases.get(accountId) ?? null,
      displayName: row.displayName,
      color,
      colorHex: roleColorHex(color),
      usedAt: row.usedAt.toISOString(),
    };
  });
}

/** Remembers a switch: the role moves to the top of the history, which keeps five. */
export async function rememberRole(principalArn: string, roleArn: string, displayName: string, color: string, now: Date): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.recentRole.upsert({
      where: { principalArn_roleArn: { principalArn, roleArn } },
      create: { principalArn, roleArn, displayName, color, usedAt: now },
      update: { displayName, color, usedAt: now },
    });
    const older = await tx.recentRole.findMany({ where: { principalArn }, orderBy: { usedAt: "desc" }, skip: RECENT_ROLES, select: { roleArn: true } });
    if (older.length > 0) await tx.recentRole.deleteMany({ where: { principalArn, roleArn: { in: older.map((row) => row.roleArn) } } });
  });
}

/** The session's switch-role state at `now`. */
export async function roleSessionState(row: Session, now: Date = new Date()): Promise<RoleSessionState> {
  const recent = await recentRoles(row.principalArn);
  const aliases = await aliasesOf([row.accountId, ...(row.roleArn ? [accountOf(row.roleArn)] : [])]);
  const view = roleView(row, aliases);
  const live = view !== null && row.roleExpiresAt !== null && row.roleExpiresAt.getTime() > now.getTime();
  return {
    signedIn: {
      type: row.userId === null ? "Root" : "IAMUser",
      arn: row.principalArn,
      accountId: row.accountId,
      accountAlias: aliases.get(row.accountId) ?? null,
      userName: row.userId === null ? null : roleNameOf(row.principalArn),
    },
    role: live ? view : null,
    expiredRole: live ? null : view,
    recentRoles: recent,
  };
}
