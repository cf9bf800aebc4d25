import { beforeAll, describe, expect, it } from "vitest";
import * as roleRoute from "@/app/api/v1/session/role/route";
import * as users from "@/app/api/v1/accounts/[accountId]/users/route";
import { decideAssumeRole } from "@/lib/auth/assume-role-decision";
import { globalContext } from "@/lib/auth/identity";
import { RECENT_ROLES } from "@/lib/auth/role-session-state";
import { createSession, readSession, sessionIdentity, ABSOLUTE_MS } from "@/lib/auth/sessions";
import { ROLE_SESSION_SECONDS, currentRoleState, switchRole } from "@/lib/auth/switch-role";
import { createRole } from "@/lib/data/create-role";
import { createUser } from "@/lib/data/create-user";
import { getPrincipalPolicies } from "@/lib/data/get-principal-policies";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { putPermissionsBoundary } from "@/lib/data/put-permissions-boundary";
import { createPolicy } from "@/lib/data/create-policy";
import { db } from "@/lib/db";
import { createRoleInput } from "@/lib/schemas/role";
import type { RoleSessionState } from "@/lib/schemas/switch-role";
import { PROD, SECURITY } from "@/prisma/seed/demo";
import { seedDatabase } from "@/prisma/seed/run";
import { callRoute, type Answer } from "@/tests/support/call-route";
import { freshAccount } from "@/tests/support/identity";
import { allow, trusting } from "@/tests/support/policies";
import { sessionCookie } from "@/tests/support/session";

// Switch role follows "Switch from a user to an IAM role (console)": the console decides the
// switch with the signed-in user's own credentials (never the role in use), a role session lasts
// one hour, the root user cannot switch, and the console remembers the last five roles. The
// decision is sts:AssumeRole as "Policy evaluation logic" and "Cross-account policy evaluation
// logic" have it: within one account a trust policy naming the user allows on its own and one
// naming the account delegates to the user's identity policies; across accounts both the trust
// policy and the user's identity policies must allow.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-console.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html

const FACTS = { sourceIp: "127.0.0.1", userAgent: "vitest", secure: false };
const roleArn = (accountId: string, name: string) => `arn:aws:iam::${accountId}:role/${name}`;
const userArn = (accountId: string, name: string) => `arn:aws:iam::${accountId}:user/${name}`;

beforeAll(async () => {
  await seedDatabase();
}, 180_000);

const switchTo = (cookie: string, body: object) => callRoute(roleRoute.POST, "POST", "/api/v1/session/role", {}, body, cookie);
const stateOf = (answer: Answer) => answer.body as RoleSessionState;
const errorOf = (answer: Answer) => (answer.body as { error: { code: string; message: string; field?: string; denied?: { action: string; resource: string } } }).error;
const tokenOf = (cookie: string) => cookie.slice(cookie.indexOf("=") + 1);

async function identityOf(cookie: string, now = new Date()) {
  const row = await readSession(tokenOf(cookie), now);
  if (!row) throw new Error("no session");
  return { row, identity: sessionIdentity(row, now) };
}

async function lastAudit(eventName: string) {
  return db().auditEvent.findFirstOrThrow({ where: { eventName }, orderBy: { id: "desc" } });
}

describe("switching role in the demo", () => {
  it("lets bob switch to RoleName: AssumeRoleNamePolicy allows it and the trust policy trusts acme-prod", async () => {
    const cookie = await sessionCookie({ accountId: PROD, userName: "bob" });
    const answer = await switchTo(cookie, { account: "acme-prod", roleName: "RoleName", color: "blue" });
    expect(answer.status).toBe(200);
    const { role } = stateOf(answer);
    expect(role).toMatchObject({
      roleArn: roleArn(PROD, "RoleName"),
      roleName: "RoleName",
      accountId: PROD,
      accountAlias: "acme-prod",
      sessionName: "bob",
      displayName: "RoleName @ acme-prod",
      color: "blue",
      colorHex: "#99BCE3",
    });
    expect(Date.parse(role!.expiresAt) - Date.parse(role!.issuedAt)).toBe(ROLE_SESSION_SECONDS * 1000);

    // The session now acts as the role: arn:aws:sts::…:assumed-role/RoleName/bob, with ReadOnlyAccess.
    const { identity } = await identityOf(cookie);
    expect(identity).toMatchObject({ type: "AssumedRole", arn: `arn:aws:sts::${PROD}:assumed-role/RoleName/bob`, accountId: PROD });
    expect((await callRoute(users.GET, "GET", `/api/v1/accounts/${PROD}/users`, { accountId: PROD }, undefined, cookie)).status).toBe(200);
    const create = await callRoute(users.POST, "POST", `/api/v1/accounts/${PROD}/users`, { accountId: PROD }, { userName: "newcomer" }, cookie);
    expect(errorOf(create).message).toMatch(new RegExp(`^User: arn:aws:sts::${PROD}:assumed-role/RoleName/bob is not authorized to perform: iam:CreateUser`));

    // CloudTrail has it twice: STS's AssumeRole by bob, and the console's SwitchRole by the new session.
    const assume = await lastAudit("AssumeRole");
    expect(assume).toMatchObject({ eventSource: "sts.amazonaws.com", principalArn: userArn(PROD, "bob"), accountId: PROD, errorCode: null, resourceArn: roleArn(PROD, "RoleName") });
    const switched = await lastAudit("SwitchRole");
    expect(switched).toMatchObject({ eventSource: "signin.amazonaws.com", eventType: "AwsConsoleSignIn", identityType: "AssumedRole", sessionIssuerArn: roleArn(PROD, "RoleName") });
    expect(JSON.parse(switched.responseElements ?? "null")).toEqual({ SwitchRole: "Success" });
    expect(JSON.parse(switched.additionalEventData ?? "null")).toEqual({ SwitchFrom: userArn(PROD, "bob") });
  });

  it("refuses alice, whom no identity-based policy allows sts:AssumeRole, in STS's words", async () => {
    const cookie = await sessionCookie({ accountId: PROD, userName: "alice" });
    const answer = await switchTo(cookie, { account: PROD, roleName: "RoleName" });
    expect(answer.status).toBe(403);
    expect(errorOf(answer)).toMatchObject({
      code: "AccessDenied",
      message: `User: ${userArn(PROD, "alice")} is not authorized to perform: sts:AssumeRole on resource: ${roleArn(PROD, "RoleName")}`,
      denied: { action: "sts:AssumeRole", resource: roleArn(PROD, "RoleName") },
    });
    expect((await identityOf(cookie)).identity.type).toBe("IAMUser");
    const switched = await lastAudit("SwitchRole");
    expect(switched).toMatchObject({ principalArn: userArn(PROD, "alice"), errorCode: "AccessDenied" });
    expect(JSON.parse(switched.responseElements ?? "null")).toEqual({ SwitchRole: "Failure" });
  });

  it("refuses carol CrossAccountAuditor in acme-security without MFA (its trust policy requires it) and allows it with MFA", async () => {
    const without = await switchTo(await sessionCookie({ accountId: PROD, userName: "carol" }), { account: "acme-security", roleName: "CrossAccountAuditor" });
    expect(without.status).toBe(403);
    expect(errorOf(without).message).toBe(`User: ${userArn(PROD, "carol")} is not authorized to perform: sts:AssumeRole on resource: ${roleArn(SECURITY, "CrossAccountAuditor")}`);

    const withMfa = await switchTo(await sessionCookie({ accountId: PROD, userName: "carol", mfa: true }), { account: "acme-security", roleName: "CrossAccountAuditor", color: "red" });
    expect(withMfa.status).toBe(200);
    expect(stateOf(withMfa).role).toMatchObject({ roleArn: roleArn(SECURITY, "CrossAccountAuditor"), accountId: SECURITY, displayName: "CrossAccountAuditor @ acme-security", sessionName: "carol" });
  });

  it("says which side refused, for the console's explanations: the trust policy (resource-based policy) for carol without MFA", async () => {
    const carol = await getPrincipalPolicies("user", PROD, "carol");
    const role = await db().role.findFirstOrThrow({ where: { accountId: SECURITY, name: "CrossAccountAuditor" } });
    const { identity } = await identityOf(await sessionCookie({ accountId: PROD, userName: "carol" }));
    const request = (context: ReturnType<typeof globalContext>) =>
      decideAssumeRole({
        principal: { arn: carol.arn, accountId: PROD, tags: carol.tags },
        identityPolicies: carol.identityPolicies,
        permissionsBoundary: carol.permissionsBoundary,
        role: { arn: role.arn, accountId: SECURITY, trustPolicy: JSON.parse(role.trustPolicy) as unknown },
        context,
      });
    const now = new Date();
    const refused = request(globalContext(identity, FACTS, now));
    expect(refused).toMatchObject({ allowed: false, result: { decision: "implicitDeny", gate: "resourcePolicy" } });
    const allowed = request(globalContext({ ...identity, mfaAt: now }, FACTS, now));
    expect(allowed).toMatchObject({ allowed: true, result: { decision: "allowed", gate: "crossAccount" } });
  });

  it("refuses the root user: roles may not be assumed by root accounts", async () => {
    const answer = await switchTo(await sessionCookie({ accountId: PROD }), { account: PROD, roleName: "RoleName" });
    expect(answer.status).toBe(403);
    expect(errorOf(answer)).toMatchObject({ code: "AccessDenied", message: "Roles may not be assumed by root accounts." });
  });

  it("decides a second switch as the signed-in user, not as the role in use", async () => {
    const cookie = await sessionCookie({ accountId: PROD, userName: "carol", mfa: true });
    expect((await switchTo(cookie, { account: SECURITY, roleName: "CrossAccountAuditor" })).status).toBe(200);
    // SecurityAudit does not allow sts:AssumeRole; carol's AdministratorAccess does.
    const again = await switchTo(cookie, { account: PROD, roleName: "RoleName" });
    expect(again.status).toBe(200);
    expect(stateOf(again).role?.roleArn).toBe(roleArn(PROD, "RoleName"));
    expect((await lastAudit("AssumeRole")).principalArn).toBe(userArn(PROD, "carol"));
  });

  it("refuses a role that does not exist in the same words, and says when an alias is unknown", async () => {
    const cookie = await sessionCookie({ accountId: PROD, userName: "bob" });
    const missing = await switchTo(cookie, { account: PROD, roleName: "NoSuchRole" });
    expect(errorOf(missing).message).toBe(`User: ${userArn(PROD, "bob")} is not authorized to perform: sts:AssumeRole on resource: ${roleArn(PROD, "NoSuchRole")}`);
    const wrongPath = await switchTo(cookie, { account: PROD, roleName: "team/RoleName" });
    expect(errorOf(wrongPath).message).toContain(`resource: arn:aws:iam::${PROD}:role/team/RoleName`);
    const alias = await switchTo(cookie, { account: "acme-nowhere", roleName: "RoleName" });
    expect(alias.status).toBe(400);
    expect(errorOf(alias)).toMatchObject({ code: "ValidationError", field: "account" });
    const bad = await switchTo(cookie, { account: "12345", roleName: "Role Name", color: "purple" });
    expect(bad.status).toBe(400);
  });

  it("goes back to the signed-in user on DELETE", async () => {
    const cookie = await sessionCookie({ accountId: PROD, userName: "bob" });
    await switchTo(cookie, { account: PROD, roleName: "RoleName" });
    const back = await callRoute(roleRoute.DELETE, "DELETE", "/api/v1/session/role", {}, undefined, cookie);
    expect(back.status).toBe(200);
    expect(stateOf(back)).toMatchObject({ role: null, expiredRole: null, signedIn: { arn: userArn(PROD, "bob"), accountAlias: "acme-prod" } });
    expect((await identityOf(cookie)).identity).toMatchObject({ type: "IAMUser", arn: userArn(PROD, "bob") });
    expect(await lastAudit("ExitRole")).toMatchObject({ principalArn: `arn:aws:sts::${PROD}:assumed-role/RoleName/bob` });
  });
});

describe("the evaluation logic of a switch", () => {
  it("within one account, a trust policy naming the user allows without any identity policy; across accounts it does not", async () => {
    const home = await freshAccount();
    const other = await freshAccount();
    await createUser(home, { userName: "dev", path: "/", tags: [] });
    await createRole(home, createRoleInput.parse({ roleName: "Named", trustPolicy: trusting(userArn(home, "dev")) }));
    await createRole(other, createRoleInput.parse({ roleName: "Named", trustPolicy: trusting(userArn(home, "dev")) }));
    const cookie = await sessionCookie({ accountId: home, userName: "dev" });
    expect((await switchTo(cookie, { account: home, roleName: "Named" })).status).toBe(200);
    expect((await switchTo(cookie, { account: other, roleName: "Named" })).status).toBe(403);
    await putInlinePolicy("user", home, "dev", "Assume", allow("sts:AssumeRole", roleArn(other, "Named")));
    expect((await switchTo(cookie, { account: other, roleName: "Named" })).status).toBe(200);
  });

  it("is capped by the user's permissions boundary even when the trust policy names the user", async () => {
    const home = await freshAccount();
    await createUser(home, { userName: "dev", path: "/", tags: [] });
    await createRole(home, createRoleInput.parse({ roleName: "Named", trustPolicy: trusting(userArn(home, "dev")) }));
    const boundary = await createPolicy(home, { policyName: "S3Only", path: "/", description: "", policyDocument: allow("s3:*"), tags: [] });
    await putPermissionsBoundary("user", home, "dev", boundary.arn);
    const answer = await switchTo(await sessionCookie({ accountId: home, userName: "dev" }), { account: home, roleName: "Named" });
    expect(answer.status).toBe(403);
  });
});

describe("the role session", () => {
  async function bobSession(createdAt: Date) {
    const bob = await db().user.findFirstOrThrow({ where: { accountId: PROD, name: "bob" } });
    const { idHash } = await createSession({ accountId: PROD, userId: bob.id, principalArn: bob.arn, mfaAt: null, mustChangePassword: false, facts: FACTS }, createdAt);
    const row = await db().session.findUniqueOrThrow({ where: { idHash } });
    return { row, identity: sessionIdentity(row, createdAt) };
  }

  it("lasts one hour, then the session acts as the signed-in user again and says the role ended", async () => {
    const start = new Date();
    const { row, identity } = await bobSession(start);
    await switchRole(identity, { account: PROD, roleName: "RoleName" }, FACTS, start);
    const switched = await db().session.findUniqueOrThrow({ where: { idHash: row.idHash } });
    const justBefore = new Date(start.getTime() + ROLE_SESSION_SECONDS * 1000 - 1);
    const justAfter = new Date(start.getTime() + ROLE_SESSION_SECONDS * 1000);
    expect(sessionIdentity(switched, justBefore).type).toBe("AssumedRole");
    expect(sessionIdentity(switched, justAfter)).toMatchObject({ type: "IAMUser", arn: userArn(PROD, "bob"), role: null });
    const state = await currentRoleState(sessionIdentity(switched, justAfter), justAfter);
    expect(state.role).toBeNull();
    expect(state.expiredRole).toMatchObject({ roleArn: roleArn(PROD, "RoleName"), expiresAt: justAfter.toISOString() });
  });

  it("never outlives the console session it belongs to", async () => {
    const signedInAt = new Date(Date.now() - ABSOLUTE_MS + 10 * 60 * 1000);
    const { row } = await bobSession(signedInAt);
    const now = new Date();
    await switchRole(sessionIdentity(row, now), { account: PROD, roleName: "RoleName" }, FACTS, now);
    const switched = await db().session.findUniqueOrThrow({ where: { idHash: row.idHash } });
    expect(switched.roleExpiresAt?.getTime()).toBe(signedInAt.getTime() + ABSOLUTE_MS);
  });

  it(`remembers the last ${RECENT_ROLES} roles switched to, newest first, each once`, async () => {
    const home = await freshAccount();
    await createUser(home, { userName: "dev", path: "/", tags: [] });
    const names = ["R1", "R2", "R3", "R4", "R5", "R6"];
    for (const name of names) await createRole(home, createRoleInput.parse({ roleName: name, trustPolicy: trusting(userArn(home, "dev")) }));
    const cookie = await sessionCookie({ accountId: home, userName: "dev" });
    for (const name of names) expect((await switchTo(cookie, { account: home, roleName: name })).status).toBe(200);
    const again = await switchTo(cookie, { account: home, roleName: "R3", displayName: "Third" });
    expect(stateOf(again).recentRoles.map((role) => [role.roleName, role.displayName])).toEqual([
      ["R3", "Third"],
      ["R6", `R6 @ ${stateOf(again).signedIn.accountAlias}`],
      ["R5", `R5 @ ${stateOf(again).signedIn.accountAlias}`],
      ["R4", `R4 @ ${stateOf(again).signedIn.accountAlias}`],
      ["R2", `R2 @ ${stateOf(again).signedIn.accountAlias}`],
    ]);
    expect(await db().recentRole.count({ where: { principalArn: userArn(home, "dev") } })).toBe(RECENT_ROLES);
  });
});
