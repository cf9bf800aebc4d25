import { NextRequest } from "next/server";

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
): Promise<Answer> {
  const init: { method: string; body?: string; headers?: Record<string, string> } = { method };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    init.headers = { "content-type": "application/json" };
  }
  const res = await handler(new NextRequest(new URL(path, "http://localhost"), init), {
    params: Promise.resolve(params),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}
