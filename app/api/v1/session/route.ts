import { z } from "@/lib/schemas/zod";
import { apiRoute, methodsNotAllowed } from "@/lib/api/route";
import { recordAudit } from "@/lib/auth/audit";
import { requestFacts, sessionToken } from "@/lib/auth/authenticate";
import { clearedSessionCookies, sessionSetCookie } from "@/lib/auth/session-cookie";
import { deleteSession, deleteSessionsOf, hashSessionToken } from "@/lib/auth/sessions";
import { sessionView, viewOfSession } from "@/lib/auth/session-view";
import { signIn } from "@/lib/auth/sign-in";
import { signInBody } from "@/lib/schemas/session";
import { strictObject } from "@/lib/schemas/strict";

// The console session. POST signs in (public: it is how an identity is had), answering the
// session and setting its cookie (lib/auth/session-cookie.ts); GET says who the session is;
// DELETE signs out, and with ?everywhere=true ends every session of the signed-in principal.
// GET and DELETE are answered while the session must still choose a new password.

const NO_STORE = { "Cache-Control": "no-store" };

export const POST = apiRoute(
  async ({ req, body }) => {
    const facts = requestFacts(req.headers, req.url);
    const previous = sessionToken((name) => req.cookies.get(name)?.value);
    const signedIn = await signIn(body, facts, new URL("/", req.url).href);
    // Signing in again replaces the session this browser had.
    if (previous) await deleteSession(hashSessionToken(previous));
    const response = Response.json(await viewOfSession(signedIn.identity, signedIn.row), { headers: NO_STORE });
    response.headers.append("Set-Cookie", sessionSetCookie(signedIn.token, signedIn.row.expiresAt, facts.secure, signedIn.row.createdAt));
    return response;
  },
  { access: "public", body: signInBody },
);

export const GET = apiRoute(async ({ caller }) => Response.json(await sessionView(caller.identity), { headers: NO_STORE }), {
  access: "signed-in",
  duringPasswordReset: true,
});

const signOutQuery = strictObject({
  everywhere: z.enum(["true", "false"], 'everywhere must be "true" or "false".').optional(),
});

export const DELETE = apiRoute(
  async ({ caller, query }) => {
    const { identity, facts } = caller;
    const everywhere = query.everywhere === "true";
    let ended = 0;
    if (everywhere) ended = await deleteSessionsOf(identity.signedIn.type === "Root" ? { rootOf: identity.signedIn.accountId } : { userId: identity.signedIn.userId });
    else if (identity.sessionIdHash) {
      await deleteSession(identity.sessionIdHash);
      ended = 1;
    }
    await recordAudit({
      accountId: identity.signedIn.accountId,
      eventSource: "signin.amazonaws.com",
      eventName: "SignOut",
      eventType: "AwsConsoleSignIn",
      identity,
      facts,
      requestParameters: everywhere ? { everywhere: true } : null,
      responseElements: { SignOut: "Success" },
      additionalEventData: { SessionsEnded: ended },
    });
    const response = new Response(null, { status: 204, headers: NO_STORE });
    for (const cookie of clearedSessionCookies(facts.secure)) response.headers.append("Set-Cookie", cookie);
    return response;
  },
  { access: "signed-in", duringPasswordReset: true, query: signOutQuery },
);

export const { PUT, PATCH } = methodsNotAllowed({ GET, POST, DELETE });
