// The production server `npm start` runs: Next.js's own request handler behind a plain Node
// HTTP server, for the two things Next cannot do itself. Next builds a fetch Request for every
// request, and fetch forbids TRACE, TRACK and CONNECT (and knows no WebDAV verbs): such a
// request used to end in a bare 500 before any of the console's code ran. It is answered here
// with 405 and Allow instead. And Next keeps an X-Forwarded-For a client sends, which would let
// anyone choose their aws:SourceIp and escape the sign-in delay per address: the forwarding
// headers are set here from the connection itself (see forwardedHeaders). Every other check
// lives in proxy.ts and lib/api (lib/api/guard.ts).
import { createServer } from "node:http";

/** The methods Next.js hands to the app (lib/api/guard.ts ALLOWED_METHODS says the same). */
export const SERVED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

// A slow client must not hold a connection open: headers within 10 s, the whole request in 60 s
// (a body's own 10 s limit is apiRoute's, which answers 408).
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 60_000;

/** The headers a proxy in front adds to say where a request came from, and how. */
const FORWARDING = /^(x-forwarded-.*|forwarded|x-real-ip)$/;

/**
 * Where the request came from, as the console believes it (lib/auth/authenticate.ts reads
 * x-forwarded-for and x-forwarded-proto): the connection's own address and protocol. A client's
 * X-Forwarded-*, Forwarded or X-Real-IP header is dropped, unless IAM_TRUST_PROXY=1 says a proxy
 * in front (which must set them itself, replacing the client's) is the only way in.
 */
export function forwardedHeaders(req, trustProxy) {
  if (trustProxy) return;
  for (const name of Object.keys(req.headers)) if (FORWARDING.test(name)) delete req.headers[name];
  req.headers["x-forwarded-for"] = req.socket?.remoteAddress ?? "";
  req.headers["x-forwarded-proto"] = req.socket?.encrypted ? "https" : "http";
}

/** The header that tells the AWS endpoint its request was addressed to "/aws/" (see awsPath). */
export const AWS_SIGNED_PATH = "x-iam-aws-signed-path";

/**
 * The AWS SDKs append "/" to an endpoint's path (endpoint http://host/aws → POST /aws/), and Next
 * answers "/aws/" with a 308 to "/aws", which no SDK follows for a POST. Such a request is handed
 * to Next as "/aws", with the path the client signed in a header of the server's own (a client's
 * is always dropped), for the SigV4 check (lib/aws/dispatch.ts).
 */
export function awsPath(req) {
  delete req.headers[AWS_SIGNED_PATH];
  const url = req.url ?? "";
  if (url === "/aws/" || url.startsWith("/aws/?")) {
    req.url = `/aws${url.slice(5)}`;
    req.headers[AWS_SIGNED_PATH] = "/aws/";
  }
}

export function refuseMethod(req, res) {
  const api = (req.url ?? "").startsWith("/api/");
  const message = `The method ${req.method} is not supported.`;
  const body = api ? JSON.stringify({ error: { code: "MethodNotAllowed", message } }) : `${message}\n`;
  res.writeHead(405, {
    Allow: SERVED_METHODS.join(", "),
    "Content-Type": api ? "application/json" : "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "X-Content-Type-Options": "nosniff",
  });
  res.end(body);
}

async function main() {
  const port = Number(process.env.PORT || 3000);
  // As `next start` does: React and Next run their production builds.
  process.env.NODE_ENV = "production";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();
  const trustProxy = process.env.IAM_TRUST_PROXY === "1";
  const server = createServer((req, res) => {
    if (!SERVED_METHODS.includes(req.method ?? "")) return refuseMethod(req, res);
    forwardedHeaders(req, trustProxy);
    awsPath(req);
    handle(req, res);
  });
  // CONNECT never reaches the request handler: Node hands over the raw socket.
  server.on("connect", (_req, socket) => {
    socket.end(`HTTP/1.1 405 Method Not Allowed\r\nAllow: ${SERVED_METHODS.join(", ")}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
  });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.listen(port, () => console.log(`✓ Ready on http://localhost:${port}`));
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      server.close(() => process.exit(0));
      server.closeAllConnections();
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
