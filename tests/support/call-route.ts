import type { NextRequest } from "next/server";
import { callRaw, type RawInit } from "@/tests/support/hostile";

type Handler<P> = (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>;

export interface Answer {
  status: number;
  /** The parsed JSON body; null for an empty (204) answer. */
  body: unknown;
}

/** Calls an exported route handler as Next would, with `path` and optional JSON body. */
export async function callRoute<P>(
  handler: Handler<P>,
  method: string,
  path: string,
  params: P,
  body?: unknown,
  as?: RawInit["as"],
): Promise<Answer> {
  const init: RawInit =
    body === undefined
      ? { as }
      : { body: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json" }, as };
  const answer = await callRaw(handler, method, path, params, init);
  return { status: answer.status, body: answer.body };
}
