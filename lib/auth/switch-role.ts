import "server-only";
import { roleArn as buildRoleArn } from "@/lib/arn";
import { assumeRoleDenied, ASSUME_ROLE, decideAssumeRole, rootCannotAssume, type AssumeRoleVerdict } from "@/lib/auth/assume-role-decision";
import { recordAudit } from "@/lib/auth/audit";
import { auditStsCall } from "@/lib/auth/sts-audit";
import { globalContext, type Identity, type RequestFacts } from "@/lib/auth/identity";
import { defaultDisplayName, rememberRole, roleSessionState } from "@/lib/auth/role-session-state";
import { sessionIdentity } from "@/lib/auth/sessions";
import { callerEntry, currentStamp } from "@/lib/auth/authorize";
import { aliasOrNull } from "@/lib/data/account-alias";
import { parseStoredDocument } from "@/lib/data/principal-policy-documents";
import { db } from "@/lib/db";
import { httpError, validationError, type IamError } from "@/lib/errors";
import type { Session } from "@/lib/generated/prisma/client";
import type { RoleSessionState, SwitchRoleInput } from "@/lib/schemas/switch-role";

/**
 * Switch role, as the AWS Management Console does it: an sts:AssumeRole by the signed-in user
 * (never by the role in use: "the console always uses your original credentials to authorize the
 * switch"), decided by the engine, for one hour (never more than the role's maximum session
 * duration); the session then acts as arn:aws:sts::ACCOUNT:assumed-role/ROLE/USERNAME until the
 * hour is over, then as the signed-in user again. Each attempt is in the audit trail twice, as
 * CloudTrail has it: AssumeRole (sts.amazonaws.com) and SwitchRole (signin.amazonaws.com).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-console.html
 */

/** "When you switch roles, your AWS Management Console session lasts for 1 hour by default." */
export const ROLE_SESSION_SECONDS = 3600;

const SIGNIN = "signin.amazonaws.com";

const withoutRole = (row: Session): Session => ({
  ...row,
  roleArn: null,
  roleId: null,
  roleSessionName: null,
  roleDisplayName: null,
  roleColor: null,
  roleIssuedAt: null,
  roleExpiresAt: null,
});

async function sessionRow(identity: Identity): Promise<Session> {
  if (!identity.sessionIdHash) {
    throw validationError("session", "Switch role belongs to a console session; a request signed with an access key has none (call sts:AssumeRole instead).");
  }
  const row = await db().session.findUnique({ where: { idHash: identity.sessionIdHash } });
  if (!row) throw httpError("MissingAuthenticationToken", "Request is missing Authentication Token");
  return row;
}

async function resolveAccount(account: string): Promise<{ accountId: string; alias: string | null }> {
  if (/^\d{12}$/.test(account)) {
    const row = await db().account.findUnique({ where: { id: account }, select: { id: true, alias: true } });
    return { accountId: account, alias: row ? aliasOrNull(row) : null };
  }
  const row = await db().account.findUnique({ where: { alias: account }, select: { id: true, alias: true } });
  if (!row) throw validationError("account", `No account has the alias ${account}. Give the account's 12-digit ID or its alias.`);
  return { accountId: row.id, alias: aliasOrNull(row) };
}

/** "team/RoleName" is the role RoleName at path /team/. */
function splitRoleName(input: string): { path: string; name: string } {
  const parts = input.split("/");
  const name = parts.pop() ?? input;
  return { path: parts.length > 0 ? `/${parts.join("/")}/` : "/", name };
}

/** The role the form names; null when there is none at that path (STS then refuses as for any refusal). */
async function findRole(accountId: string, path: string, name: string) {
  const role = await db().role.findUnique({
    where: { accountId_nameLower: { accountId, nameLower: name.toLowerCase() } },
    select: { id: true, arn: true, name: true, path: true, trustPolicy: true, maxSessionDuration: true },
  });
  return role && role.path === path ? role : null;
}

async function decide(signedIn: Identity, role: { arn: string; trustPolicy: string }, roleAccount: string, facts: RequestFacts, now: Date): Promise<AssumeRoleVerdict> {
  // The signed-in user's side, as the door reads it for every request (kept, found by unique id).
  const caller = await callerEntry(signedIn, await currentStamp());
  return decideAssumeRole({
    principal: { arn: signedIn.arn, accountId: signedIn.accountId, tags: caller.tags },
    identityPolicies: caller.identityPolicies,
    permissionsBoundary: caller.boundary,
    role: { arn: role.arn, accountId: roleAccount, trustPolicy: parseStoredDocument(role.trustPolicy) },
    context: globalContext(signedIn, facts, now),
  });
}

/** AccessDenied carrying the request, for the console's "Why?" (the caller's side of it). */
function refusal(message: string, signedIn: Identity, roleArn: string, facts: RequestFacts, now: Date): IamError {
  const error = httpError("AccessDenied", message);
  const context: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(globalContext(signedIn, facts, now))) context[key] = typeof value === "string" ? value : [...value];
  error.denied = { principalArn: signedIn.arn, action: ASSUME_ROLE, resource: roleArn, context };
  return error;
}

interface Attempt {
  signedIn: Identity;
  facts: RequestFacts;
  roleArn: string;
  roleAccount: string;
  sessionName: string;
  durationSeconds: number;
  now: Date;
}

async function auditAttempt(attempt: Attempt, outcome: { acting: Identity; roleId: string; expiresAt: Date } | { error: IamError }): Promise<void> {
  const { signedIn, facts, roleArn, roleAccount, sessionName, durationSeconds, now } = attempt;
  const failed = "error" in outcome;
  const error = failed ? { errorCode: outcome.error.code, errorMessage: outcome.error.message } : {};
  // STS's record, written as the AWS endpoint's AssumeRole writes it.
  await auditStsCall(
    { eventName: "AssumeRole", caller: signedIn, facts, accountId: roleAccount, requestParameters: { roleArn, roleSessionName: sessionName, durationSeconds }, resourceArn: roleArn, at: now },
    failed ? { error: outcome.error } : { expiration: outcome.expiresAt, assumedRoleUser: { assumedRoleId: `${outcome.roleId}:${sessionName}`, arn: outcome.acting.arn } },
  );
  await recordAudit({
    accountId: roleAccount,
    eventSource: SIGNIN,
    eventName: "SwitchRole",
    eventType: "AwsConsoleSignIn",
    identity: failed ? signedIn : outcome.acting,
    facts,
    responseElements: { SwitchRole: failed ? "Failure" : "Success" },
    additionalEventData: { SwitchFrom: signedIn.arn },
    resourceArn: roleArn,
    at: now,
    ...error,
  });
}

/**
 * Switches the caller's console session to `input`'s role, deciding as the signed-in user;
 * answers the session's new state, or throws AccessDenied in STS's words.
 */
export async function switchRole(identity: Identity, input: SwitchRoleInput, facts: RequestFacts, now: Date = new Date()): Promise<RoleSessionState> {
  const row = await sessionRow(identity);
  const signedIn = sessionIdentity(withoutRole(row), now);
  const { accountId, alias } = await resolveAccount(input.account);
  const { path, name } = splitRoleName(input.roleName);
  const role = await findRole(accountId, path, name);
  const roleArn = role?.arn ?? buildRoleArn(accountId, path, name);
  const durationSeconds = Math.min(ROLE_SESSION_SECONDS, role?.maxSessionDuration ?? ROLE_SESSION_SECONDS);
  const attempt: Attempt = { signedIn, facts, roleArn, roleAccount: accountId, sessionName: signedIn.signedIn.userName ?? "root", durationSeconds, now };

  // A role that does not exist is refused in the same words as one that may not be assumed.
  const verdict = role ? await decide(signedIn, role, accountId, facts, now) : null;
  if (!role || !verdict || !verdict.allowed) {
    const message = verdict && !verdict.allowed ? verdict.message : signedIn.type === "Root" ? rootCannotAssume(signedIn.arn, roleArn) : assumeRoleDenied(signedIn.arn, roleArn);
    const error = refusal(message, signedIn, roleArn, facts, now);
    await auditAttempt(attempt, { error });
    throw error;
  }

  // The role session never outlives the console session it belongs to.
  const expiresAt = new Date(Math.min(now.getTime() + durationSeconds * 1000, row.expiresAt.getTime()));
  const displayName = input.displayName || defaultDisplayName(role.name, accountId, alias);
  const data = {
    roleArn: role.arn,
    roleId: role.id,
    roleSessionName: attempt.sessionName,
    roleDisplayName: displayName,
    roleColor: input.color ?? null,
    roleIssuedAt: now,
    roleExpiresAt: expiresAt,
  };
  await db().session.updateMany({ where: { idHash: row.idHash }, data });
  const updated: Session = { ...row, ...data };
  await rememberRole(row.principalArn, role.arn, displayName, input.color ?? "", now);
  await auditAttempt(attempt, { acting: sessionIdentity(updated, now), roleId: role.id, expiresAt });
  return roleSessionState(updated, now);
}

/** Back to the signed-in user ("Switch back"); a role whose hour is over is forgotten the same way. */
export async function exitRole(identity: Identity, facts: RequestFacts, now: Date = new Date()): Promise<RoleSessionState> {
  const row = await sessionRow(identity);
  const cleared = withoutRole(row);
  if (row.roleArn) {
    await db().session.updateMany({ where: { idHash: row.idHash }, data: { roleArn: null, roleId: null, roleSessionName: null, roleDisplayName: null, roleColor: null, roleIssuedAt: null, roleExpiresAt: null } });
    // Only a role still in use is left; one whose hour was over had already ended by itself.
    if (identity.role) {
      await recordAudit({ accountId: identity.role.accountId, eventSource: SIGNIN, eventName: "ExitRole", eventType: "AwsConsoleSignIn", identity, facts, responseElements: { ExitRole: "Success" }, resourceArn: row.roleArn, at: now });
    }
  }
  return roleSessionState(cleared, now);
}

/** The caller's switch-role state (GET /api/v1/session/role). */
export async function currentRoleState(identity: Identity, now: Date = new Date()): Promise<RoleSessionState> {
  return roleSessionState(await sessionRow(identity), now);
}
