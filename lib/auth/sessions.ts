import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Session } from "@/lib/generated/prisma/client";
import type { Identity, RequestFacts } from "@/lib/auth/identity";

/**
 * Console sessions, kept in the database: the cookie carries 32 random bytes, the row only their
 * SHA-256, so a copy of the database signs nobody in. A session ends 8 hours after its last use
 * or 12 hours after sign-in, whichever is first (the AWS console's limit for IAM users).
 */

export const IDLE_MS = 8 * 60 * 60 * 1000;
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often per session: reads stay reads. */
const TOUCH_MS = 60 * 1000;

export { sessionCookieName, SESSION_COOKIE_NAMES } from "@/lib/auth/session-names";

export const hashSessionToken = (token: string): string => createHash("sha256").update(token).digest("base64url");

export interface NewSession {
  accountId: string;
  /** The IAM user's id (AIDA…); null for the root user. */
  userId: string | null;
  principalArn: string;
  mfaAt: Date | null;
  mustChangePassword: boolean;
  facts: RequestFacts;
}

/** Starts a session; answers the cookie's value (the only place the token exists) and its expiry. */
export async function createSession(input: NewSession, now: Date = new Date()): Promise<{ token: string; expiresAt: Date; idHash: string }> {
  const token = randomBytes(32).toString("base64url");
  const idHash = hashSessionToken(token);
  const expiresAt = new Date(now.getTime() + ABSOLUTE_MS);
  await db().session.create({
    data: {
      idHash,
      accountId: input.accountId,
      userId: input.userId,
      principalArn: input.principalArn,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      mfaAt: input.mfaAt,
      mustChangePassword: input.mustChangePassword,
      sourceIp: input.facts.sourceIp,
      userAgent: input.facts.userAgent.slice(0, 512),
    },
  });
  return { token, expiresAt, idHash };
}

/** When the session ends if unused from now on: 8 hours idle, 12 hours in all. */
export const sessionEnd = (row: Pick<Session, "lastSeenAt" | "expiresAt">): Date =>
  new Date(Math.min(row.lastSeenAt.getTime() + IDLE_MS, row.expiresAt.getTime()));

/**
 * The live session of a cookie's token, its last use moved to `now` (at most once a minute);
 * null when there is none or it has ended (an ended session's row is deleted).
 */
export async function readSession(token: string | undefined, now: Date = new Date()): Promise<Session | null> {
  if (!token || token.length > 100) return null;
  const idHash = hashSessionToken(token);
  const row = await db().session.findUnique({ where: { idHash } });
  if (!row) return null;
  if (sessionEnd(row).getTime() <= now.getTime()) {
    await db().session.deleteMany({ where: { idHash } });
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_MS) {
    await db().session.updateMany({ where: { idHash }, data: { lastSeenAt: now } });
    row.lastSeenAt = now;
  }
  return row;
}

export async function deleteSession(idHash: string): Promise<void> {
  await db().session.deleteMany({ where: { idHash } });
}

/** Signs a principal out everywhere (their own "sign out everywhere", or an administrator's revoke). */
export async function deleteSessionsOf(principal: { userId: string } | { rootOf: string }): Promise<number> {
  // By the user's unique id (a new path changes the ARN, not the user), or the account's root.
  const where = "userId" in principal ? { userId: principal.userId } : { accountId: principal.rootOf, userId: null };
  const { count } = await db().session.deleteMany({ where });
  return count;
}

const lastSegment = (arn: string) => arn.slice(arn.lastIndexOf("/") + 1);

/** Who a live session acts as: its signed-in principal, or the role it switched to while that lasts. */
export function sessionIdentity(row: Session, now: Date = new Date()): Identity {
  const signedIn =
    row.userId === null
      ? { type: "Root" as const, accountId: row.accountId, arn: row.principalArn, userName: null, userId: row.accountId }
      : { type: "IAMUser" as const, accountId: row.accountId, arn: row.principalArn, userName: lastSegment(row.principalArn), userId: row.userId };
  const base = { signedIn, mfaAt: row.mfaAt, accessKeyId: null, sessionIdHash: row.idHash };
  const roleLive = row.roleArn && row.roleId && row.roleSessionName && row.roleIssuedAt && row.roleExpiresAt && row.roleExpiresAt.getTime() > now.getTime();
  if (roleLive) {
    const roleAccount = row.roleArn!.split(":")[4];
    const roleName = lastSegment(row.roleArn!);
    return {
      ...base,
      type: "AssumedRole",
      accountId: roleAccount,
      arn: `arn:aws:sts::${roleAccount}:assumed-role/${roleName}/${row.roleSessionName}`,
      userId: `${row.roleId}:${row.roleSessionName}`,
      role: {
        roleArn: row.roleArn!,
        roleName,
        roleId: row.roleId!,
        accountId: roleAccount,
        sessionName: row.roleSessionName!,
        displayName: row.roleDisplayName ?? `${roleName} @ ${roleAccount}`,
        color: row.roleColor ?? "",
        issuedAt: row.roleIssuedAt!,
        expiresAt: row.roleExpiresAt!,
      },
      tokenIssuedAt: row.roleIssuedAt!,
    };
  }
  return { ...base, type: signedIn.type, accountId: signedIn.accountId, arn: signedIn.arn, userId: signedIn.userId, role: null, tokenIssuedAt: row.createdAt };
}
