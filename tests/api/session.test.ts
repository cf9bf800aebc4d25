import { beforeEach, describe, expect, it } from "vitest";
import * as session from "@/app/api/v1/session/route";
import * as password from "@/app/api/v1/session/password/route";
import * as userSessions from "@/app/api/v1/accounts/[accountId]/users/[userName]/sessions/route";
import * as unlock from "@/app/api/v1/accounts/[accountId]/users/[userName]/unlock/route";
import * as users from "@/app/api/v1/accounts/[accountId]/users/route";
import { db } from "@/lib/db";
import { createUser } from "@/lib/data/create-user";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { putLoginProfile } from "@/lib/data/put-login-profile";
import { hashPassword } from "@/lib/passwords";
import { INCORRECT_MESSAGE } from "@/lib/auth/sign-in";
import { callRaw, type RawAnswer } from "@/tests/support/hostile";
import { freshAccount } from "@/tests/support/identity";
import { sessionCookie } from "@/tests/support/session";

// The session routes as the AWS console behaves: sign-in answers one message for every wrong
// credential, asks for MFA after the password, and sets an HttpOnly, SameSite=Lax cookie (Secure
// with the __Host- prefix over HTTPS); sign-out ends the session, "everywhere" every session of
// the principal. ChangePassword is iam:ChangePassword on the user's own ARN, which the account's
// password policy grants to every user when it allows users to change their own password; an
// explicit deny still refuses it, and the new password must meet the policy.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_enable-user-change.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_PasswordPolicy.html (AllowUsersToChangePassword)
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ChangePassword.html
// https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Set-Cookie#cookie_prefixes

const PASSWORD = "Correct-Horse-9";
const NEW_PASSWORD = "Battery-Staple-7";
let accountId: string;
let ipCounter = 0;
let ip: string;

const POLICY = { MinimumPasswordLength: 8, RequireSymbols: false, RequireNumbers: true, RequireUppercaseCharacters: false, RequireLowercaseCharacters: false, AllowUsersToChangePassword: true, HardExpiry: false };
const setPolicy = (policy: object | null) => db().account.update({ where: { id: accountId }, data: { passwordPolicy: policy === null ? null : JSON.stringify(policy) } });

beforeEach(async () => {
  accountId = await freshAccount();
  await createUser(accountId, { userName: "alice", path: "/", tags: [] });
  await putLoginProfile(accountId, "alice", { password: PASSWORD, passwordResetRequired: false });
  ip = `10.20.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
});

const json = { "content-type": "application/json" };
const signIn = (body: object, headers: Record<string, string> = {}) =>
  callRaw(session.POST, "POST", "/api/v1/session", {}, { body: JSON.stringify(body), headers: { ...json, "x-forwarded-for": ip, ...headers }, as: "anonymous" });
const asAlice = (extra: object = {}) => ({ account: accountId, userName: "alice", password: PASSWORD, ...extra });
/** The Cookie header a browser would send back after `answer`. */
const cookieOf = (answer: RawAnswer) => (answer.headers.get("set-cookie") ?? "").split(";")[0];
const getSession = (cookie: string | "anonymous") => callRaw(session.GET, "GET", "/api/v1/session", {}, { as: cookie });
const changePassword = (cookie: string, body: object) =>
  callRaw(password.POST, "POST", "/api/v1/session/password", {}, { body: JSON.stringify(body), headers: { ...json, "x-forwarded-for": ip }, as: cookie });
const errorOf = (answer: RawAnswer) => (answer.body as { error: { code: string; message: string; field?: string } }).error;

describe("POST /api/v1/session", () => {
  it("signs in and sets an HttpOnly, SameSite=Lax cookie until the session's end", async () => {
    const answer = await signIn(asAlice());
    expect(answer.status).toBe(200);
    expect(answer.headers.get("set-cookie")).toMatch(/^iam-session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
    expect(answer.body).toMatchObject({
      identity: { type: "IAMUser", arn: `arn:aws:iam::${accountId}:user/alice`, accountId, userName: "alice", signedInArn: `arn:aws:iam::${accountId}:user/alice`, mfa: false, role: null },
      mustChangePassword: false,
      recentRoles: [],
    });
    const again = await getSession(cookieOf(answer));
    expect(again.status).toBe(200);
    expect((again.body as { identity: { arn: string } }).identity.arn).toBe(`arn:aws:iam::${accountId}:user/alice`);
  });

  it("over HTTPS names the cookie __Host-iam-session and marks it Secure", async () => {
    const answer = await signIn(asAlice(), { "x-forwarded-proto": "https" });
    expect(answer.headers.get("set-cookie")).toMatch(/^__Host-iam-session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200; Secure$/);
  });

  it("answers a wrong password 403 in AWS's words, a missing MFA code 401 MfaRequired, and a delay 429 with Retry-After", async () => {
    const wrong = await signIn(asAlice({ password: "Wrong-Passw0rd" }));
    expect([wrong.status, errorOf(wrong)]).toEqual([403, { code: "AccessDenied", message: INCORRECT_MESSAGE }]);
    expect(wrong.headers.get("set-cookie")).toBeNull();
    for (let i = 0; i < 5; i++) await signIn(asAlice({ password: "Wrong-Passw0rd" }));
    const delayed = await signIn(asAlice());
    expect([delayed.status, errorOf(delayed).code]).toEqual([429, "Throttling"]);
    expect(Number(delayed.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("asks for the MFA code of a user with a device", async () => {
    const user = await db().user.findFirstOrThrow({ where: { accountId, name: "alice" } });
    const { seal } = await import("@/lib/auth/sealed");
    const { masterKey } = await import("@/lib/auth/master-key");
    const arn = `arn:aws:iam::${accountId}:mfa/alice-phone`;
    await db().mfaDevice.create({ data: { arn, accountId, name: "alice-phone", nameLower: "alice-phone", userId: user.id, enabledAt: new Date(), sealedSeed: seal("JBSWY3DPEHPK3PXP", masterKey(), `mfa:${arn}`) } });
    const asked = await signIn(asAlice());
    expect([asked.status, errorOf(asked).code, errorOf(asked).field]).toEqual([401, "MfaRequired", "mfaCode"]);
  });

  it("refuses a body that mixes the root user's and an IAM user's fields, naming them", async () => {
    const answer = await signIn({ rootEmail: "a@example.com", account: accountId, password: "x" });
    expect([answer.status, errorOf(answer).code, errorOf(answer).field]).toEqual([400, "ValidationError", "account"]);
  });
});

describe("GET and DELETE /api/v1/session", () => {
  it("answers 403 MissingAuthenticationToken without a session", async () => {
    const answer = await getSession("anonymous");
    expect([answer.status, errorOf(answer).code]).toEqual([403, "MissingAuthenticationToken"]);
  });

  it("signs out: the session ends, the cookie is cleared, the audit trail says so", async () => {
    const cookie = cookieOf(await signIn(asAlice()));
    const out = await callRaw(session.DELETE, "DELETE", "/api/v1/session", {}, { as: cookie, headers: { "x-forwarded-for": ip } });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toBe("iam-session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
    expect((await getSession(cookie)).status).toBe(403);
    const record = await db().auditEvent.findFirstOrThrow({ where: { eventName: "SignOut", sourceIp: ip } });
    expect(record).toMatchObject({ eventSource: "signin.amazonaws.com", principalArn: `arn:aws:iam::${accountId}:user/alice` });
  });

  it("signs out everywhere: every session of the principal ends, others stay", async () => {
    const first = cookieOf(await signIn(asAlice()));
    const second = cookieOf(await signIn(asAlice()));
    const root = await sessionCookie({ accountId });
    const out = await callRaw(session.DELETE, "DELETE", "/api/v1/session?everywhere=true", {}, { as: first });
    expect(out.status).toBe(204);
    expect((await getSession(first)).status).toBe(403);
    expect((await getSession(second)).status).toBe(403);
    expect((await getSession(root)).status).toBe(200);
  });
});

describe("POST /api/v1/session/password", () => {
  it("lets a user who must reset do nothing else, then change it under the account's policy (no policy of their own needed)", async () => {
    await setPolicy(POLICY);
    await putLoginProfile(accountId, "alice", { passwordResetRequired: true });
    const cookie = cookieOf(await signIn(asAlice()));
    expect((await getSession(cookie)).body).toMatchObject({ mustChangePassword: true });
    const blocked = await callRaw(users.GET, "GET", `/api/v1/accounts/${accountId}/users`, { accountId }, { as: cookie });
    expect([blocked.status, errorOf(blocked).code]).toEqual([403, "PasswordResetRequired"]);
    const weak = await changePassword(cookie, { oldPassword: PASSWORD, newPassword: "no-digits-here" });
    expect([weak.status, errorOf(weak).code, errorOf(weak).field]).toEqual([400, "PasswordPolicyViolation", "newPassword"]);
    const wrongOld = await changePassword(cookie, { oldPassword: "Not-It-1", newPassword: NEW_PASSWORD });
    expect([wrongOld.status, errorOf(wrongOld).code, errorOf(wrongOld).field]).toEqual([403, "AccessDenied", "oldPassword"]);
    const changed = await changePassword(cookie, { oldPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect([changed.status, (changed.body as { mustChangePassword: boolean }).mustChangePassword]).toEqual([200, false]);
    expect((await db().user.findFirstOrThrow({ where: { accountId, name: "alice" } })).passwordResetRequired).toBe(false);
    expect(errorOf(await callRaw(users.GET, "GET", `/api/v1/accounts/${accountId}/users`, { accountId }, { as: cookie })).code).toBe("AccessDenied");
    expect((await signIn(asAlice({ password: NEW_PASSWORD }))).status).toBe(200);
    const record = await db().auditEvent.findFirstOrThrow({ where: { eventName: "ChangePassword", sourceIp: ip, errorCode: null } });
    expect(record).toMatchObject({ eventSource: "iam.amazonaws.com", resourceArn: `arn:aws:iam::${accountId}:user/alice` });
  });

  it("without AllowUsersToChangePassword needs iam:ChangePassword from a policy, refused in AWS's words", async () => {
    await setPolicy({ ...POLICY, AllowUsersToChangePassword: false });
    const cookie = cookieOf(await signIn(asAlice()));
    const refused = await changePassword(cookie, { oldPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect([refused.status, errorOf(refused).message]).toEqual([
      403,
      `User: arn:aws:iam::${accountId}:user/alice is not authorized to perform: iam:ChangePassword on resource: arn:aws:iam::${accountId}:user/alice because no identity-based policy allows the iam:ChangePassword action`,
    ]);
    await putInlinePolicy("user", accountId, "alice", "Own", JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iam:ChangePassword", Resource: "arn:aws:iam::*:user/${aws:username}" }] }));
    expect((await changePassword(cookie, { oldPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(200);
  });

  it("is refused by an explicit deny even when the account lets users change their own password", async () => {
    await setPolicy(POLICY);
    await putInlinePolicy("user", accountId, "alice", "NoChange", JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "iam:ChangePassword", Resource: "*" }] }));
    const cookie = cookieOf(await signIn(asAlice()));
    const refused = await changePassword(cookie, { oldPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(errorOf(refused).message).toMatch(/with an explicit deny in an identity-based policy$/);
  });

  it("prevents reusing the passwords the policy remembers", async () => {
    // The history starts when reuse prevention is turned on ("enforced the next time your users change their passwords").
    await setPolicy({ ...POLICY, PasswordReusePrevention: 2 });
    const first = "First-Passw0rd";
    await putLoginProfile(accountId, "alice", { password: first });
    const cookie = cookieOf(await signIn(asAlice({ password: first })));
    expect((await changePassword(cookie, { oldPassword: first, newPassword: NEW_PASSWORD })).status).toBe(200);
    const back = await changePassword(cookie, { oldPassword: NEW_PASSWORD, newPassword: first });
    expect([back.status, errorOf(back).code, errorOf(back).field]).toEqual([400, "PasswordPolicyViolation", "newPassword"]);
    expect(errorOf(back).message).toMatch(/last 2 passwords/);
  });

  it("lets the root user change its own password under AWS's root password rules", async () => {
    await db().account.update({ where: { id: accountId }, data: { rootPasswordHash: await hashPassword(PASSWORD) } });
    const cookie = await sessionCookie({ accountId, mfa: true });
    const weak = await changePassword(cookie, { oldPassword: PASSWORD, newPassword: "alllowercase" });
    expect(errorOf(weak).code).toBe("PasswordPolicyViolation");
    expect((await changePassword(cookie, { oldPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(200);
    const record = await db().auditEvent.findFirstOrThrow({ where: { eventName: "PasswordUpdated", accountId, errorCode: null } });
    expect(record.eventSource).toBe("signin.amazonaws.com");
  });
});

describe("an administrator's revoke and unlock", () => {
  it("ends every session of a user (iam:UpdateLoginProfile on the user)", async () => {
    const alice = cookieOf(await signIn(asAlice()));
    const path = `/api/v1/accounts/${accountId}/users/alice/sessions`;
    const refused = await callRaw(userSessions.DELETE, "DELETE", path, { accountId, userName: "alice" }, { as: alice });
    expect(errorOf(refused).message).toMatch(/not authorized to perform: iam:UpdateLoginProfile on resource: arn:aws:iam::\d{12}:user\/alice/);
    const revoked = await callRaw(userSessions.DELETE, "DELETE", path, { accountId, userName: "alice" });
    expect([revoked.status, revoked.body]).toEqual([200, { userName: "alice", sessionsEnded: 1 }]);
    expect((await getSession(alice)).status).toBe(403);
  });

  it("unlocks a user", async () => {
    await db().signInThrottle.create({ data: { key: `arn:aws:iam::${accountId}:user/alice`, failures: "[]", lockedUntil: new Date(Date.now() + 600_000) } });
    expect(errorOf(await signIn(asAlice())).message).toMatch(/locked until/);
    const answer = await callRaw(unlock.POST, "POST", `/api/v1/accounts/${accountId}/users/alice/unlock`, { accountId, userName: "alice" });
    expect([answer.status, answer.body]).toEqual([200, { userName: "alice", wasLocked: true }]);
    expect((await signIn(asAlice())).status).toBe(200);
  });
});
