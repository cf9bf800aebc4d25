import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { accountOfParams, sessionCookie } from "@/tests/support/session";
import { freshAccount } from "@/tests/support/identity";

type Handler<P> = (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>;

export interface RawAnswer {
  status: number;
  headers: Headers;
  /** The parsed JSON body, the raw text when it is not JSON, null when empty. */
  body: unknown;
}

export interface RawInit {
  body?: BodyInit;
  headers?: Record<string, string>;
  /**
   * Who calls: by default the root user of the account in the path parameters (root may do
   * anything in its own account), else of a shared test account; "anonymous" sends no
   * credentials; a string is a Cookie header value (tests/support/session.ts).
   */
  as?: "anonymous" | string;
}

let defaultAccount: Promise<string> | undefined;

/**
 * Makes the shared account of calls without an account in their path now, so a test counting
 * rows around such a call does not see it made (it logs a CreateAccount change).
 */
export const warmDefaultCaller = async (): Promise<void> => {
  await defaultCookie({});
};

/** The root session a call is made with unless the test says otherwise. */
async function defaultCookie<P>(params: P): Promise<string> {
  const accountId = accountOfParams(params) ?? (await (defaultAccount ??= freshAccount()));
  return sessionCookie({ accountId });
}

/**
 * Calls a route handler with exactly the body and headers given (no JSON content type added),
 * for requests an attacker would craft.
 */
export async function callRaw<P>(
  handler: Handler<P>,
  method: string,
  path: string,
  params: P,
  init: RawInit = {},
): Promise<RawAnswer> {
  const headers = { ...init.headers };
  const hasCredentials = Object.keys(headers).some((name) => name.toLowerCase() === "cookie" || name.toLowerCase() === "authorization");
  if (init.as !== "anonymous" && !hasCredentials) headers.cookie = init.as ?? (await defaultCookie(params));
  const request = new NextRequest(new URL(path, "http://localhost"), {
    method,
    body: init.body,
    headers,
    ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as ConstructorParameters<typeof NextRequest>[1]);
  const res = await handler(request, { params: Promise.resolve(params) });
  const text = await res.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: res.status, headers: res.headers, body };
}

/** The error code of an API error body. */
export function errorCode(answer: RawAnswer): unknown {
  const body = answer.body as { error?: { code?: unknown } } | null;
  return body?.error?.code;
}

/** How many change events and entities exist now: equal before and after means nothing was written. */
export async function snapshotCounts(): Promise<Record<string, number>> {
  const client = db();
  const counts = await Promise.all([
    client.changeEvent.count(),
    client.user.count(),
    client.group.count(),
    client.role.count(),
    client.policy.count(),
    client.policyVersion.count(),
    client.userInlinePolicy.count(),
    client.groupInlinePolicy.count(),
    client.roleInlinePolicy.count(),
    client.userPolicyAttachment.count(),
    client.groupPolicyAttachment.count(),
    client.rolePolicyAttachment.count(),
    client.userTag.count(),
    client.roleTag.count(),
    client.accessKey.count(),
  ]);
  const names = ["changes", "users", "groups", "roles", "policies", "versions", "userInline", "groupInline", "roleInline", "userAttachments", "groupAttachments", "roleAttachments", "userTags", "roleTags", "accessKeys"];
  return Object.fromEntries(names.map((name, i) => [name, counts[i]]));
}

/**
 * Runs the hostile call and, once it has started, an ordinary GET; both must be answered. The
 * GET is started on the next turn of the event loop, so a hostile call that blocks the loop
 * delays it, and `getFirst` says whether the GET was answered before the hostile call was.
 */
export async function withConcurrentGet<T>(
  hostile: () => Promise<T>,
  ordinary: () => Promise<{ status: number }>,
): Promise<{ result: T; ordinaryStatus: number; getFirst: boolean }> {
  let hostileDone = false;
  const running = hostile().finally(() => {
    hostileDone = true;
  });
  const get = new Promise<{ status: number; beforeHostile: boolean }>((resolve, reject) => {
    setImmediate(() => {
      ordinary().then((answer) => resolve({ status: answer.status, beforeHostile: !hostileDone }), reject);
    });
  });
  const [result, answer] = await Promise.all([running, get]);
  return { result, ordinaryStatus: answer.status, getFirst: answer.beforeHostile };
}
