import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { sessionCaller, sessionToken, type Authenticated } from "@/lib/auth/authenticate";
import { PAGE_PATH_HEADER, SESSION_COOKIE_NAMES } from "@/lib/auth/session-names";

/** Where a page may send its visitor back to: a path of this console, never another site. */
export function safeNext(next: string | null | undefined, fallback = "/"): string {
  if (!next || !next.startsWith("/")) return fallback;
  // Parsed as the browser will parse it: "/\t/evil.example" (tabs and newlines are dropped) or
  // "/\\evil.example" lead to another origin, so only what stays on this one is kept.
  const base = "http://console.invalid";
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base || /[\u0000-\u001f\\]/.test(next)) return fallback;
  return url.pathname + url.search + url.hash;
}

/** What the header offers: nothing on the sign-in page, only sign-out while a new password is due. */
export type ShellState = "signed-out" | "must-change-password" | "signed-in";

const onPage = (path: string, page: string) => path === page || path.startsWith(`${page}?`) || path.startsWith(`${page}/`);

/**
 * The session of the page being rendered, checked as the API checks it (lib/auth/authenticate.ts):
 * without one, the visitor goes to the sign-in page, told the session ended when the browser
 * still had its cookie; a session that must choose a new password goes to /change-password for
 * any other page. The sign-in page itself is rendered either way. proxy.ts gives the page's path.
 */
export async function requirePageSession(): Promise<{ session: Authenticated | null; shell: ShellState }> {
  const path = (await headers()).get(PAGE_PATH_HEADER) ?? "/";
  const jar = await cookies();
  const session = await sessionCaller(sessionToken((name) => jar.get(name)?.value));
  if (onPage(path, "/signin")) return { session, shell: "signed-out" };
  const back = encodeURIComponent(path);
  if (!session) {
    const hadCookie = SESSION_COOKIE_NAMES.some((name) => jar.has(name));
    redirect(`/signin?next=${back}${hadCookie ? "&expired=1" : ""}`);
  }
  if (session.mustChangePassword && !onPage(path, "/change-password")) redirect(`/change-password?next=${back}`);
  return { session, shell: session.mustChangePassword ? "must-change-password" : "signed-in" };
}
