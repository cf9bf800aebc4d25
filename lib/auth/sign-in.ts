import "server-only";
import { withKeyLock } from "@/lib/auth/key-lock";
import { db } from "@/lib/db";
import { accountRootArn } from "@/lib/arn";
import { retryWhileBusy } from "@/lib/data/busy";
import { mfaSeedContext } from "@/lib/data/create-mfa-device";
import { parseStoredPolicy } from "@/lib/data/get-password-policy";
import { nameKey } from "@/lib/data/lookup";
import { httpError, type IamError } from "@/lib/errors";
import { verifyPassword } from "@/lib/passwords";
import { recordAudit } from "@/lib/auth/audit";
import type { Identity, RequestFacts } from "@/lib/auth/identity";
import { masterKey } from "@/lib/auth/master-key";
import { passwordExpired, type PasswordPolicy } from "@/lib/auth/password-policy";
import { open, SealedSecretError } from "@/lib/auth/sealed";
import { createSession, sessionIdentity } from "@/lib/auth/sessions";
import { addressKey, checkThrottles, clearThrottle, recordFailures, throttleRefusal, type ThrottleKey } from "@/lib/auth/throttle-store";
import { verifyTotp } from "@/lib/auth/totp";
import type { Session } from "@/lib/generated/prisma/client";
import type { SignInBody } from "@/lib/schemas/session";

/**
 * Console sign-in, as the AWS sign-in page does it: an IAM user by account (ID or alias), user
 * name and password, the root user by its email and password; then the code of the principal's
 * virtual MFA device when it has one. A wrong answer never says which part was wrong, nor whether
 * the user exists: an unknown user's attempt verifies a password against a stand-in hash, so it
 * takes as long as a known user's. Every attempt is in the audit trail as CloudTrail records a
 * console sign-in (signin.amazonaws.com ConsoleLogin, with "Failed authentication" on failure and
 * the user name hidden when no such user exists). Failures are throttled (lib/auth/throttle.ts).
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html
 */

/** The AWS sign-in page's words for every wrong answer. */
export const INCORRECT_MESSAGE = "Your authentication information is incorrect. Please try again.";
/** CloudTrail's errorMessage of a failed ConsoleLogin. */
const FAILED_AUTHENTICATION = "Failed authentication";
/** CloudTrail's userName when the name typed is no user's (it may be a password typed in the wrong box). */
export const HIDDEN_USER_NAME = "HIDDEN_DUE_TO_SECURITY_REASONS";

/**
 * A stand-in scrypt hash (of random bytes nobody knows), with the cost lib/passwords.ts uses, so a
 * sign-in as nobody costs one verification like anybody's (tests/auth/sign-in.test.ts checks the cost).
 */
export const STAND_IN_HASH = "scrypt$16384$8$1$iJJ5P/EyjbjDvySLksRYDQ==$vU3HiYsPNWdXIfISaIc81MbE4lBP2mWmu6H2hjebKM7nrBsa2c0a3KKQ7J8Q0VlVoSiBFg1UnSkuixAlq6xxdw==";

type Principal =
  | { type: "IAMUser"; accountId: string; arn: string; userId: string; userName: string; passwordSetAt: Date; resetRequired: boolean; policy: PasswordPolicy | null }
  | { type: "Root"; accountId: string; arn: string };

interface Attempt {
  /** The principals' throttle keys: their ARNs, or the ARN the user would have when there is none. */
  keys: ThrottleKey[];
  /** The account signed in to (CloudTrail's recipientAccountId), when it exists. */
  accountId: string | null;
  /** The principal tried, when it exists. */
  attemptedArn: string | null;
  auditUserName: string | null;
  /** Whom the password may be of, with their hashes (none: the stand-in is verified instead). */
  candidates: { hash: string; principal: Principal }[];
}

export interface SignedIn {
  token: string;
  row: Session;
  identity: Identity;
}

async function userAttempt(account: string, userName: string): Promise<Attempt> {
  const found = await db().account.findFirst({ where: /^\d{12}$/.test(account) ? { id: account } : { alias: account }, select: { id: true, passwordPolicy: true } });
  const user = found
    ? await db().user.findUnique({ where: { accountId_nameLower: { accountId: found.id, nameLower: nameKey(userName) } } })
    : null;
  if (!found || !user) {
    const wouldBe = `arn:aws:iam::${found?.id ?? account}:user/${nameKey(userName)}`;
    return { keys: [{ key: wouldBe, kind: "principal" }], accountId: found?.id ?? null, attemptedArn: null, auditUserName: HIDDEN_USER_NAME, candidates: [] };
  }
  const principal: Principal = {
    type: "IAMUser",
    accountId: found.id,
    arn: user.arn,
    userId: user.id,
    userName: user.name,
    passwordSetAt: user.passwordSetAt ?? user.createdAt,
    resetRequired: user.passwordResetRequired,
    policy: parseStoredPolicy(found.passwordPolicy),
  };
  return {
    keys: [{ key: user.arn, kind: "principal" }],
    accountId: found.id,
    attemptedArn: user.arn,
    auditUserName: user.name,
    candidates: user.passwordHash ? [{ hash: user.passwordHash, principal }] : [],
  };
}

/** At most this many accounts are tried for one root email (the console does not force emails to be unique). */
const MAX_ROOT_CANDIDATES = 5;

async function rootAttempt(rootEmail: string): Promise<Attempt> {
  const email = rootEmail.toLowerCase();
  const accounts = await db().$queryRaw<{ id: string; rootPasswordHash: string | null }[]>`
    SELECT "id", "rootPasswordHash" FROM "Account" WHERE lower("rootEmail") = ${email} ORDER BY "id" LIMIT ${MAX_ROOT_CANDIDATES}`;
  if (accounts.length === 0) return { keys: [{ key: `root-email:${email}`, kind: "principal" }], accountId: null, attemptedArn: null, auditUserName: null, candidates: [] };
  return {
    keys: accounts.map((account) => ({ key: accountRootArn(account.id), kind: "principal" as const })),
    accountId: accounts.length === 1 ? accounts[0].id : null,
    attemptedArn: accounts.length === 1 ? accountRootArn(accounts[0].id) : null,
    auditUserName: null,
    candidates: accounts.flatMap((account) =>
      account.rootPasswordHash ? [{ hash: account.rootPasswordHash, principal: { type: "Root" as const, accountId: account.id, arn: accountRootArn(account.id) } }] : [],
    ),
  };
}

/** The principal whose password this is, or null; always at least one scrypt verification. */
async function verifyCandidates(password: string, candidates: Attempt["candidates"]): Promise<Principal | null> {
  if (candidates.length === 0) {
    await verifyPassword(password, STAND_IN_HASH);
    return null;
  }
  for (const { hash, principal } of candidates) if (await verifyPassword(password, hash)) return principal;
  return null;
}

/** An enabled virtual MFA device: its ARN (serial number), its sealed seed and the last time step accepted. */
export interface MfaDevice {
  arn: string;
  sealedSeed: string;
  lastUsedStep: number | null;
}

/** The principal's enabled virtual MFA devices whose seed this console holds (sealed). */
async function mfaDevicesOf(principal: Principal): Promise<MfaDevice[]> {
  const where = principal.type === "IAMUser" ? { userId: principal.userId } : { accountId: principal.accountId, forRoot: true };
  const rows = await db().mfaDevice.findMany({ where: { ...where, enabledAt: { not: null }, sealedSeed: { not: null } }, select: { arn: true, sealedSeed: true, lastUsedStep: true } });
  return rows.flatMap((row) => (row.sealedSeed ? [{ arn: row.arn, sealedSeed: row.sealedSeed, lastUsedStep: row.lastUsedStep }] : []));
}

/**
 * Whether `code` is a fresh code of one of the devices: its time step is recorded at once, and
 * only if still later than the last one recorded, so a code is accepted once however fast it is
 * sent twice. Console sign-in and STS's MFA check (lib/auth/sts-mfa.ts) both accept codes here:
 * a step used for one is used for the other. InternalError when no device's seed can be opened.
 */
export async function acceptMfaCode(devices: MfaDevice[], code: string, now: number): Promise<boolean> {
  let unreadable = 0;
  for (const device of devices) {
    let seed: string;
    try {
      seed = open(device.sealedSeed, masterKey(), mfaSeedContext(device.arn));
    } catch (err) {
      if (!(err instanceof SealedSecretError)) throw err;
      unreadable++;
      continue;
    }
    const step = verifyTotp(seed, code, now, device.lastUsedStep);
    if (step === null) continue;
    const { count } = await retryWhileBusy(() =>
      db().mfaDevice.updateMany({ where: { arn: device.arn, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] }, data: { lastUsedStep: step } }),
    );
    if (count === 1) return true;
  }
  if (unreadable === devices.length) {
    throw httpError("InternalError", "The MFA device's secret cannot be read with this console's master key (IAM_MASTER_KEY or data/master.key changed). An administrator must deactivate the device.");
  }
  return false;
}

const incorrect = (field?: string): IamError => httpError("AccessDenied", INCORRECT_MESSAGE, undefined, field);

interface Outcome {
  identity: Identity | null;
  mfaUsed: boolean;
  /** null: signed in. */
  error: IamError | null;
  /** The failure was the credentials themselves (CloudTrail's "Failed authentication"). */
  failedAuthentication?: boolean;
}

function audit(attempt: Attempt, facts: RequestFacts, loginTo: string, outcome: Outcome, at: Date): Promise<void> {
  const { error } = outcome;
  return recordAudit({
    accountId: outcome.identity?.accountId ?? attempt.accountId,
    eventSource: "signin.amazonaws.com",
    eventName: "ConsoleLogin",
    eventType: "AwsConsoleSignIn",
    identity: outcome.identity,
    attemptedArn: attempt.attemptedArn,
    userName: attempt.auditUserName,
    facts,
    requestParameters: null,
    responseElements: { ConsoleLogin: error ? "Failure" : "Success" },
    additionalEventData: { LoginTo: loginTo, MobileVersion: "No", MFAUsed: outcome.mfaUsed ? "Yes" : "No" },
    errorCode: error && !outcome.failedAuthentication ? error.code : null,
    errorMessage: error ? (outcome.failedAuthentication ? FAILED_AUTHENTICATION : error.message) : null,
    at,
  });
}

/**
 * Signs a principal in: answers the new session (its cookie token, its row and identity) or
 * throws AccessDenied (wrong credentials, locked), MfaRequired (the password was right and the
 * device's code is needed) or Throttling (refused unchecked). `loginTo` is CloudTrail's LoginTo.
 */
export async function signIn(input: SignInBody, facts: RequestFacts, loginTo: string, now: Date = new Date()): Promise<SignedIn> {
  const attempt = input.rootEmail !== undefined ? await rootAttempt(input.rootEmail) : await userAttempt(input.account ?? "", input.userName ?? "");
  // Attempts on one principal run one after another, each seeing the failures before it.
  return withKeyLock(
    attempt.keys.map((entry) => entry.key),
    () => attemptSignIn(input, attempt, facts, loginTo, now),
  );
}

async function attemptSignIn(input: SignInBody, attempt: Attempt, facts: RequestFacts, loginTo: string, now: Date): Promise<SignedIn> {
  const t = now.getTime();
  const root = input.rootEmail !== undefined;
  const keys: ThrottleKey[] = [...attempt.keys, { key: addressKey(facts.sourceIp), kind: "address" }];
  const fail = async (error: IamError, outcome: Omit<Outcome, "error" | "identity">): Promise<never> => {
    await audit(attempt, facts, loginTo, { ...outcome, identity: null, error }, now);
    throw error;
  };

  const gate = await checkThrottles(keys, t);
  if (!gate.allowed) return fail(throttleRefusal(gate, t, root ? "root" : "user"), { mfaUsed: false });

  const principal = await verifyCandidates(input.password, attempt.candidates);
  if (!principal) {
    await recordFailures(keys, t);
    return fail(incorrect(), { mfaUsed: false, failedAuthentication: true });
  }
  if (attempt.candidates.length > 1) {
    attempt.accountId = principal.accountId;
    attempt.attemptedArn = principal.arn;
  }

  let mfaAt: Date | null = null;
  const devices = await mfaDevicesOf(principal);
  if (devices.length > 0) {
    // The password was right: the form asks for the code next (no attempt is counted yet).
    if (input.mfaCode === undefined) throw httpError("MfaRequired", "Enter the code from your MFA device to complete sign-in.", undefined, "mfaCode");
    if (!(await acceptMfaCode(devices, input.mfaCode, t))) {
      await recordFailures(keys, t);
      return fail(incorrect("mfaCode"), { mfaUsed: true, failedAuthentication: true });
    }
    mfaAt = now;
  }

  let mustChangePassword = false;
  if (principal.type === "IAMUser") {
    // "If a password expires, the IAM user can't sign in to the AWS Management Console" without
    // choosing a new one; with HardExpiry only an administrator can reset it.
    const expired = passwordExpired(principal.passwordSetAt, principal.policy, now);
    if (expired && principal.policy?.HardExpiry) {
      return fail(httpError("AccessDenied", "Your password has expired, and this account's password policy lets only an administrator reset it. Ask your administrator for a new password."), { mfaUsed: mfaAt !== null });
    }
    mustChangePassword = principal.resetRequired || expired;
  }

  await clearThrottle(principal.arn);
  if (principal.type === "IAMUser") {
    await retryWhileBusy(() => db().user.updateMany({ where: { id: principal.userId }, data: { passwordLastUsedAt: now } }));
  }
  const { token, idHash } = await createSession(
    { accountId: principal.accountId, userId: principal.type === "IAMUser" ? principal.userId : null, principalArn: principal.arn, mfaAt, mustChangePassword, facts },
    now,
  );
  const row = await db().session.findUniqueOrThrow({ where: { idHash } });
  const identity = sessionIdentity(row, now);
  await audit(attempt, facts, loginTo, { identity, mfaUsed: mfaAt !== null, error: null }, now);
  return { token, row, identity };
}
