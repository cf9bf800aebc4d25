import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { toErrorResponse, validationError } from "@/lib/errors";

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

/**
 * The one door for every /api/v1 handler: authenticate, authorize, run, and map errors to AWS's
 * codes and statuses. The handler returns the JSON body; `status` is used on success.
 */
export function apiRoute<P extends Record<string, string> = Record<string, never>>(
  run: (input: Handled<P>) => Promise<unknown>,
  options: { status?: number } = {},
) {
  return async (req: NextRequest, ctx: RouteContext<P>): Promise<Response> => {
    try {
      const actor = await authenticate(req);
      authorize(actor, req.method);
      const params = ctx?.params ? await ctx.params : ({} as P);
      const body = await run({ req, params, actor });
      if (options.status === 204) return new Response(null, { status: 204 });
      return Response.json(body ?? {}, { status: options.status ?? 200 });
    } catch (err) {
      const { status, body } = toErrorResponse(err);
      return Response.json(body, { status });
    }
  };
}

/** The request's JSON body parsed with `schema`; malformed JSON is a ValidationError. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await req.json();
  } catch {
    throw validationError("body", "The request body must be valid JSON.");
  }
  return schema.parse(raw);
}

/** The request's query string parsed with `schema`. */
export function readQuery<S extends z.ZodType>(req: NextRequest, schema: S): z.infer<S> {
  return schema.parse(Object.fromEntries(req.nextUrl.searchParams));
}
