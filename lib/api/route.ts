import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { httpError, IamError, toErrorResponse, validationError } from "@/lib/errors";
import { checkCrossSite, checkHost, checkPathEncoding, requestHost, type Refusal } from "@/lib/api/guard";
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

interface RouteContext<P> {
  params: Promise<P>;
}

interface Handled<P> {
  req: NextRequest;
  params: P;
  actor: Actor;
}

export interface RouteOptions<P> {
  /** The success status; 204 sends no body. */
  status?: number;
  /**
   * The path parameters' schema: each is checked as written in the URL (AWS's name rules,
   * before any case folding), so a name that breaks them is a ValidationError naming the
   * parameter and never a look-up of another entity.
   */
  params?: z.ZodType<P>;
  /** What the endpoint reads: JSON up to 1 MB unless it declares other types or a larger limit. */
  body?: BodyRules;
}

const JSON_BODY: BodyRules = { types: ["application/json"] };

function refusalError(refusal: Refusal): IamError {
  return httpError(refusal.code, refusal.message, refusal.headers, refusal.field);
}

/** What every request must pass before its handler runs: host, origin, path, declared body. */
function guard(req: NextRequest, body: BodyRules): void {
  markArrival(req);
  const host = requestHost(req.headers, req.url);
  const refusal = checkHost(host) ?? checkPathEncoding(req.nextUrl.pathname) ?? checkCrossSite(req.method, req.headers, host);
  if (refusal) throw refusalError(refusal);
  if (declaresBody(req)) checkDeclaredBody(req, body);
}

async function parseParams<P>(ctx: RouteContext<P> | undefined, schema: z.ZodType<P> | undefined): Promise<P> {
  const raw = ctx?.params ? await ctx.params : ({} as P);
  if (!schema) return raw;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw parsed.error;
}

/**
 * The one door for every /api/v1 handler: check the request (host, cross-site, path, body),
 * authenticate, authorize, run, and map errors to AWS's codes and statuses. The handler returns
 * the JSON body; `status` is used on success.
 */
export function apiRoute<P extends Record<string, string> = Record<string, never>>(
  run: (input: Handled<P>) => Promise<unknown>,
  options: RouteOptions<P> = {},
) {
  return async (req: NextRequest, ctx: RouteContext<P>): Promise<Response> => {
    try {
      guard(req, options.body ?? JSON_BODY);
      const actor = await authenticate(req);
      authorize(actor, req.method);
      const params = await parseParams(ctx, options.params);
      const body = await run({ req, params, actor });
      if (options.status === 204) return new Response(null, { status: 204 });
      return Response.json(body ?? {}, { status: options.status ?? 200 });
    } catch (err) {
      const { status, body, headers } = toErrorResponse(err);
      return Response.json(body, { status, headers });
    }
  };
}

/**
 * The request's JSON body parsed with `schema`. The body must say it is JSON (415 otherwise),
 * stay within the size limit (413) and arrive in time (408); malformed JSON is a ValidationError.
 */
export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const text = await readBody(req, JSON_BODY);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw validationError("body", "The request body must be valid JSON.");
  }
  return schema.parse(raw);
}

/** The request's query string parsed with `schema`. */
export function readQuery<S extends z.ZodType>(req: NextRequest, schema: S): z.infer<S> {
  return schema.parse(Object.fromEntries(req.nextUrl.searchParams));
}

/**
 * The handlers of one route file, all with the same path parameters' schema:
 * `const route = apiRoutes(pathParams("accountId", "userName"))`, then `export const GET = route(…)`.
 */
export function apiRoutes<P extends Record<string, string>>(params: z.ZodType<P>) {
  return (run: (input: Handled<P>) => Promise<unknown>, options: Omit<RouteOptions<P>, "params"> = {}) =>
    apiRoute<P>(run, { ...options, params });
}

type RouteMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";
type Handler = (req: NextRequest, ctx: RouteContext<Record<string, string>>) => Promise<Response>;

/**
 * 405 handlers, with Allow, for the methods a route file does not declare:
 * `export const { PUT, PATCH } = methodsNotAllowed({ GET, POST })`. Next's own answer would be
 * a bare 405 without Allow, outside the API's error shape.
 */
export function methodsNotAllowed(declared: Partial<Record<RouteMethod, unknown>>): Record<RouteMethod, Handler> {
  const allowed = Object.keys(declared) as RouteMethod[];
  if (declared.GET) allowed.push("HEAD");
  const allow = [...allowed, "OPTIONS"].join(", ");
  const refuse: Handler = async (req) => {
    const { status, body, headers } = toErrorResponse(
      httpError("MethodNotAllowed", `${req.method} is not supported here; this resource answers ${allow}.`, { Allow: allow }),
    );
    return Response.json(body, { status, headers });
  };
  return { GET: refuse, HEAD: refuse, POST: refuse, PUT: refuse, PATCH: refuse, DELETE: refuse };
}
