import { describe, expect, it } from "vitest";
import { DeleteAccountAliasCommand } from "@aws-sdk/client-iam";
import { readSession, sessionIdentity } from "@/lib/auth/sessions";
import { sessionView } from "@/lib/auth/session-view";
import { switchRole } from "@/lib/auth/switch-role";
import { createRole } from "@/lib/data/create-role";
import { createUser } from "@/lib/data/create-user";
import { db } from "@/lib/db";
import { createRoleInput } from "@/lib/schemas/role";
import { iamClient, rootCredentials } from "@/tests/support/aws";
import { freshAccount } from "@/tests/support/identity";
import { trusting } from "@/tests/support/policies";
import { sessionCookie } from "@/tests/support/session";

// An account whose alias was deleted (IAM DeleteAccountAlias) keeps its ID where the alias was
// (lib/data/account-alias.ts): the session's view and switch role name it by its ID alone, with
// no alias, as the AWS console names an account without an alias.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteAccountAlias.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-console.html

const FACTS = { sourceIp: "127.0.0.1", userAgent: "vitest", secure: false };

async function deleteAlias(accountId: string) {
  const { alias } = await db().account.findUniqueOrThrow({ where: { id: accountId } });
  await iamClient(await rootCredentials(accountId)).send(new DeleteAccountAliasCommand({ AccountAlias: alias }));
  return alias;
}

async function devIdentity(accountId: string) {
  const cookie = await sessionCookie({ accountId, userName: "dev" });
  const row = await readSession(cookie.slice(cookie.indexOf("=") + 1), new Date());
  if (!row) throw new Error("no session");
  return sessionIdentity(row, new Date());
}

describe("an account without an alias, in the session's view and switch role", () => {
  it("has no alias in GET /api/v1/session's identity, signed in or switched to a role", async () => {
    const account = await freshAccount();
    await createUser(account, { userName: "dev", path: "/", tags: [] });
    await createRole(account, createRoleInput.parse({ roleName: "Named", trustPolicy: trusting(`arn:aws:iam::${account}:user/dev`) }));
    const { alias } = await db().account.findUniqueOrThrow({ where: { id: account } });
    const identity = await devIdentity(account);
    expect((await sessionView(identity)).identity.accountAlias).toBe(alias);

    await deleteAlias(account);
    const view = await sessionView(identity);
    expect(view.identity).toMatchObject({ accountId: account, accountAlias: null, signedInAccountAlias: null });

    const state = await switchRole(identity, { account, roleName: "Named" }, FACTS);
    expect(state.signedIn.accountAlias).toBeNull();
    expect(state.role).toMatchObject({ accountId: account, accountAlias: null, displayName: `Named @ ${account}` });
    expect(state.recentRoles[0]).toMatchObject({ accountId: account, accountAlias: null });
  });

  it("has no alias in the view of a request signed with an access key", async () => {
    const account = await freshAccount();
    await deleteAlias(account);
    const root = { type: "Root" as const, accountId: account, arn: `arn:aws:iam::${account}:root`, userId: account, userName: null };
    const view = await sessionView({ ...root, signedIn: { ...root, type: "Root" }, role: null, mfaAt: null, tokenIssuedAt: new Date(), accessKeyId: "AKIAEXAMPLE", sessionIdHash: null });
    expect(view.identity).toMatchObject({ accountId: account, accountAlias: null, signedInAccountAlias: null });
  });
});
