import { NextResponse, type NextRequest } from "next/server";
import { guardRequest, type Refusal } from "@/lib/api/guard";
import { contentSecurityPolicy, escapeHtml, newNonce } from "@/lib/api/page-security";
import { errorResponse } from "@/lib/errors";
import { PAGE_PATH_HEADER, SESSION_COOKIE_NAMES } from "@/lib/auth/session-names";

/** Pages anyone may open: the sign-in page itself. */
const PUBLIC_PAGES = new Set(["/signin"]);

/**
 * Every page request passes the console's door checks (host, method, path encoding, cross-site
 * writes) and is answered with a Content-Security-Policy carrying a fresh nonce, which Next
 * applies to its own scripts. /api has the same checks in apiRoute, where the body is read as a
 * stream under its own limits (a proxy would buffer it first). A page asked for without a
 * session cookie is sent to the sign-in page, which sends it back after; whether the session is
 * still alive is for the root layout to check (app/layout.tsx), as this check reads no database.
 */
export function proxy(request: NextRequest) {
  const refusal = guardRequest(request.method, request.url, request.headers);
  if (refusal) return refusalPage(refusal, request.nextUrl.pathname);

  const { pathname, search } = request.nextUrl;
  // /aws is the AWS CLI's and SDKs' endpoint: signed requests, never sent to the sign-in page.
  const page = !pathname.startsWith("/api/") && !pathname.startsWith("/_next/") && pathname !== "/aws";
  if (page && !PUBLIC_PAGES.has(pathname) && !SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name))) {
    const signIn = new URL("/signin", request.url);
    if (pathname !== "/" || search) signIn.searchParams.set("next", pathname + search);
    return NextResponse.redirect(signIn, { headers: { "Cache-Control": "no-store" } });
  }

  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  requestHeaders.set(PAGE_PATH_HEADER, pathname + search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

function refusalPage(refusal: Refusal, pathname: string): Response {
  // The API's refusals keep the API's JSON error shape (bodyless requests reach the proxy too).
  if (pathname.startsWith("/api/") || pathname === "/aws") {
    const response = errorResponse(refusal);
    response.headers.set("Cache-Control", "no-store");
    return response;
  }
  const headers = { ...refusal.headers, "Cache-Control": "no-store" };
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${refusal.status} · IAM Console</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><h1>The console cannot answer this request</h1><p>${escapeHtml(refusal.message)}</p><p><a href="/">Go to the accounts</a></p></body></html>`;
  return new Response(html, {
    status: refusal.status,
    headers: { ...headers, "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'" },
  });
}

export const config = {
  matcher: [
    // Pages, and bodyless /api requests (a TRACE, a malformed path) so they too get the door's
    // answer; requests with a body skip the proxy, which would buffer it, and meet apiRoute.
    // Static files (Next's chunks, the editor's hashed catalog) need neither.
    {
      source: "/((?!_next/static|_next/image|catalog/[0-9a-f]{16}/|catalog/manifest\\.json|icon\\.svg).*)",
      missing: [
        { type: "header", key: "content-length" },
        { type: "header", key: "transfer-encoding" },
      ],
    },
  ],
};
