import "server-only";
import { randomBytes } from "node:crypto";
import { assumedRoleArn } from "@/lib/arn";
import type { Identity } from "@/lib/auth/identity";
import type { TemporaryCredential } from "@/lib/generated/prisma/client";

/**
 * STS temporary credentials (AssumeRole, GetSessionToken): an access key id beginning ASIA, a
 * secret sealed under the master key like an access key's, and a session token returned once and
 * stored only as its SHA-256 (lib/auth/sigv4.ts compares it). A request signed with them acts as
 * the role session, or as the user (or root) that called GetSessionToken, until they expire.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp.html
 */

export type TemporaryKind = "AssumeRole" | "GetSessionToken";

/** "Access key IDs beginning with ASIA are temporary credentials that are created using AWS STS operations." */
export const isTemporaryKeyId = (accessKeyId: string): boolean => accessKeyId.startsWith("ASIA");

/** The sealed secret's context: a sealed value copied onto another row does not open. */
export const temporarySecretContext = (accessKeyId: string): string => `temporary-credential:${accessKeyId}`;

/** A new session token: 64 random bytes, as the X-Amz-Security-Token header carries it. */
export const newSessionToken = (): string => randomBytes(64).toString("base64");

const lastSegment = (arn: string) => arn.slice(arn.lastIndexOf("/") + 1);

function parseJson<T>(text: string | null, valid: (value: unknown) => value is T): T | undefined {
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return valid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const isTagMap = (value: unknown): value is Record<string, string> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Object.values(value).every((item) => typeof item === "string");
const isKeyList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === "string");

/** The principal whose long-term credentials started the chain (a user, or an account's root user). */
function signedInOf(row: TemporaryCredential): Identity["signedIn"] {
  return row.sourceUserId === null
    ? { type: "Root", accountId: row.sourceAccountId, arn: row.sourceArn, userName: null, userId: row.sourceAccountId }
    : { type: "IAMUser", accountId: row.sourceAccountId, arn: row.sourceArn, userName: lastSegment(row.sourceArn), userId: row.sourceUserId };
}

/**
 * Who a request signed with the temporary credentials `row` acts as. AssumeRole's: the role
 * session arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION (aws:userid ROLEID:SESSION) in the role's
 * account, with its session policy, session tags and source identity; GetSessionToken's: the
 * same user or root user that asked for them ("the temporary security credentials have the same
 * permissions as the IAM user"), with the MFA context the call established.
 */
export function temporaryIdentity(row: TemporaryCredential): Identity {
  const signedIn = signedInOf(row);
  const kind: TemporaryKind = row.kind === "AssumeRole" ? "AssumeRole" : "GetSessionToken";
  const base = {
    signedIn,
    mfaAt: row.mfaAt,
    tokenIssuedAt: row.issuedAt,
    accessKeyId: row.id,
    sessionIdHash: null,
    credentialKind: kind,
    sourceIdentity: row.sourceIdentity,
  };
  if (kind === "AssumeRole" && row.roleArn && row.roleId && row.roleSessionName) {
    const roleName = lastSegment(row.roleArn);
    return {
      ...base,
      type: "AssumedRole",
      accountId: row.accountId,
      arn: assumedRoleArn(row.accountId, roleName, row.roleSessionName),
      userId: `${row.roleId}:${row.roleSessionName}`,
      role: {
        roleArn: row.roleArn,
        roleName,
        roleId: row.roleId,
        accountId: row.accountId,
        sessionName: row.roleSessionName,
        displayName: roleName,
        color: "",
        issuedAt: row.issuedAt,
        expiresAt: row.expiresAt,
      },
      sessionPolicy: row.sessionPolicy,
      sessionTags: parseJson(row.sessionTags, isTagMap) ?? {},
      transitiveTagKeys: parseJson(row.transitiveTagKeys, isKeyList) ?? [],
    };
  }
  return { ...base, type: signedIn.type, accountId: signedIn.accountId, arn: signedIn.arn, userId: signedIn.userId, role: null };
}
