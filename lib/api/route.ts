import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { errorResponse, httpError, validationError } from "@/lib/errors";
import { guardRequest } from "@/lib/api/guard";
import { checkDeclaredBody, declaresBody, markArrival, readBody, type BodyRules } from "@/lib/api/body";

/**
 * Who is calling. There is no sign-in yet: the console acts as the administrator of every
 * account. Sign-in will resolve the actor here, and `authorize` will check it, for every door.
 */
export interface Actor {
  kind: "administrator";
}

async function authenticate(_req: NextRequest): Promise<Actor> {
  return { kind: "administrator" };
}

function authorize(_actor: Actor, _method: string): void {
  // Every actor is the administrator of every account until the console gains sign-in.
}

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
  actor: Actor;
}

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
  const text = await readBody(req, rules);
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
  return async (req: NextRequest, ctx: RouteContext): Promise<Response> => {
    try {
      guard(req, accepts);
      const actor = await authenticate(req);
      authorize(actor, req.method);
      const params = await parseParams(ctx, options.params);
      const query = (options.query ? readQuery(req, options.query) : undefined) as Q;
      const body = (options.body ? await readJson(req, options.body, accepts) : undefined) as B;
      const answer = await run({ req, params, query, body, actor });
      if (options.status === 204) return new Response(null, { status: 204 });
      return Response.json(answer ?? {}, { status: options.status ?? 200 });
    } catch (err) {
      return errorResponse(err);
    }
  };
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
  const refuse: Handler = async (req) =>
    errorResponse(httpError("MethodNotAllowed", `${req.method} is not supported here; this resource answers ${allow}.`, { Allow: allow }));
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
