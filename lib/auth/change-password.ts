import "server-only";
import { withKeyLock } from "@/lib/auth/key-lock";
import { db } from "@/lib/db";
import { IamError, httpError, toIamError } from "@/lib/errors";
import { verifyPassword, hashPassword } from "@/lib/passwords";
import { op } from "@/lib/api/operations";
import { recordAudit } from "@/lib/auth/audit";
import { accessDenied, decideOperations } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { passwordExpired, passwordProblems, type PasswordPolicy } from "@/lib/auth/password-policy";
import { addressKey, checkThrottles, recordFailures, throttleRefusal, type ThrottleKey } from "@/lib/auth/throttle-store";
import { changeRootPassword, changeUserPassword } from "@/lib/data/change-password";
import { parseStoredPolicy } from "@/lib/data/get-password-policy";
import { vetUserPassword } from "@/lib/data/password-history";
import type { ChangePasswordBody } from "@/lib/schemas/session";

/**
 * A signed-in principal changes its own password (the console's "Change password", and the forced
 * change at first sign-in). An IAM user makes ChangePassword, decided by the engine as
 * iam:ChangePassword on the user's own ARN — and, when the account's password policy has
 * AllowUsersToChangePassword, IAM grants that permission itself "at the account-level for all
 * users", without any policy (so only an explicit deny refuses it). The new password must meet
 * the account's password policy and its reuse prevention. The root user changes its own password
 * freely; AWS's root password rules apply to it, not the account's policy ("The IAM password
 * policy does not apply to the AWS account root user password"). A wrong current password counts
 * as a failed sign-in (lib/auth/throttle.ts), so a left-open session cannot be used to guess it.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_PasswordPolicy.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_enable-user-change.html
 */

const wrongCurrent = () => httpError("AccessDenied", "The current password is incorrect.", undefined, "oldPassword");
const violation = (message: string) => new IamError("PasswordPolicyViolation", message, "newPassword");

/** Checks the throttle, then the current password against `hash`; a wrong one is counted. */
async function verifyCurrent(oldPassword: string, hash: string | null, keys: ThrottleKey[], who: "user" | "root", now: number): Promise<string> {
  // One check at a time per principal, as sign-in does (lib/auth/key-lock.ts).
  return withKeyLock(
    keys.filter((entry) => entry.kind === "principal").map((entry) => entry.key),
    () => checkCurrent(oldPassword, hash, keys, who, now),
  );
}

async function checkCurrent(oldPassword: string, hash: string | null, keys: ThrottleKey[], who: "user" | "root", now: number): Promise<string> {
  const gate = await checkThrottles(keys, now);
  if (!gate.allowed) throw throttleRefusal(gate, now, who);
  if (hash === null || !(await verifyPassword(oldPassword, hash))) {
    await recordFailures(keys, now);
    throw wrongCurrent();
  }
  return hash;
}

async function changeIamUserPassword(caller: Caller, body: ChangePasswordBody, now: Date): Promise<{ resourceArn: string }> {
  const { identity, facts } = caller;
  const user = await db().user.findUnique({ where: { id: identity.signedIn.userId }, include: { account: { select: { passwordPolicy: true } } } });
  if (!user) throw httpError("NoSuchEntity", "The signed-in user no longer exists.");
  const policy = parseStoredPolicy(user.account.passwordPolicy);
  const [verdict] = await decideOperations(identity, facts, [op(user.accountId, "iam:ChangePassword", user.arn)], now);
  const grantedByAccount = policy?.AllowUsersToChangePassword === true && verdict.result.decision === "implicitDeny";
  if (!verdict.allowed && !grantedByAccount) throw accessDenied(verdict, identity, facts, now);
  // HardExpiry: "IAM users are prevented from setting a new password via the AWS Management Console after their password has expired".
  if (policy?.HardExpiry && passwordExpired(user.passwordSetAt ?? user.createdAt, policy, now)) {
    throw httpError("AccessDenied", "Your password has expired, and this account's password policy lets only an administrator reset it.");
  }
  const keys: ThrottleKey[] = [{ key: user.arn, kind: "principal" }, { key: addressKey(facts.sourceIp), kind: "address" }];
  const currentHash = await verifyCurrent(body.oldPassword, user.passwordHash, keys, "user", now.getTime());
  if (body.newPassword === body.oldPassword) throw violation("The new password must differ from the current one.");
  let vetted;
  try {
    vetted = await vetUserPassword(user.accountId, user, body.newPassword);
  } catch (err) {
    throw err instanceof IamError && err.code === "PasswordPolicyViolation" ? violation(err.message) : err;
  }
  await changeUserPassword(user.id, currentHash, vetted, now);
  return { resourceArn: user.arn };
}

async function changeOwnRootPassword(caller: Caller, body: ChangePasswordBody, now: Date): Promise<{ resourceArn: string }> {
  const { identity, facts } = caller;
  const account = await db().account.findUnique({ where: { id: identity.accountId }, select: { alias: true, rootEmail: true, rootPasswordHash: true } });
  if (!account) throw httpError("NoSuchEntity", "The signed-in account no longer exists.");
  const keys: ThrottleKey[] = [{ key: identity.signedIn.arn, kind: "principal" }, { key: addressKey(facts.sourceIp), kind: "address" }];
  const currentHash = await verifyCurrent(body.oldPassword, account.rootPasswordHash, keys, "root", now.getTime());
  if (body.newPassword === body.oldPassword) throw violation("The new password must differ from the current one.");
  // The root user's rules are AWS's default ones: 8 to 128 characters, three kinds of character, not the account's name or email.
  const problems = passwordProblems(body.newPassword, null, { accountName: account.alias, email: account.rootEmail });
  if (problems.length > 0) throw violation(problems.join(" "));
  await changeRootPassword(identity.accountId, currentHash, await hashPassword(body.newPassword), now);
  return { resourceArn: identity.signedIn.arn };
}

/**
 * Changes the caller's own password; every attempt is in the audit trail (ChangePassword from
 * iam.amazonaws.com for a user, PasswordUpdated from signin.amazonaws.com for the root user).
 */
export async function changeOwnPassword(caller: Caller, body: ChangePasswordBody, now: Date = new Date()): Promise<void> {
  const { identity, facts } = caller;
  const root = identity.signedIn.type === "Root";
  let resourceArn: string | null = identity.signedIn.arn;
  let error: IamError | null = null;
  try {
    // ChangePassword changes "the password of the IAM user who is calling this operation": a role session has none.
    if (identity.role) {
      throw httpError("InvalidUserType", `You are acting as role ${identity.role.roleName}, which has no password. Switch back to ${identity.signedIn.userName ?? "the root user"} to change your password.`);
    }
    ({ resourceArn } = root ? await changeOwnRootPassword(caller, body, now) : await changeIamUserPassword(caller, body, now));
  } catch (err) {
    error = toIamError(err);
    throw err;
  } finally {
    await recordAudit({
      accountId: identity.accountId,
      eventSource: root ? "signin.amazonaws.com" : "iam.amazonaws.com",
      eventName: root ? "PasswordUpdated" : "ChangePassword",
      eventType: root ? "AwsConsoleSignIn" : "AwsApiCall",
      identity,
      facts,
      responseElements: root ? { PasswordUpdated: error ? "Failure" : "Success" } : null,
      resourceArn,
      errorCode: error?.code ?? null,
      errorMessage: error?.message ?? null,
      at: now,
    });
  }
}

/** The rules the caller's new password must meet, for the form's live checklist (the server checks again). */
export async function ownPasswordRules(caller: Pick<Caller, "identity">): Promise<{ policy: PasswordPolicy | null; userName: string | null; root: boolean }> {
  const { signedIn } = caller.identity;
  if (signedIn.type === "Root") return { policy: null, userName: null, root: true };
  const account = await db().account.findUnique({ where: { id: signedIn.accountId }, select: { passwordPolicy: true } });
  return { policy: parseStoredPolicy(account?.passwordPolicy ?? null), userName: signedIn.userName, root: false };
}
