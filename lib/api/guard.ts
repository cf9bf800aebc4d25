/**
 * The console's HTTP door checks that need nothing but the request line and headers: which host
 * was asked for (DNS rebinding), whether another site is driving the administrator's browser
 * (cross-site writes), which method, and whether the path's percent-encoding is well formed.
 * Pure: used by proxy.ts for pages and by apiRoute for /api/v1, so both say the same thing.
 */
import { httpError, validationError, type IamError } from "@/lib/errors";

/** A refusal: the IamError to answer with (its status follows from its code). */
export type Refusal = IamError;

/** The methods the console answers at all; anything else (TRACE, CONNECT, WebDAV…) is 405. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

// Loopback names are always served; a team server or workshop room names its own in
// IAM_ALLOWED_HOSTS (comma-separated host names, optionally with a port).
const LOOPBACK = ["localhost", "127.0.0.1", "[::1]"];

/** The host name of a Host header value, lower-cased and without its port. */
function hostName(host: string): string {
  const value = host.trim().toLowerCase();
  if (value.startsWith("[")) {
    const end = value.indexOf("]");
    return end < 0 ? value : value.slice(0, end + 1);
  }
  const colon = value.indexOf(":");
  return colon < 0 ? value : value.slice(0, colon);
}

export function allowedHosts(env: Record<string, string | undefined> = process.env): string[] {
  const extra = (env.IAM_ALLOWED_HOSTS ?? "")
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry.length > 0);
  return [...LOOPBACK, ...extra];
}

/** Whether `host` (a Host header) is one this console serves: by name, or by name and port. */
export function isAllowedHost(host: string, allowed: readonly string[]): boolean {
  if (!host) return false;
  const value = host.trim().toLowerCase();
  const name = hostName(value);
  return allowed.some((entry) => entry === name || entry === value);
}

/**
 * The host the request asked for: its Host header, or the URL's host where there is none (an
 * HTTP/1.0 request, or a Request built in-process).
 */
export function requestHost(headers: Headers, url: string): string {
  return headers.get("host") ?? new URL(url).host;
}

/** 421 unless the request names a host this console serves (DNS rebinding protection). */
export function checkHost(host: string, allowed: readonly string[] = allowedHosts()): Refusal | undefined {
  if (isAllowedHost(host, allowed)) return undefined;
  return httpError(
    "MisdirectedRequest",
    `This console does not serve the host ${JSON.stringify(host ?? "")}. To serve it on a network, add the name to IAM_ALLOWED_HOSTS.`,
  );
}

export function checkMethod(method: string): Refusal | undefined {
  if ((ALLOWED_METHODS as readonly string[]).includes(method)) return undefined;
  return httpError("MethodNotAllowed", `The method ${method} is not supported.`, { Allow: ALLOWED_METHODS.join(", ") });
}

/**
 * 403 for a state-changing request that another site sent through the browser: an Origin other
 * than the console's own, or a Sec-Fetch-Site other than same-origin or none (typed in the
 * address bar). Requests with neither header (curl, scripts, the AWS SDKs) pass this check.
 */
export function checkCrossSite(method: string, headers: Headers, requestedHost: string): Refusal | undefined {
  if (!STATE_CHANGING.has(method)) return undefined;
  const refuse = (why: string): Refusal =>
    httpError("AccessDenied", `Refused a ${method} sent from another site (${why}). Changes can only be made from the console itself.`);
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none") {
    return refuse(`Sec-Fetch-Site: ${fetchSite}`);
  }
  const origin = headers.get("origin");
  if (origin === null) return undefined;
  const host = requestedHost.trim().toLowerCase();
  let originHost: string;
  try {
    const url = new URL(origin);
    if (url.protocol !== "http:" && url.protocol !== "https:") return refuse(`Origin: ${origin}`);
    originHost = url.host.toLowerCase();
  } catch {
    return refuse(`Origin: ${origin}`);
  }
  // URL drops a scheme's default port; so may a Host header.
  const withoutDefaultPort = host.replace(/:(80|443)$/, "");
  return originHost === host || originHost === withoutDefaultPort ? undefined : refuse(`Origin: ${origin}`);
}

/** 400 when a path segment's percent-encoding is not valid UTF-8 (e.g. %E0%A4%A or %C0%AE). */
export function checkPathEncoding(pathname: string): Refusal | undefined {
  for (const segment of pathname.split("/")) {
    if (!segment.includes("%")) continue;
    try {
      decodeURIComponent(segment);
    } catch {
      return validationError("path", `The path segment ${JSON.stringify(segment)} is not valid percent-encoded UTF-8.`);
    }
  }
  return undefined;
}

/** The first refusal of these checks, in the order a server should make them. */
export function guardRequest(method: string, url: string, headers: Headers, allowed?: readonly string[]): Refusal | undefined {
  const host = requestHost(headers, url);
  const pathname = new URL(url).pathname;
  return checkHost(host, allowed) ?? checkMethod(method) ?? checkPathEncoding(pathname) ?? checkCrossSite(method, headers, host);
}
