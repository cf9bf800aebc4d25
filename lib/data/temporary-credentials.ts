import "server-only";
import { db } from "@/lib/db";
import { retryWhileBusy } from "@/lib/data/busy";
import { write } from "@/lib/data/write";
import { masterKey } from "@/lib/auth/master-key";
import { seal } from "@/lib/auth/sealed";
import { sessionTokenHash } from "@/lib/auth/sigv4";
import { newSessionToken, temporarySecretContext, type TemporaryKind } from "@/lib/auth/temporary-credentials";
import type { TemporaryCredential } from "@/lib/generated/prisma/client";
import { newSecretAccessKey, newTemporaryAccessKeyId } from "@/lib/ids";

/**
 * STS temporary credentials at rest (the TemporaryCredential table): written when AssumeRole or
 * GetSessionToken issues them, read when a request is signed with them. Issuing credentials
 * changes no IAM entity, so it is not in the change log (the audit trail records the call), and
 * it does not move the stamp that kept policies are checked against.
 */

export interface NewTemporaryCredential {
  kind: TemporaryKind;
  /** The account the credentials act in: the role's, or the caller's own for GetSessionToken. */
  accountId: string;
  source: { arn: string; userId: string | null; accountId: string };
  role?: { arn: string; id: string; sessionName: string };
  /** The merged session policy's text; null: none. */
  sessionPolicy?: string | null;
  sessionTags?: Record<string, string>;
  transitiveTagKeys?: string[];
  sourceIdentity?: string | null;
  /** Assumed by a role session (role chaining). */
  chained?: boolean;
  mfaAt: Date | null;
  issuedAt: Date;
  expiresAt: Date;
}

/** The one answer that ever carries the secret and the session token. */
export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

/** Credentials that ended this long ago are deleted when new ones are issued (an expired token meanwhile answers ExpiredToken). */
export const KEEP_EXPIRED_MS = 24 * 60 * 60 * 1000;

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** Writes new credentials; answers them with the secret and token, which are stored only sealed and hashed. */
export async function issueTemporaryCredentials(input: NewTemporaryCredential): Promise<IssuedCredentials> {
  const accessKeyId = newTemporaryAccessKeyId();
  const secretAccessKey = newSecretAccessKey();
  const sessionToken = newSessionToken();
  const tags = input.sessionTags && Object.keys(input.sessionTags).length > 0 ? input.sessionTags : undefined;
  await write(async (tx) => {
    await tx.temporaryCredential.deleteMany({ where: { expiresAt: { lt: new Date(input.issuedAt.getTime() - KEEP_EXPIRED_MS) } } });
    await tx.temporaryCredential.create({
      data: {
        id: accessKeyId,
        sealedSecret: seal(secretAccessKey, masterKey(), temporarySecretContext(accessKeyId)),
        tokenHash: sessionTokenHash(sessionToken),
        accountId: input.accountId,
        kind: input.kind,
        sourceArn: input.source.arn,
        sourceUserId: input.source.userId,
        sourceAccountId: input.source.accountId,
        roleArn: input.role?.arn ?? null,
        roleId: input.role?.id ?? null,
        roleSessionName: input.role?.sessionName ?? null,
        sessionPolicy: input.sessionPolicy ?? null,
        sessionTags: json(tags),
        transitiveTagKeys: input.transitiveTagKeys && input.transitiveTagKeys.length > 0 ? json(input.transitiveTagKeys) : null,
        sourceIdentity: input.sourceIdentity ?? null,
        chained: input.chained ?? false,
        mfaAt: input.mfaAt,
        issuedAt: input.issuedAt,
        expiresAt: input.expiresAt,
      },
    });
  });
  return { accessKeyId, secretAccessKey, sessionToken, expiration: input.expiresAt };
}

/** The stored credentials of an ASIA… key id, expired or not; null when there are none. */
export function findTemporaryCredential(accessKeyId: string): Promise<TemporaryCredential | null> {
  return db().temporaryCredential.findUnique({ where: { id: accessKeyId } });
}

const LAST_USED_EVERY_MS = 60_000;

/** Records a use of the credentials, at most once a minute (reads stay reads). */
export async function markTemporaryCredentialUsed(row: Pick<TemporaryCredential, "id" | "lastUsedAt">, now: Date): Promise<void> {
  if (row.lastUsedAt && now.getTime() - row.lastUsedAt.getTime() < LAST_USED_EVERY_MS) return;
  await retryWhileBusy(() => db().temporaryCredential.updateMany({ where: { id: row.id }, data: { lastUsedAt: now } }));
}

/**
 * GetAccessKeyInfo's answer: the account an access key belongs to, a long-term key's (AKIA…) or
 * temporary credentials' (ASIA…: the account they act in); null for a key this console never issued.
 */
export async function accountOfAccessKey(accessKeyId: string): Promise<string | null> {
  const key = await db().accessKey.findUnique({ where: { id: accessKeyId }, select: { accountId: true } });
  if (key) return key.accountId;
  const temporary = await db().temporaryCredential.findUnique({ where: { id: accessKeyId }, select: { accountId: true } });
  return temporary?.accountId ?? null;
}
