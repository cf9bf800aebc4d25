import { sessionCookieName, SESSION_COOKIE_NAMES } from "@/lib/auth/session-names";

/**
 * The console session's cookie: HttpOnly (no script reads it), SameSite=Lax (other sites' forms
 * and scripts do not send it; lib/api/guard.ts refuses their writes as well), Path=/, and over
 * HTTPS Secure with the __Host- prefix (no Domain, so no sibling host can set or read it). It
 * lives until the session's 12-hour end; the 8-hour idle end is the server's to enforce.
 */
export function sessionSetCookie(token: string, expiresAt: Date, secure: boolean, now: Date = new Date()): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return [`${sessionCookieName(secure)}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAge}`, ...(secure ? ["Secure"] : [])].join("; ");
}

/** Cookies that forget the session: both names over HTTPS, the plain one otherwise (a browser refuses a __Host- cookie without Secure). */
export function clearedSessionCookies(secure: boolean): string[] {
  const names = secure ? SESSION_COOKIE_NAMES : SESSION_COOKIE_NAMES.filter((name) => !name.startsWith("__Host-"));
  return names.map((name) => [`${name}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0", ...(name.startsWith("__Host-") ? ["Secure"] : [])].join("; "));
}
