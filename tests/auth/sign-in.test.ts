import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { mfaDeviceArn } from "@/lib/arn";
import { createUser } from "@/lib/data/create-user";
import { putLoginProfile } from "@/lib/data/put-login-profile";
import { IamError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/passwords";
import { masterKey } from "@/lib/auth/master-key";
import { seal } from "@/lib/auth/sealed";
import { HIDDEN_USER_NAME, INCORRECT_MESSAGE, signIn, STAND_IN_HASH } from "@/lib/auth/sign-in";
import { unlockUserSignIn } from "@/lib/auth/revoke-sessions";
import { newTotpSecret, totpCode } from "@/lib/auth/totp";
import type { SignInBody } from "@/lib/schemas/session";
import { freshAccount } from "@/tests/support/identity";

// Console sign-in as the AWS sign-in page and CloudTrail have it: one answer for every wrong
// credential ("Your authentication information is incorrect"), the MFA code asked after the
// password, and a ConsoleLogin record per attempt with responseElements.ConsoleLogin, MFAUsed and
// errorMessage "Failed authentication", the user name hidden when it is nobody's.
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html (expiry, HardExpiry)
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html

const PASSWORD = "Correct-Horse-9";
const LOGIN_TO = "http://localhost:3000/";
let accountId: string;
let alias: string;
let ipCounter = 0;
/** Each test signs in from an address of its own, so the per-address delay of one never meets another. */
let facts: { sourceIp: string; userAgent: string; secure: boolean };

beforeEach(async () => {
  accountId = await freshAccount();
  alias = (await db().account.findUniqueOrThrow({ where: { id: accountId } })).alias;
  await createUser(accountId, { userName: "alice", path: "/", tags: [] });
  await putLoginProfile(accountId, "alice", { password: PASSWORD, passwordResetRequired: false });
  facts = { sourceIp: `10.1.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`, userAgent: "vitest", secure: false };
});

const asAlice = (extra: Partial<SignInBody> = {}): SignInBody => ({ account: accountId, userName: "alice", password: PASSWORD, ...extra });

async function refusal(run: Promise<unknown>): Promise<IamError> {
  const error = await run.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(error instanceof IamError)) throw new Error(`expected an IamError, got ${String(error)}`);
  return error;
}

const lastConsoleLogin = async () => {
  const row = await db().auditEvent.findFirstOrThrow({ where: { eventName: "ConsoleLogin", sourceIp: facts.sourceIp }, orderBy: { id: "desc" } });
  return { ...row, responseElements: JSON.parse(row.responseElements ?? "null"), additionalEventData: JSON.parse(row.additionalEventData ?? "null") };
};

async function giveMfa(userName: string | null): Promise<string> {
  const secret = newTotpSecret();
  const name = `${userName ?? "root"}-phone`;
  const arn = mfaDeviceArn(accountId, name);
  const user = userName ? await db().user.findFirstOrThrow({ where: { accountId, name: userName } }) : null;
  await db().mfaDevice.create({
    data: { arn, accountId, name, nameLower: name.toLowerCase(), userId: user?.id ?? null, forRoot: user === null, enabledAt: new Date(), sealedSeed: seal(secret, masterKey(), `mfa:${arn}`) },
  });
  return secret;
}

/**
 * Twenty counted failures of `body`, each waiting out the delay the previous ones earned (all
 * inside the 15 minutes), from a fresh address each, so only the principal's count matters.
 * Answers the time of the last one.
 */
async function failTwentyTimes(body: SignInBody): Promise<number> {
  let now = Date.now();
  for (let counted = 0; counted < 20; ) {
    facts = { ...facts, sourceIp: `10.9.${counted}.${ipCounter}` };
    const error = await refusal(signIn(body, facts, LOGIN_TO, new Date(now)));
    if (error.code === "Throttling") now += Number(error.headers?.["Retry-After"]) * 1000;
    else counted++;
  }
  return now;
}

describe("signing in an IAM user", () => {
  it("signs in by account ID or alias and any case of the user name, and records the sign-in", async () => {
    const now = new Date();
    const byId = await signIn(asAlice(), facts, LOGIN_TO, now);
    expect(byId.identity).toMatchObject({ type: "IAMUser", accountId, arn: `arn:aws:iam::${accountId}:user/alice`, mfaAt: null });
    expect(byId.row.mustChangePassword).toBe(false);
    const byAlias = await signIn(asAlice({ account: alias, userName: "ALICE" }), facts, LOGIN_TO);
    expect(byAlias.identity.arn).toBe(byId.identity.arn);
    expect(byAlias.token).not.toBe(byId.token);
    expect((await db().user.findFirstOrThrow({ where: { accountId, name: "alice" } })).passwordLastUsedAt).not.toBeNull();
    const record = await lastConsoleLogin();
    expect(record).toMatchObject({ eventSource: "signin.amazonaws.com", eventType: "AwsConsoleSignIn", accountId, identityType: "IAMUser", principalArn: byId.identity.arn, userName: "alice", errorMessage: null });
    expect(record.responseElements).toEqual({ ConsoleLogin: "Success" });
    expect(record.additionalEventData).toEqual({ LoginTo: LOGIN_TO, MobileVersion: "No", MFAUsed: "No" });
  });

  it("answers a wrong password and an unknown user alike, and hides a name that is nobody's", async () => {
    const wrong = await refusal(signIn(asAlice({ password: "Wrong-Passw0rd" }), facts, LOGIN_TO));
    expect([wrong.code, wrong.status, wrong.message, wrong.field]).toEqual(["AccessDenied", 403, INCORRECT_MESSAGE, undefined]);
    expect(await lastConsoleLogin()).toMatchObject({ userName: "alice", principalArn: `arn:aws:iam::${accountId}:user/alice`, errorMessage: "Failed authentication", responseElements: { ConsoleLogin: "Failure" } });
    const nobody = await refusal(signIn(asAlice({ userName: "mallory" }), facts, LOGIN_TO));
    expect([nobody.code, nobody.message]).toEqual(["AccessDenied", INCORRECT_MESSAGE]);
    expect(await lastConsoleLogin()).toMatchObject({ userName: HIDDEN_USER_NAME, principalArn: null, accountId, errorMessage: "Failed authentication" });
    const noAccount = await refusal(signIn(asAlice({ account: "no-such-alias" }), facts, LOGIN_TO));
    expect(noAccount.message).toBe(INCORRECT_MESSAGE);
  });

  it("verifies an unknown user's password against a stand-in hash of the same cost", async () => {
    expect(STAND_IN_HASH.split("$").slice(0, 4)).toEqual((await hashPassword("x")).split("$").slice(0, 4));
    const started = performance.now();
    await verifyPassword("x", STAND_IN_HASH);
    const oneVerification = performance.now() - started;
    const begin = performance.now();
    await refusal(signIn(asAlice({ userName: "mallory" }), facts, LOGIN_TO));
    expect(performance.now() - begin).toBeGreaterThan(oneVerification * 0.5);
  });

  it("asks for the MFA code after the right password, accepts a code once, and counts a wrong one", async () => {
    const secret = await giveMfa("alice");
    const now = new Date();
    const asked = await refusal(signIn(asAlice(), facts, LOGIN_TO, now));
    expect([asked.code, asked.status, asked.field]).toEqual(["MfaRequired", 401, "mfaCode"]);
    const wrongPassword = await refusal(signIn(asAlice({ password: "Wrong-Passw0rd" }), facts, LOGIN_TO, now));
    expect(wrongPassword.code).toBe("AccessDenied");
    const code = totpCode(secret, now.getTime());
    const signedIn = await signIn(asAlice({ mfaCode: code }), facts, LOGIN_TO, now);
    expect(signedIn.identity.mfaAt?.getTime()).toBe(now.getTime());
    expect((await lastConsoleLogin()).additionalEventData).toMatchObject({ MFAUsed: "Yes" });
    const replay = await refusal(signIn(asAlice({ mfaCode: code }), facts, LOGIN_TO, now));
    expect([replay.code, replay.message, replay.field]).toEqual(["AccessDenied", INCORRECT_MESSAGE, "mfaCode"]);
    expect(await lastConsoleLogin()).toMatchObject({ errorMessage: "Failed authentication", additionalEventData: { MFAUsed: "Yes" } });
    const failures = await db().signInThrottle.findUniqueOrThrow({ where: { key: `arn:aws:iam::${accountId}:user/alice` } });
    // The wrong password before the sign-in was forgotten by it; the replay after it counts.
    expect(JSON.parse(failures.failures)).toHaveLength(1);
  });

  it("makes a user whose password must be reset, or has expired, change it first; HardExpiry refuses", async () => {
    await putLoginProfile(accountId, "alice", { passwordResetRequired: true });
    expect((await signIn(asAlice(), facts, LOGIN_TO)).row.mustChangePassword).toBe(true);
    await putLoginProfile(accountId, "alice", { passwordResetRequired: false });
    const policy = { MinimumPasswordLength: 8, RequireSymbols: false, RequireNumbers: false, RequireUppercaseCharacters: false, RequireLowercaseCharacters: false, AllowUsersToChangePassword: true, MaxPasswordAge: 1, HardExpiry: false };
    await db().account.update({ where: { id: accountId }, data: { passwordPolicy: JSON.stringify(policy) } });
    const twoDaysLater = new Date(Date.now() + 2 * 86_400_000);
    expect((await signIn(asAlice(), facts, LOGIN_TO, twoDaysLater)).row.mustChangePassword).toBe(true);
    expect((await signIn(asAlice(), facts, LOGIN_TO)).row.mustChangePassword).toBe(false);
    await db().account.update({ where: { id: accountId }, data: { passwordPolicy: JSON.stringify({ ...policy, HardExpiry: true }) } });
    const hard = await refusal(signIn(asAlice(), facts, LOGIN_TO, twoDaysLater));
    expect(hard.code).toBe("AccessDenied");
    expect(hard.message).toMatch(/expired/);
  });
});

describe("failed sign-ins", () => {
  it("delays the attempt after the sixth failure by 2 s (429 with Retry-After), unchecked", async () => {
    const t0 = Date.now();
    for (let i = 0; i < 6; i++) await refusal(signIn(asAlice({ password: "Wrong-Passw0rd" }), facts, LOGIN_TO, new Date(t0 + i)));
    const delayed = await refusal(signIn(asAlice(), facts, LOGIN_TO, new Date(t0 + 1000)));
    expect([delayed.code, delayed.status, delayed.headers]).toEqual(["Throttling", 429, { "Retry-After": "2" }]);
    expect(await lastConsoleLogin()).toMatchObject({ errorCode: "Throttling", responseElements: { ConsoleLogin: "Failure" } });
    expect((await signIn(asAlice(), facts, LOGIN_TO, new Date(t0 + 5 + 2000))).identity.type).toBe("IAMUser");
    // A sign-in forgets the user's failures; the address keeps its own.
    expect(await db().signInThrottle.findUnique({ where: { key: `arn:aws:iam::${accountId}:user/alice` } })).toBeNull();
    expect(await db().signInThrottle.findUnique({ where: { key: `ip:${facts.sourceIp}` } })).not.toBeNull();
  });

  it("locks a user at the 20th failure, even against the right password, until an administrator unlocks it", async () => {
    const now = await failTwentyTimes(asAlice({ password: "Wrong-Passw0rd" }));
    const locked = await refusal(signIn(asAlice(), facts, LOGIN_TO, new Date(now)));
    expect(locked.code).toBe("AccessDenied");
    expect(locked.message).toMatch(/^Too many failed sign-in attempts: sign-in for this user is locked until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\. An administrator can unlock it sooner\.$/);
    expect(await lastConsoleLogin()).toMatchObject({ errorCode: "AccessDenied", responseElements: { ConsoleLogin: "Failure" } });
    expect(await unlockUserSignIn(accountId, "alice", new Date(now))).toEqual({ userName: "alice", wasLocked: true });
    expect((await signIn(asAlice(), facts, LOGIN_TO, new Date(now))).identity.type).toBe("IAMUser");
  });

  it("delays every attempt from an address with many failures, whoever it names, but never locks it", async () => {
    const t0 = Date.now();
    for (let i = 0; i < 6; i++) await refusal(signIn(asAlice({ userName: `nobody${i}` }), facts, LOGIN_TO, new Date(t0 + i)));
    expect((await refusal(signIn(asAlice(), facts, LOGIN_TO, new Date(t0 + 100)))).code).toBe("Throttling");
  });

  it("locks a user that does not exist just as one that does", async () => {
    const now = await failTwentyTimes(asAlice({ userName: "ghost" }));
    expect((await refusal(signIn(asAlice({ userName: "ghost" }), facts, LOGIN_TO, new Date(now)))).message).toMatch(/locked until/);
  });
});

describe("signing in the root user", () => {
  let email: string;
  beforeEach(async () => {
    email = `Root-${accountId}@Example.test`;
    await db().account.update({ where: { id: accountId }, data: { rootEmail: email, rootPasswordHash: await hashPassword(PASSWORD), rootPasswordSetAt: new Date() } });
  });

  it("signs in by the root email in any case", async () => {
    const signedIn = await signIn({ rootEmail: email.toLowerCase(), password: PASSWORD }, facts, LOGIN_TO);
    expect(signedIn.identity).toMatchObject({ type: "Root", accountId, arn: `arn:aws:iam::${accountId}:root` });
    expect(await lastConsoleLogin()).toMatchObject({ identityType: "Root", accountId, responseElements: { ConsoleLogin: "Success" } });
    const wrong = await refusal(signIn({ rootEmail: email, password: "nope" }, facts, LOGIN_TO));
    expect(wrong.message).toBe(INCORRECT_MESSAGE);
    const nobody = await refusal(signIn({ rootEmail: "nobody@example.test", password: PASSWORD }, facts, LOGIN_TO));
    expect(nobody.message).toBe(INCORRECT_MESSAGE);
  });

  it("asks for the root user's MFA code when it has a device", async () => {
    const secret = await giveMfa(null);
    const now = new Date();
    expect((await refusal(signIn({ rootEmail: email, password: PASSWORD }, facts, LOGIN_TO, now))).code).toBe("MfaRequired");
    const signedIn = await signIn({ rootEmail: email, password: PASSWORD, mfaCode: totpCode(secret, now.getTime()) }, facts, LOGIN_TO, now);
    expect(signedIn.identity.mfaAt).not.toBeNull();
  });
});

describe("attempts sent at once", () => {
  // The throttle counts each failure before the next attempt is checked, however the attempts
  // arrive: 25 wrong passwords sent in parallel are 6 checked (5 free, the 6th starts a delay)
  // and 19 refused unchecked, as one after another (lib/auth/throttle.ts).
  it("cannot outrun the throttle", async () => {
    const now = new Date();
    const attempts = Array.from({ length: 25 }, () => refusal(signIn(asAlice({ password: "Wrong-Horse-9" }), facts, LOGIN_TO, now)));
    const codes = (await Promise.all(attempts)).map((error) => error.code);
    expect(codes.filter((code) => code === "AccessDenied")).toHaveLength(6);
    expect(codes.filter((code) => code === "Throttling")).toHaveLength(19);
  });
});
