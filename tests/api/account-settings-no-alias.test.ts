import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DeleteAccountAliasCommand } from "@aws-sdk/client-iam";
import * as accountRoute from "@/app/api/v1/accounts/[accountId]/route";
import { callRoute } from "@/tests/support/call-route";
import { events, freshAccount } from "@/tests/support/identity";
import { iamClient, rootCredentials } from "@/tests/support/aws";
import { db } from "@/lib/db";

// Account settings after IAM's DeleteAccountAlias: the account keeps its 12-digit ID where the
// alias was (lib/data/account-alias.ts), so the form sends only what changed (PATCH
// /api/v1/accounts/{id}): the name alone is Account Management's PutAccountName, the email
// StartPrimaryEmailUpdate, and a new alias CreateAccountAlias. The ID itself is no alias to send.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteAccountAlias.html
// https://docs.aws.amazon.com/accounts/latest/reference/API_PutAccountName.html

const patch = (accountId: string, body: object) => callRoute(accountRoute.PATCH, "PATCH", `/api/v1/accounts/${accountId}`, { accountId }, body);

async function withoutAlias(): Promise<string> {
  const account = await freshAccount();
  const { alias } = await db().account.findUniqueOrThrow({ where: { id: account } });
  await iamClient(await rootCredentials(account)).send(new DeleteAccountAliasCommand({ AccountAlias: alias }));
  return account;
}

describe("PATCH /api/v1/accounts/{id} after DeleteAccountAlias (Account settings)", () => {
  it("saves the display name alone, keeps the account without an alias, and logs PutAccountName only", async () => {
    const account = await withoutAlias();
    const before = (await events(account)).length;
    const renamed = await patch(account, { displayName: "Renamed" });
    expect(renamed).toMatchObject({ status: 200, body: { accountId: account, alias: account, displayName: "Renamed", rootEmail: "root@example.com" } });
    expect((await events(account)).slice(before)).toEqual([
      { action: "PutAccountName", targetArn: `arn:aws:iam::${account}:root`, summary: 'Renamed the account from "Test" to "Renamed".' },
    ]);

    const emailed = await patch(account, { rootEmail: "owner@example.com" });
    expect(emailed).toMatchObject({ status: 200, body: { alias: account, displayName: "Renamed", rootEmail: "owner@example.com" } });
  });

  it("refuses the account's ID sent as its alias, which is why the form never sends an unchanged or empty alias", async () => {
    const account = await withoutAlias();
    // The body the form used to send for every save.
    const everything = await patch(account, { alias: account, displayName: "Renamed", rootEmail: "root@example.com" });
    expect(everything).toMatchObject({ status: 400, body: { error: { code: "ValidationError", field: "alias" } } });
    expect(await patch(account, { alias: "" })).toMatchObject({ status: 400, body: { error: { field: "alias" } } });
    expect((await db().account.findUniqueOrThrow({ where: { id: account } })).displayName).toBe("Test");

    // A new alias is CreateAccountAlias, as before.
    const alias = `na-${randomBytes(5).toString("hex")}`;
    expect(await patch(account, { alias })).toMatchObject({ status: 200, body: { alias } });
  });
});
