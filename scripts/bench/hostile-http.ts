import http from "node:http";

// The raw HTTP client of `npm run bench:hostile`: node:http rather than fetch, so the bench can
// send what a browser or fetch would not (a forged Host, TRACE, undecodable paths, a body that
// stops after its headers) and read the answer while a large body is still being written. Every
// request goes to 127.0.0.1 and is bounded in time.

export const CLIENT_TIMEOUT_MS = 30_000;

export interface Answer {
  /** The HTTP status, or what happened instead. */
  status: number | "did not finish" | "connection reset";
  ms: number;
  /** Bytes of the answer's body read. */
  bytes: number;
  body: string;
}

export interface RawRequest {
  method: string;
  /** Sent exactly as written (percent-encoding included). */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Sends only the first `partialBytes` of the body (with the full Content-Length), then waits. */
  partialBytes?: number;
  timeoutMs?: number;
}

const KEEP_BODY_CHARS = 2_000;

/** Sends one request to 127.0.0.1:port and resolves with its answer; never rejects. */
export function send(port: number, request: RawRequest): Promise<Answer> {
  const started = performance.now();
  const body = typeof request.body === "string" ? Buffer.from(request.body) : request.body;
  const headers: Record<string, string> = { ...request.headers };
  if (body) headers["Content-Length"] ??= String(body.length);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (status: Answer["status"], bytes = 0, text = "") => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve({ status, ms: performance.now() - started, bytes, body: text });
    };
    const req = http.request({ host: "127.0.0.1", port, method: request.method, path: request.path, headers, agent: false });
    const timer = setTimeout(() => finish("did not finish"), request.timeoutMs ?? CLIENT_TIMEOUT_MS);
    req.on("response", (res) => {
      let bytes = 0;
      let text = "";
      res.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (text.length < KEEP_BODY_CHARS) text += chunk.toString("utf8", 0, Math.min(chunk.length, KEEP_BODY_CHARS));
      });
      res.on("end", () => finish(res.statusCode ?? 0, bytes, text));
      res.on("error", () => finish(res.statusCode ?? 0, bytes, text));
    });
    // A server that answers (413) before the body is written may close the socket under us.
    req.on("error", () => setTimeout(() => finish("connection reset"), 200));
    if (!body) req.end();
    else if (request.partialBytes !== undefined) req.write(body.subarray(0, request.partialBytes));
    else req.end(body);
  });
}

/** A JSON request as the console's own UI sends it. */
export function json(method: string, path: string, value: unknown, headers: Record<string, string> = {}): RawRequest {
  return { method, path, headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(value) };
}

/** The error code of a JSON error answer, read from its beginning (an error body can be huge). */
export function errorCode(answer: Answer): string {
  return /"code"\s*:\s*"(\w+)"/.exec(answer.body)?.[1] ?? "";
}
