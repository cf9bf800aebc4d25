/**
 * How a console request reads in the audit trail: CloudTrail's eventSource and eventName from
 * the IAM action ("iam:CreateUser" is iam.amazonaws.com CreateUser), and requestParameters from
 * the path parameters and body, without anything secret.
 */

/** The service's endpoint name for a service prefix, as CloudTrail's eventSource. */
export function eventOf(action: string): { source: string; name: string } {
  const colon = action.indexOf(":");
  const service = colon < 0 ? "iam" : action.slice(0, colon);
  return { source: `${service}.amazonaws.com`, name: colon < 0 ? action : action.slice(colon + 1) };
}

// Passwords, secrets, MFA codes and tokens never enter the trail; a password policy's settings
// (MinimumPasswordLength, AllowUsersToChangePassword…) do.
const SECRET = /^(password|newPassword|oldPassword|currentPassword|confirmPassword)$|secret|code\d*$|token/i;
const MAX_VALUE = 2_048;

function scrub(value: unknown, depth: number): unknown {
  if (typeof value === "string") return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value;
  if (value === null || typeof value !== "object" || depth > 4) return typeof value === "object" && value !== null ? "…" : value;
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => scrub(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = SECRET.test(key) ? "HIDDEN_DUE_TO_SECURITY_REASONS" : scrub(item, depth + 1);
  return out;
}

/** The request's parameters for the trail: path parameters, then the body's fields, secrets hidden. */
export function auditParameters(params: unknown, body: unknown): Record<string, unknown> | null {
  const merged = { ...(isObject(params) ? params : {}), ...(isObject(body) ? body : {}) };
  return Object.keys(merged).length === 0 ? null : (scrub(merged, 0) as Record<string, unknown>);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
