import "server-only";
import { httpError, validationError } from "@/lib/errors";

/** The JSON API's body limit, unless an endpoint declares more (README: Limits). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** A body must be complete this long after its request's headers arrived. */
export const BODY_TIMEOUT_MS = 10_000;

export interface BodyRules {
  /** Media types the endpoint reads (without parameters such as charset). */
  types: readonly string[];
  limit?: number;
}

// When each request's handling began: the body's deadline counts from its headers.
const arrivals = new WeakMap<Request, number>();

/** Marks the request's arrival; the body timeout runs from here. */
export function markArrival(req: Request, now = Date.now()): void {
  if (!arrivals.has(req)) arrivals.set(req, now);
}

function mediaType(req: Request): string {
  return (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}

/** Whether the request says it carries a body (a declared length above zero, or chunks). */
export function declaresBody(req: Request): boolean {
  const length = req.headers.get("content-length");
  if (length !== null) return length.trim() !== "0";
  return req.headers.has("transfer-encoding");
}

/** 415 for a body of a type the endpoint does not read; 413 for a declared length over the limit. */
export function checkDeclaredBody(req: Request, rules: BodyRules): void {
  const limit = rules.limit ?? BODY_LIMIT_BYTES;
  const length = Number(req.headers.get("content-length") ?? "0");
  if (Number.isFinite(length) && length > limit) throw tooLarge(limit);
  if (!rules.types.includes(mediaType(req))) {
    const got = req.headers.get("content-type");
    throw httpError(
      "UnsupportedMediaType",
      `The request body must be sent as ${rules.types.join(" or ")}${got ? `, not ${got}` : " (no Content-Type was given)"}.`,
      undefined,
      "Content-Type",
    );
  }
}

const tooLarge = (limit: number) =>
  httpError("RequestEntityTooLarge", `The request body is larger than the limit of ${limit.toLocaleString("en-US")} bytes.`, undefined, "body");

const tooSlow = () =>
  httpError("RequestTimeout", `The request body did not arrive within ${BODY_TIMEOUT_MS / 1000} seconds of its headers.`, undefined, "body");

/**
 * Reads the body as UTF-8 text, refusing it once it passes the limit (413) or the deadline
 * (408) without reading further, so no request can hold memory or a connection unbounded.
 */
export async function readBody(req: Request, rules: BodyRules): Promise<string> {
  checkDeclaredBody(req, rules);
  const limit = rules.limit ?? BODY_LIMIT_BYTES;
  if (!req.body) return "";
  const deadline = (arrivals.get(req) ?? Date.now()) + BODY_TIMEOUT_MS;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<"expired">((resolve) => {
    timer = setTimeout(() => resolve("expired"), Math.max(0, deadline - Date.now()));
  });
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), expired]);
      if (next === "expired") throw tooSlow();
      if (next.done) break;
      size += next.value.byteLength;
      if (size > limit) throw tooLarge(limit);
      chunks.push(next.value);
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw validationError("body", "The request body is not valid UTF-8.");
  }
}
