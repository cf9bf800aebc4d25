// The production server `npm start` runs: Next.js's own request handler behind a plain Node
// HTTP server, for the one check Next cannot make itself. Next builds a fetch Request for every
// request, and fetch forbids TRACE, TRACK and CONNECT (and knows no WebDAV verbs): such a
// request used to end in a bare 500 before any of the console's code ran. It is answered here
// with 405 and Allow instead. Every other check lives in proxy.ts and lib/api (lib/api/guard.ts).
import { createServer } from "node:http";

/** The methods Next.js hands to the app (lib/api/guard.ts ALLOWED_METHODS says the same). */
export const SERVED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

// A slow client must not hold a connection open: headers within 10 s, the whole request in 60 s
// (a body's own 10 s limit is apiRoute's, which answers 408).
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 60_000;

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
  const server = createServer((req, res) => {
    if (!SERVED_METHODS.includes(req.method ?? "")) return refuseMethod(req, res);
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
