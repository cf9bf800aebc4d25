import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { errorResponse, httpError, toIamError, validationError, type IamError } from "@/lib/errors";
import { guardRequest } from "@/lib/api/guard";
import { checkDeclaredBody, declaresBody, markArrival, readBody, type BodyRules } from "@/lib/api/body";
import { isSigned, missingAuthentication, requestFacts, sessionCaller, sessionToken, signedCaller, type Authenticated } from "@/lib/auth/authenticate";
import { accessDenied, decideOperations, type Operation } from "@/lib/auth/authorize";
import { runAsCaller, type Caller } from "@/lib/auth/caller";
import { recordAudit } from "@/lib/auth/audit";
import type { Identity, RequestFacts } from "@/lib/auth/identity";
import { auditParameters, eventOf } from "@/lib/api/audit-shape";
import { asSeenBy } from "@/lib/api/operations";

/** What Next hands a route handler: the path parameters as written, before any check. */
interface RouteContext {
  params: Promise<Record<string, string>>;
}

/** What a handler is given: the request, who calls, and its inputs as its schemas parsed them. */
interface Handled<P, Q, B> {
  req: NextRequest;
  params: P;
  /** The parsed query string; undefined when the handler declares no `query` schema. */
  query: Q;
  /** The parsed JSON body; undefined (and never read) when the handler declares no `body` schema. */
  body: B;
  /** Who calls; undefined only for routes declared `access: "public"`. */
  caller: Caller;
}

/** What an `authorize` declaration is given: the parsed inputs and the caller's identity. */
export interface AuthorizeInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  identity: Identity;
}

/**
 * How a handler is let in. Every handler declares one (tests/api/door.test.ts enumerates them):
 * - `authorize`: the IAM operations it performs, each an action on a resource with its context,
 *   as AWS's API would authorize the same call; the engine decides each for the caller;
 * - `access: "signed-in"`: any authenticated caller (the service catalog, the caller's own session);
 * - `access: "public"`: no identity at all (sign-in itself).
 */
export type Door<P, Q, B> =
  | { authorize: (input: AuthorizeInput<P, Q, B>) => Operation | Operation[] | Promise<Operation | Operation[]>; access?: undefined }
  | { access: "signed-in" | "public"; authorize?: undefined };

/** How a handler is let in, as tests/api/door.test.ts reads it; "method-not-allowed" answers 405 to everyone. */
export type DoorKind = "authorize" | "signed-in" | "public" | "undeclared" | "method-not-allowed";

export interface RouteOptions<P, Q = undefined, B = undefined> {
  /** The success status; 204 sends no body. */
  status?: number;
  /**
   * The path parameters' schema: each is checked as written in the URL (AWS's name rules,
   * before any case folding), so a name that breaks them is a ValidationError naming the
   * parameter and never a look-up of another entity.
   */
  params?: z.ZodType<P>;
  /**
   * The query string's schema (reads lenient, the query of a delete strict: lib/schemas/strict.ts).
   * Every problem is listed in the ValidationError's `fields`.
   */
  query?: z.ZodType<Q>;
  /**
   * The JSON body's schema: the body must say it is JSON (415), stay within the size limit
   * (413) and arrive in time (408); malformed JSON is a ValidationError on `body`, and every
   * problem the schema finds is listed in `fields`.
   */
  body?: z.ZodType<B>;
  /** What the endpoint reads: JSON up to 1 MB unless it declares other types or a larger limit. */
  accepts?: BodyRules;
  /** The IAM operations the handler performs, or that it is open (see Door). */
  authorize?: Door<P, Q, B>["authorize"];
  access?: "signed-in" | "public";
  /** Answered while the session must still change its password (the change itself, sign-out). */
  duringPasswordReset?: boolean;
}

type RouteRun<P, Q, B> = (input: Handled<P, Q, B>) => Promise<unknown>;

const JSON_BODY: BodyRules = { types: ["application/json"] };

/** What every request must pass before its handler runs: host, origin, path, declared body. */
function guard(req: NextRequest, body: BodyRules): void {
  markArrival(req);
  const refusal = guardRequest(req.method, req.url, req.headers);
  if (refusal) throw refusal;
  if (declaresBody(req)) checkDeclaredBody(req, body);
}

async function parseParams<P>(ctx: RouteContext | undefined, schema: z.ZodType<P> | undefined): Promise<P> {
  const raw = ctx?.params ? await ctx.params : {};
  if (!schema) return raw as P;
  return schema.parse(raw);
}

/**
 * The request's JSON body parsed with `schema`. The body must say it is JSON (415 otherwise),
 * stay within the size limit (413) and arrive in time (408); malformed JSON is a ValidationError.
 */
async function readJson<B>(req: Request, schema: z.ZodType<B>, rules: BodyRules): Promise<B> {
  return parseJson(await readBody(req, rules), schema);
}

/** JSON text parsed with `schema`; malformed JSON is a ValidationError on `body`. */
function parseJson<B>(text: string, schema: z.ZodType<B>): B {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw validationError("body", "The request body must be valid JSON.");
  }
  return schema.parse(raw);
}

/** The request's query string parsed with `schema`. */
function readQuery<Q>(req: NextRequest, schema: z.ZodType<Q>): Q {
  return schema.parse(Object.fromEntries(req.nextUrl.searchParams));
}

/**
 * The one door for every /api/v1 handler: check the request (host, cross-site, path, body),
 * authenticate, authorize, parse what the handler declares (path parameters, then query, then
 * body), run, and map errors to AWS's codes and statuses. The handler returns the JSON body;
 * `status` is used on success:
 * `apiRoute(async ({ body }) => createAccount(body), { body: createAccountBody, status: 201 })`.
 */
export function apiRoute<P = Record<string, never>, Q = undefined, B = undefined>(
  run: RouteRun<P, Q, B>,
  options: RouteOptions<P, Q, B> = {},
) {
  const accepts = options.accepts ?? JSON_BODY;
  const handler = async (req: NextRequest, ctx: RouteContext): Promise<Response> => {
    let caller: Caller | undefined;
    let facts: RequestFacts | undefined;
    let operations: Operation[] = [];
    let params: P | undefined;
    let body: B | undefined;
    const isRead = req.method === "GET" || req.method === "HEAD";
    let refusedRead = false;
    try {
      guard(req, accepts);
      facts = requestFacts(req.headers, req.url);
      if (!options.authorize && options.access !== "public" && options.access !== "signed-in") {
        throw httpError("InternalError", "This endpoint declares no authorization, so it answers nobody.");
      }
      let bodyText: string | undefined;
      if (options.access !== "public") {
        let who: Authenticated | null;
        if (isSigned(req.headers)) {
          // SigV4 signs the payload: the body is read (under its limits) before the signature is checked.
          bodyText = declaresBody(req) ? await readBody(req, accepts) : "";
          who = await signedCaller(req, Buffer.from(bodyText, "utf8"));
        } else {
          who = await sessionCaller(sessionToken((name) => req.cookies.get(name)?.value));
        }
        if (!who) throw missingAuthentication();
        caller = { identity: who.identity, facts };
        if (who.mustChangePassword && !options.duringPasswordReset) {
          throw httpError("PasswordResetRequired", "You must choose a new password before using the console.");
        }
      }
      params = await parseParams(ctx, options.params);
      const query = (options.query ? readQuery(req, options.query) : undefined) as Q;
      body = (options.body ? (bodyText !== undefined ? parseJson(bodyText, options.body) : await readJson(req, options.body, accepts)) : undefined) as B;
      if (options.authorize && caller) {
        const declared = await options.authorize({ params, query, body, identity: caller.identity });
        operations = (Array.isArray(declared) ? declared : [declared]).map((operation) => asSeenBy(caller!.identity.accountId, operation));
        const verdicts = await decideOperations(caller.identity, facts, operations);
        const refused = verdicts.find((verdict) => !verdict.allowed);
        if (refused && !refused.allowed) {
          refusedRead = isRead;
          throw accessDenied(refused, caller.identity, facts);
        }
      }
      const input = { req, params, query, body, caller: caller as Caller };
      const answer = caller ? await runAsCaller(caller, () => run(input)) : await run(input);
      if (!isRead && caller && operations.length > 0) await audit(caller.identity, facts, operations, params, body, null, false);
      // A handler that must set headers of its own (sign-in's session cookie) answers a Response.
      if (answer instanceof Response) return answer;
      if (options.status === 204) return new Response(null, { status: 204 });
      return Response.json(answer ?? {}, { status: options.status ?? 200 });
    } catch (err) {
      const response = errorResponse(err);
      // Every write attempt and every refused read is in the audit trail, with its error.
      if (caller && facts && operations.length > 0 && (!isRead || refusedRead)) await audit(caller.identity, facts, operations, params, body, toIamError(err), isRead);
      return response;
    }
  };
  const door: DoorKind = options.authorize ? "authorize" : (options.access ?? "undeclared");
  return Object.assign(handler, { door });
}

/** The audit trail's record of a request through the door (also the AWS endpoint's, lib/aws/dispatch.ts). */
export async function audit(identity: Identity, facts: RequestFacts, operations: Operation[], params: unknown, body: unknown, error: IamError | null, readOnly: boolean): Promise<void> {
  const first = operations[0];
  const event = eventOf(first.action);
  await recordAudit({
    accountId: first.account,
    eventSource: event.source,
    eventName: event.name,
    // CloudTrail's readOnly: a refused read is still a read.
    readOnly,
    identity,
    facts,
    requestParameters: auditParameters(params, body),
    resourceArn: first.resource,
    errorCode: error?.code ?? null,
    errorMessage: error?.message ?? null,
  });
}

/**
 * The handlers of one route file, all with the same path parameters' schema:
 * `const route = apiRoutes(pathParams("accountId", "userName"))`, then
 * `export const PATCH = route(async ({ params, body }) => …, { body: updateUserBody })`.
 */
export function apiRoutes<P>(params: z.ZodType<P>) {
  return <Q = undefined, B = undefined>(run: RouteRun<P, Q, B>, options: Omit<RouteOptions<P, Q, B>, "params"> = {}) =>
    apiRoute<P, Q, B>(run, { ...options, params });
}

type RouteMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";
type Handler = (req: NextRequest, ctx: RouteContext) => Promise<Response>;

/**
 * 405 handlers, with Allow, for the methods a route file does not declare:
 * `export const { PUT, PATCH } = methodsNotAllowed({ GET, POST })`. Next's own answer would be
 * a bare 405 without Allow, outside the API's error shape.
 */
export function methodsNotAllowed(declared: Partial<Record<RouteMethod, unknown>>): Record<RouteMethod, Handler> {
  const allowed = Object.keys(declared) as RouteMethod[];
  if (declared.GET) allowed.push("HEAD");
  const allow = [...allowed, "OPTIONS"].join(", ");
  const refuse: Handler = Object.assign(
    async (req: NextRequest) =>
      errorResponse(httpError("MethodNotAllowed", `${req.method} is not supported here; this resource answers ${allow}.`, { Allow: allow })),
    { door: "method-not-allowed" satisfies DoorKind },
  );
  return { GET: refuse, HEAD: refuse, POST: refuse, PUT: refuse, PATCH: refuse, DELETE: refuse };
}

/** The methods a resource does not declare: HEAD is answered by GET when there is one. */
type Undeclared<D> = Exclude<RouteMethod, keyof D | ("GET" extends keyof D ? "HEAD" : never)>;

/**
 * Every handler of a resource: the declared ones and a 405 (methodsNotAllowed) for each other
 * method, for factories whose route files only re-export them:
 * `export const { GET, POST, DELETE, PUT, PATCH } = attachedPolicyRoutes("user")`.
 */
export function resourceHandlers<D extends Partial<Record<RouteMethod, Handler>>>(declared: D): D & Record<Undeclared<D>, Handler> {
  const refusals: Partial<Record<RouteMethod, Handler>> = methodsNotAllowed(declared);
  if (declared.GET) delete refusals.HEAD;
  return { ...refusals, ...declared } as D & Record<Undeclared<D>, Handler>;
}
