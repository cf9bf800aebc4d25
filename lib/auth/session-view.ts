import "server-only";
import { db } from "@/lib/db";
import { aliasOrNull } from "@/lib/data/account-alias";
import type { Identity } from "@/lib/auth/identity";
import { recentRoles, roleSessionState } from "@/lib/auth/role-session-state";
import { sessionEnd } from "@/lib/auth/sessions";
import type { Session } from "@/lib/generated/prisma/client";
import type { SessionView } from "@/lib/schemas/session";

/**
 * GET /api/v1/session's answer: who the caller is, in the words the header uses ("alice @
 * acme-prod", the role in use), whether the session must change its password first, when it ends
 * and the roles last switched to. A request signed with an access key has no session: it is
 * described from its identity alone.
 */
export async function sessionView(identity: Identity, now: Date = new Date()): Promise<SessionView> {
  const row = identity.sessionIdHash ? await db().session.findUnique({ where: { idHash: identity.sessionIdHash } }) : null;
  return row ? viewOfSession(identity, row, now) : viewOfSignedRequest(identity);
}

export async function viewOfSession(identity: Identity, row: Session, now: Date = new Date()): Promise<SessionView> {
  const state = await roleSessionState(row, now);
  return {
    identity: {
      type: state.role ? "AssumedRole" : state.signedIn.type,
      arn: identity.arn,
      accountId: identity.accountId,
      accountAlias: state.role ? state.role.accountAlias : state.signedIn.accountAlias,
      userName: state.signedIn.userName,
      signedInArn: state.signedIn.arn,
      signedInAccountId: state.signedIn.accountId,
      signedInAccountAlias: state.signedIn.accountAlias,
      mfa: row.mfaAt !== null,
      role: state.role,
    },
    mustChangePassword: row.mustChangePassword,
    expiresAt: sessionEnd(row).toISOString(),
    recentRoles: state.recentRoles,
  };
}

async function viewOfSignedRequest(identity: Identity): Promise<SessionView> {
  const account = await db().account.findUnique({ where: { id: identity.accountId }, select: { id: true, alias: true } });
  // An account without an alias (DeleteAccountAlias) is shown by its ID alone.
  const alias = account ? aliasOrNull(account) : null;
  return {
    identity: {
      type: identity.type,
      arn: identity.arn,
      accountId: identity.accountId,
      accountAlias: alias,
      userName: identity.signedIn.userName,
      signedInArn: identity.signedIn.arn,
      signedInAccountId: identity.signedIn.accountId,
      signedInAccountAlias: alias,
      mfa: false,
      role: null,
    },
    mustChangePassword: false,
    expiresAt: null,
    recentRoles: await recentRoles(identity.signedIn.arn),
  };
}
