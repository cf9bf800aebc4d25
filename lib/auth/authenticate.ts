import "server-only";
import { db } from "@/lib/db";
import { masterKey } from "@/lib/auth/master-key";
import { open } from "@/lib/auth/sealed";
import { readSession, sessionIdentity, SESSION_COOKIE_NAMES } from "@/lib/auth/sessions";
import { verifySigV4, type KeySecret, type SigV4Options } from "@/lib/auth/sigv4";
import { isTemporaryKeyId, temporaryIdentity, temporarySecretContext } from "@/lib/auth/temporary-credentials";
import type { Identity, RequestFacts } from "@/lib/auth/identity";
import { findTemporaryCredential, markTemporaryCredentialUsed } from "@/lib/data/temporary-credentials";
import { httpError } from "@/lib/errors";
import type { TemporaryCredential } from "@/lib/generated/prisma/client";

/**
 * Who sent a request: a SigV4-signed request names an access key (of a user or a root user) or
 * STS temporary credentials (ASIA…, with their session token); a browser carries the console
 * session's cookie. Neither: 403 MissingAuthenticationToken, as AWS.
 */

export interface Authenticated {
  identity: Identity;
  /** The console session must choose a new password before anything else. */
  mustChangePassword: boolean;
}

const stripMapped = (ip: string) => (ip.startsWith("::ffff:") ? ip.slice(7) : ip);

/**
 * Where the request came from and how. scripts/start.mjs serves the console itself and sets
 * x-forwarded-for from the socket, dropping what a client sent (see IAM_TRUST_PROXY there).
 */
export function requestFacts(headers: Headers, url: string): RequestFacts {
  // The right-most address: scripts/server.mjs sets it from the connection, and a trusted proxy
  // (IAM_TRUST_PROXY) appends the address it saw; what a client wrote comes before it.
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  const proto = headers.get("x-forwarded-proto") ?? new URL(url).protocol.replace(":", "");
  return {
    sourceIp: stripMapped(forwarded || "127.0.0.1"),
    userAgent: (headers.get("user-agent") ?? "").slice(0, 512),
    secure: proto === "https",
  };
}

export const isSigned = (headers: Headers): boolean => headers.get("authorization")?.startsWith("AWS4-") ?? false;

/** The session cookie's value, whichever of its two names it was sent under. */
export function sessionToken(cookieValue: (name: string) => string | undefined): string | undefined {
  for (const name of SESSION_COOKIE_NAMES) {
    const value = cookieValue(name);
    if (value) return value;
  }
  return undefined;
}

/** A live console session's identity, or null. */
export async function sessionCaller(token: string | undefined, now: Date = new Date()): Promise<Authenticated | null> {
  const row = await readSession(token, now);
  if (!row) return null;
  return { identity: sessionIdentity(row, now), mustChangePassword: row.mustChangePassword };
}

const LAST_USED_EVERY_MS = 60_000;

/** A long-term key as one read finds it: its secret, its owner and when it was last used. */
const KEY_FIELDS = { status: true, sealedSecret: true, accountId: true, lastUsedAt: true, user: { select: { id: true, name: true, arn: true } } } as const;
type KeyRow = { status: string; sealedSecret: string | null; accountId: string; lastUsedAt: Date | null; user: { id: string; name: string; arn: string } | null };

/** The key's owner as an identity; records its last use at most once a minute (GetAccessKeyLastUsed). */
async function keyIdentity(accessKeyId: string, key: KeyRow, service: string, region: string, now: Date): Promise<Identity> {
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    await db().accessKey.updateMany({ where: { id: accessKeyId }, data: { lastUsedAt: now, lastUsedService: service, lastUsedRegion: region } });
  }
  const signedIn = key.user
    ? { type: "IAMUser" as const, accountId: key.accountId, arn: key.user.arn, userName: key.user.name, userId: key.user.id }
    : { type: "Root" as const, accountId: key.accountId, arn: `arn:aws:iam::${key.accountId}:root`, userName: null, userId: key.accountId };
  return { type: signedIn.type, accountId: key.accountId, arn: signedIn.arn, userId: signedIn.userId, signedIn, role: null, mfaAt: null, tokenIssuedAt: now, accessKeyId, sessionIdHash: null };
}

/** The secret of an active key that can sign (keys from before sealing cannot). */
function secretOf(accessKeyId: string, key: KeyRow | null): KeySecret | null {
  if (!key || key.status !== "Active" || !key.sealedSecret) return null;
  return { secretAccessKey: open(key.sealedSecret, masterKey(), `access-key:${accessKeyId}`) };
}

/** Temporary credentials' secret, with the token their requests must carry and their end. */
const temporarySecret = (row: TemporaryCredential): KeySecret => ({
  secretAccessKey: open(row.sealedSecret, masterKey(), temporarySecretContext(row.id)),
  sessionTokenHash: row.tokenHash,
  expiresAt: row.expiresAt,
});

const INVALID_TOKEN = "The security token included in the request is invalid.";

/**
 * GetSessionToken's credentials "cannot call any IAM API operations unless MFA authentication
 * information is included in the request": IAM (and the console's own API) refuses them as an
 * invalid token, as AWS does; STS decides its own operations (lib/aws/sts). `service` is the
 * credential scope's only at the AWS endpoint, where it picks the service: the console's own API
 * is IAM's whatever service a client scoped its signature to.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
 */
function refusesService(row: TemporaryCredential, service: string): boolean {
  return row.kind === "GetSessionToken" && row.mfaAt === null && service !== "sts";
}

/**
 * The temporary credentials' row with its user as the user is now, found by its unique id (AIDA…),
 * as AWS binds credentials to a principal: GetSessionToken's act as that user ("the same
 * permissions as the IAM user"), so a rename never hands them (or aws:username, or the implicit
 * UserName of CreateAccessKey and the like) to another user made under the old name, and once the
 * user is deleted they are invalid. A role session keeps its role; only its origin is renamed.
 */
async function withCurrentUser(row: TemporaryCredential): Promise<TemporaryCredential | null> {
  if (row.sourceUserId === null) return row;
  const user = await db().user.findUnique({ where: { id: row.sourceUserId }, select: { arn: true } });
  if (!user) return row.kind === "GetSessionToken" ? null : row;
  return user.arn === row.sourceArn ? row : { ...row, sourceArn: user.arn };
}

/** How signedCaller is called: `awsEndpoint` by the AWS endpoint (/aws), which serves STS as well as IAM. */
export type SignedCallerOptions = SigV4Options & { awsEndpoint?: boolean };

export interface SignedCaller extends Authenticated {
  /** The credential scope's service ("iam", "sts") and region. */
  service: string;
  region: string;
}

/** A SigV4-signed request's identity; throws AWS's error for a missing, unknown or bad signature. */
export async function signedCaller(req: Request, body: Uint8Array, now: Date = new Date(), options: SignedCallerOptions = {}): Promise<SignedCaller> {
  const url = new URL(req.url);
  const headers: Record<string, string> = {};
  req.headers.forEach((value, name) => (headers[name] = value));
  // The key's row is read once: for the secret and then for the identity.
  let temporary: TemporaryCredential | null = null;
  let key: KeyRow | null = null;
  const secret = async (accessKeyId: string): Promise<KeySecret | null> => {
    if (!isTemporaryKeyId(accessKeyId)) {
      key = await db().accessKey.findUnique({ where: { id: accessKeyId }, select: KEY_FIELDS });
      return secretOf(accessKeyId, key);
    }
    temporary = await findTemporaryCredential(accessKeyId);
    return temporary ? temporarySecret(temporary) : null;
  };
  const result = await verifySigV4({ method: req.method, url: url.pathname + url.search, headers, body }, secret, now, options);
  if (!result.ok) throw httpError(result.code, result.message);
  const row = temporary as TemporaryCredential | null;
  if (row) {
    if (refusesService(row, options.awsEndpoint ? result.service : "iam")) throw httpError("InvalidClientTokenId", INVALID_TOKEN);
    const current = await withCurrentUser(row);
    if (!current) throw httpError("InvalidClientTokenId", INVALID_TOKEN);
    await markTemporaryCredentialUsed(row, now);
    return { identity: temporaryIdentity(current), mustChangePassword: false, service: result.service, region: result.region };
  }
  // Read by `secret` above (TypeScript cannot see the assignment inside the callback).
  const found = key as KeyRow | null;
  if (!found) throw httpError("InvalidClientTokenId", INVALID_TOKEN);
  const identity = await keyIdentity(result.accessKeyId, found, result.service, result.region, now);
  return { identity, mustChangePassword: false, service: result.service, region: result.region };
}

export const missingAuthentication = () => httpError("MissingAuthenticationToken", "Request is missing Authentication Token");
