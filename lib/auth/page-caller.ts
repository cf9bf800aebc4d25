import "server-only";
import { cookies, headers } from "next/headers";
import { requestFacts, sessionCaller, sessionToken } from "@/lib/auth/authenticate";
import type { Caller } from "@/lib/auth/caller";

/**
 * Who is looking at a server-rendered page: its console session's caller, or null (no session,
 * or one that has ended). Pages that load data for the caller (the catalog's policy lists) start
 * here, as /api/v1 starts at lib/api/route.ts.
 */
export async function pageCaller(): Promise<Caller | null> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const who = await sessionCaller(sessionToken((name) => cookieStore.get(name)?.value));
  // A session that must still choose a new password reads nothing, here as at /api/v1.
  if (!who || who.mustChangePassword) return null;
  // Pages are served over the console's own origin; the proxy passes the scheme on.
  const host = headerList.get("host") ?? "localhost";
  return { identity: who.identity, facts: requestFacts(headerList, `http://${host}/`) };
}
