import { db } from "@/lib/db";
import { createSession } from "@/lib/auth/sessions";
import { sessionCookieName } from "@/lib/auth/sessions";

/**
 * Console sessions for API tests, written straight through lib/auth/sessions (no sign-in page):
 * `await sessionCookie({ accountId })` is the account's root user, `{ accountId, userName }` an
 * IAM user. Each answers a Cookie header value.
 */
const FACTS = { sourceIp: "127.0.0.1", userAgent: "vitest", secure: false };
const rootTokens = new Map<string, string>();

export async function sessionCookie(who: { accountId: string; userName?: string; mfa?: boolean; mustChangePassword?: boolean }): Promise<string> {
  const cacheable = !who.userName && !who.mfa && !who.mustChangePassword;
  if (cacheable) {
    const kept = rootTokens.get(who.accountId);
    if (kept && (await db().session.count({ where: { accountId: who.accountId, userId: null } })) > 0) return `${sessionCookieName(false)}=${kept}`;
  }
  let userId: string | null = null;
  let principalArn = `arn:aws:iam::${who.accountId}:root`;
  if (who.userName) {
    const user = await db().user.findFirstOrThrow({ where: { accountId: who.accountId, nameLower: who.userName.toLowerCase() }, select: { id: true, arn: true } });
    userId = user.id;
    principalArn = user.arn;
  }
  const { token } = await createSession({ accountId: who.accountId, userId, principalArn, mfaAt: who.mfa ? new Date() : null, mustChangePassword: who.mustChangePassword ?? false, facts: FACTS });
  if (cacheable) rootTokens.set(who.accountId, token);
  return `${sessionCookieName(false)}=${token}`;
}

/** The account a request with these path parameters acts in, when they name one. */
export const accountOfParams = (params: unknown): string | undefined => {
  const value = typeof params === "object" && params !== null ? (params as { accountId?: unknown }).accountId : undefined;
  return typeof value === "string" && /^\d{12}$/.test(value) ? value : undefined;
};
