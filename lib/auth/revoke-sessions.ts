import "server-only";
import { db } from "@/lib/db";
import { findUserOrThrow } from "@/lib/data/lookup";
import { deleteSessionsOf } from "@/lib/auth/sessions";
import { clearThrottle, lockedUntil } from "@/lib/auth/throttle-store";

/** An administrator's revoke: every console session of the user ends now. */
export async function revokeUserSessions(accountId: string, userName: string): Promise<{ userName: string; sessionsEnded: number }> {
  const user = await findUserOrThrow(db(), accountId, userName);
  return { userName: user.name, sessionsEnded: await deleteSessionsOf({ userId: user.id }) };
}

/** An administrator's unlock: the user's failed sign-ins are forgotten and any lockout ends now. */
export async function unlockUserSignIn(accountId: string, userName: string, now: Date = new Date()): Promise<{ userName: string; wasLocked: boolean }> {
  const user = await findUserOrThrow(db(), accountId, userName);
  const wasLocked = (await lockedUntil(user.arn, now.getTime())) !== null;
  await clearThrottle(user.arn);
  return { userName: user.name, wasLocked };
}
