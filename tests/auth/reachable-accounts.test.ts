import { beforeAll, describe, expect, it } from "vitest";
import * as whoCanRoute from "@/app/api/v1/who-can/route";
import * as policiesRoute from "@/app/api/v1/catalog/actions/[action]/policies/route";
import { sessionCaller } from "@/lib/auth/authenticate";
import type { Identity } from "@/lib/auth/identity";
import { reachableAccounts } from "@/lib/auth/reachable-accounts";
import { attachPolicy } from "@/lib/data/attach-policy";
import { createRole } from "@/lib/data/create-role";
import { createUser } from "@/lib/data/create-user";
import { deleteInlinePolicy } from "@/lib/data/delete-inline-policy";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { createRoleInput } from "@/lib/schemas/role";
import { createUserBody } from "@/lib/schemas/user";
import type { AccountsRead } from "@/lib/schemas/reachable-accounts";
import type { WhoCanResult } from "@/lib/schemas/who-can";
import { callRoute } from "@/tests/support/call-route";
import { freshAccount } from "@/tests/support/identity";
import { allow, awsPolicyArn, importTestManagedPolicies, trusting } from "@/tests/support/policies";
import { sessionCookie } from "@/tests/support/session";

// Multi-account views read each account as multi-account tools do: the caller's own account by
// its own policies, every other through a role it may assume there ("Accessing member accounts in
// your organization": OrganizationAccountAccessRole trusts the management account), whose policies
// must allow iam:GetAccountAuthorizationDetails. sts:AssumeRole needs both the trust policy and,
// across accounts, the caller's identity policies ("Cross-account policy evaluation logic"); the
// root user cannot assume roles (AssumeRole, AWS STS API Reference).
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_access.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
// https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html

let management: string;
let memberA: string;
let memberB: string;
let loner: string;
const FACTS = { sourceIp: "127.0.0.1", userAgent: "vitest", secure: false };
const ADMIN = allow("*");

async function organizationRole(accountId: string, trusted: string) {
  await createRole(accountId, createRoleInput.parse({ roleName: "OrganizationAccountAccessRole", trustPolicy: trusting(`arn:aws:iam::${trusted}:root`) }));
  await putInlinePolicy("role", accountId, "OrganizationAccountAccessRole", "AdministratorAccess", ADMIN);
}

beforeAll(async () => {
  await importTestManagedPolicies();
  management = await freshAccount();
  memberA = await freshAccount();
  memberB = await freshAccount();
  loner = await freshAccount();
  await organizationRole(memberA, management);
  await organizationRole(memberB, management);
  for (const name of ["org-admin", "nobody", "mfa-admin"]) await createUser(management, createUserBody.parse({ userName: name }));
  await attachPolicy("user", management, "org-admin", awsPolicyArn("AdministratorAccess"));
  await attachPolicy("user", management, "mfa-admin", awsPolicyArn("AdministratorAccess"));
  // memberB also has a role only mfa-admin may assume, with MFA, and that reads nothing.
  await createRole(
    memberB,
    createRoleInput.parse({
      roleName: "Auditor",
      trustPolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${management}:user/mfa-admin` }, Action: "sts:AssumeRole", Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }],
      }),
    }),
  );
  // In the loner account, a user without policies and a role trusting that user by name.
  await createUser(loner, createUserBody.parse({ userName: "reader" }));
  await createRole(loner, createRoleInput.parse({ roleName: "Reader", trustPolicy: trusting(`arn:aws:iam::${loner}:user/reader`) }));
  await putInlinePolicy("role", loner, "Reader", "Read", allow("iam:GetAccountAuthorizationDetails"));
});

async function identityOf(who: { accountId: string; userName?: string; mfa?: boolean }): Promise<Identity> {
  const cookie = await sessionCookie(who);
  const caller = await sessionCaller(cookie.slice(cookie.indexOf("=") + 1));
  if (!caller) throw new Error("no session");
  return caller.identity;
}

const ours = (accounts: AccountsRead) => {
  const mine = new Set([management, memberA, memberB, loner]);
  return {
    read: accounts.read.filter((a) => mine.has(a.accountId)).map((a) => (a.via === "own" ? `${a.accountId}:own` : `${a.accountId}:${a.roleName}`)),
    unread: accounts.unread.filter((a) => mine.has(a.accountId)),
  };
};

describe("the accounts a caller may read", () => {
  it("reads the management account by the caller's own policies and each member through OrganizationAccountAccessRole", async () => {
    const { read, unread } = ours(await reachableAccounts(await identityOf({ accountId: management, userName: "org-admin" }), FACTS));
    expect(read).toEqual([`${management}:own`, `${memberA}:OrganizationAccountAccessRole`, `${memberB}:OrganizationAccountAccessRole`].sort());
    // No role of the loner account trusts the management account.
    expect(unread).toEqual([{ accountId: loner, alias: expect.any(String), reason: "no role you may assume allows iam:GetAccountAuthorizationDetails", message: null }]);
  });

  it("says why in AWS's words: the caller's own refusal, and STS's refusal of OrganizationAccountAccessRole", async () => {
    const { read, unread } = ours(await reachableAccounts(await identityOf({ accountId: management, userName: "nobody" }), FACTS));
    expect(read).toEqual([]);
    const own = unread.find((a) => a.accountId === management);
    expect(own?.message).toBe(
      `User: arn:aws:iam::${management}:user/nobody is not authorized to perform: iam:GetAccountAuthorizationDetails on resource: * because no identity-based policy allows the iam:GetAccountAuthorizationDetails action`,
    );
    const member = unread.find((a) => a.accountId === memberA);
    expect(member).toMatchObject({
      reason: "no role you may assume allows iam:GetAccountAuthorizationDetails",
      message: `User: arn:aws:iam::${management}:user/nobody is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${memberA}:role/OrganizationAccountAccessRole`,
    });
  });

  it("never lets the root user through a role: it reads its own account only", async () => {
    const { read, unread } = ours(await reachableAccounts(await identityOf({ accountId: management }), FACTS));
    expect(read).toEqual([`${management}:own`]);
    expect(unread.find((a) => a.accountId === memberA)?.message).toBe("Roles may not be assumed by root accounts.");
  });

  it("reads an account through a role whose trust policy names the user, without any policy of the user's own", async () => {
    const { read, unread } = ours(await reachableAccounts(await identityOf({ accountId: loner, userName: "reader" }), FACTS));
    expect(read).toEqual([`${loner}:Reader`]);
    expect(unread.find((a) => a.accountId === loner)).toBeUndefined();
  });

  it("follows the trust policy's conditions (MFA) and names a role assumed that may not read", async () => {
    // mfa-admin may assume OrganizationAccountAccessRole anyway; cut it off to see the Auditor path.
    await deleteInlinePolicy("role", memberB, "OrganizationAccountAccessRole", "AdministratorAccess");
    try {
      const withoutMfa = ours(await reachableAccounts(await identityOf({ accountId: management, userName: "mfa-admin" }), FACTS));
      const refused = withoutMfa.unread.find((a) => a.accountId === memberB);
      // OrganizationAccountAccessRole is assumed but no longer allows reading: its session's refusal.
      expect(refused?.message).toMatch(
        new RegExp(`^User: arn:aws:sts::${memberB}:assumed-role/OrganizationAccountAccessRole/mfa-admin is not authorized to perform: iam:GetAccountAuthorizationDetails on resource: \\* because no identity-based policy allows`),
      );
      await putInlinePolicy("role", memberB, "Auditor", "Read", allow("iam:GetAccountAuthorizationDetails"));
      const stillWithout = ours(await reachableAccounts(await identityOf({ accountId: management, userName: "mfa-admin" }), FACTS));
      expect(stillWithout.read).not.toContain(`${memberB}:Auditor`);
      const withMfa = ours(await reachableAccounts(await identityOf({ accountId: management, userName: "mfa-admin", mfa: true }), FACTS));
      expect(withMfa.read).toContain(`${memberB}:Auditor`);
    } finally {
      await putInlinePolicy("role", memberB, "OrganizationAccountAccessRole", "AdministratorAccess", ADMIN);
    }
  });
});

describe("the multi-account views", () => {
  it("who-can lists only the principals of the accounts read, and says through which role", async () => {
    const path = `/api/v1/who-can?action=iam:CreateUser&resource=*`;
    const asAdmin = await callRoute(whoCanRoute.GET, "GET", path, {}, undefined, await sessionCookie({ accountId: management, userName: "org-admin" }));
    expect(asAdmin.status).toBe(200);
    const admin = asAdmin.body as WhoCanResult;
    const arns = new Set<string>();
    for (let page = 1; page <= Math.ceil(admin.total / admin.pageSize); page++) {
      const answer = await callRoute(whoCanRoute.GET, "GET", `${path}&page=${page}`, {}, undefined, await sessionCookie({ accountId: management, userName: "org-admin" }));
      for (const principal of (answer.body as WhoCanResult).items) arns.add(principal.arn);
    }
    expect(arns).toContain(`arn:aws:iam::${memberA}:role/OrganizationAccountAccessRole`);
    expect(arns).toContain(`arn:aws:iam::${management}:user/org-admin`);
    expect([...arns].some((arn) => arn.includes(`::${loner}:`))).toBe(false);
    expect(admin.accounts.read).toContainEqual({ accountId: memberA, alias: expect.any(String), via: "role", roleName: "OrganizationAccountAccessRole", roleArn: `arn:aws:iam::${memberA}:role/OrganizationAccountAccessRole` });

    const asNobody = (await callRoute(whoCanRoute.GET, "GET", path, {}, undefined, await sessionCookie({ accountId: management, userName: "nobody" }))).body as WhoCanResult;
    expect(asNobody.accounts.read.map((a) => a.accountId)).not.toContain(management);
    expect(asNobody.items.some((p) => [management, memberA, memberB].includes(p.accountId))).toBe(false);
  });

  it("the catalog lists the policies of the accounts read and every AWS managed one", async () => {
    await putInlinePolicy("user", loner, "reader", "LonerSecret", allow("sqs:PurgeQueue"));
    await putInlinePolicy("role", memberA, "OrganizationAccountAccessRole", "MemberPurge", allow("sqs:PurgeQueue"));
    const path = "/api/v1/catalog/actions/sqs%3APurgeQueue/policies?pageSize=100";
    const names = async (cookie: string) => {
      const answer = await callRoute(policiesRoute.GET, "GET", path, { action: "sqs%3APurgeQueue" }, undefined, cookie);
      return (answer.body as { items: { policy: { name: string } }[] }).items.map((p) => p.policy.name);
    };
    const admin = await names(await sessionCookie({ accountId: management, userName: "org-admin" }));
    expect(admin).toEqual(expect.arrayContaining(["AdministratorAccess", "MemberPurge"]));
    expect(admin).not.toContain("LonerSecret");
    const reader = await names(await sessionCookie({ accountId: loner, userName: "reader" }));
    expect(reader).toContain("LonerSecret");
    expect(reader).not.toContain("MemberPurge");
  });
});
