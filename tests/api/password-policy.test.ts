/**
 * The account password policy API: GetAccountPasswordPolicy, UpdateAccountPasswordPolicy and
 * DeleteAccountPasswordPolicy, each decided by the engine on resource "*", and the policy enforced
 * when a console password is written (PasswordPolicyViolation, as CreateLoginProfile answers).
 * - https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAccountPasswordPolicy.html
 * - https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountPasswordPolicy.html
 * - https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteAccountPasswordPolicy.html
 * - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
 * - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_iam_set-account-pass-policy.html
 */
import { beforeEach, describe, expect, it } from "vitest";
import * as policyRoute from "@/app/api/v1/accounts/[accountId]/password-policy/route";
import * as loginProfile from "@/app/api/v1/accounts/[accountId]/users/[userName]/login-profile/route";
import { createUser } from "@/lib/data/create-user";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { callRoute } from "@/tests/support/call-route";
import { events, freshAccount } from "@/tests/support/identity";
import { allow } from "@/tests/support/policies";
import { sessionCookie } from "@/tests/support/session";

let accountId: string;
let path: string;
beforeEach(async () => {
  accountId = await freshAccount();
  path = `/api/v1/accounts/${accountId}/password-policy`;
});

const get = (as?: string) => callRoute(policyRoute.GET, "GET", path, { accountId }, undefined, as);
const put = (body: unknown, as?: string) => callRoute(policyRoute.PUT, "PUT", path, { accountId }, body, as);
const remove = (as?: string) => callRoute(policyRoute.DELETE, "DELETE", path, { accountId }, undefined, as);

describe("the account password policy API", () => {
  it("answers AWS's default policy when none is set, saying so", async () => {
    expect(await get()).toEqual({
      status: 200,
      body: {
        passwordPolicy: null,
        usesAwsDefault: true,
        rules: ["At least 8 characters", "At least three of: upper-case letters, lower-case letters, numbers, symbols"],
      },
    });
  });

  it("sets a policy with AWS's defaults for what is left out, logs it once, and deletes it", async () => {
    const set = await put({ MinimumPasswordLength: 14, RequireSymbols: true, MaxPasswordAge: 90, PasswordReusePrevention: 3 });
    expect(set.status).toBe(200);
    const expected = {
      MinimumPasswordLength: 14,
      RequireSymbols: true,
      RequireNumbers: false,
      RequireUppercaseCharacters: false,
      RequireLowercaseCharacters: false,
      AllowUsersToChangePassword: false,
      MaxPasswordAge: 90,
      PasswordReusePrevention: 3,
      HardExpiry: false,
      ExpirePasswords: true,
    };
    expect(set.body).toEqual({ passwordPolicy: expected, usesAwsDefault: false, rules: ["At least 14 characters", expect.stringMatching(/^A symbol/)] });
    expect((await get()).body).toMatchObject({ passwordPolicy: expected, usesAwsDefault: false });

    // The same settings again change nothing: no second event.
    await put({ MinimumPasswordLength: 14, RequireSymbols: true, MaxPasswordAge: 90, PasswordReusePrevention: 3 });
    const logged = (await events(accountId)).filter((e) => e.action.endsWith("AccountPasswordPolicy"));
    expect(logged).toEqual([{ action: "UpdateAccountPasswordPolicy", targetArn: `arn:aws:iam::${accountId}:root`, summary: expect.stringContaining("at least 14 characters") }]);

    expect((await remove()).status).toBe(204);
    expect((await get()).body).toMatchObject({ passwordPolicy: null, usesAwsDefault: true });
    expect(await remove()).toMatchObject({ status: 404, body: { error: { code: "NoSuchEntity" } } });
    expect((await events(accountId)).map((e) => e.action)).toContain("DeleteAccountPasswordPolicy");
  });

  it("refuses settings outside AWS's bounds, naming each field", async () => {
    const answer = await put({ MinimumPasswordLength: 5, MaxPasswordAge: 1096, PasswordReusePrevention: 25 });
    expect(answer.status).toBe(400);
    const error = (answer.body as { error: { code: string; fields: { field: string }[] } }).error;
    expect(error.code).toBe("ValidationError");
    expect(error.fields.map((f) => f.field).sort()).toEqual(["MaxPasswordAge", "MinimumPasswordLength", "PasswordReusePrevention"]);
    expect(await put({ MinimumPasswordLength: 8, LockoutAfter: 5 })).toMatchObject({ status: 400, body: { error: { code: "ValidationError" } } });
    expect((await get()).body).toMatchObject({ usesAwsDefault: true });
  });

  it("is decided by the engine: iam:GetAccountPasswordPolicy and iam:UpdateAccountPasswordPolicy on *", async () => {
    await createUser(accountId, { userName: "alice", path: "/", tags: [] });
    const alice = await sessionCookie({ accountId, userName: "alice" });
    const denied = await get(alice);
    expect(denied.status).toBe(403);
    expect((denied.body as { error: { message: string } }).error.message).toBe(
      `User: arn:aws:iam::${accountId}:user/alice is not authorized to perform: iam:GetAccountPasswordPolicy on resource: * because no identity-based policy allows the iam:GetAccountPasswordPolicy action`,
    );
    await putInlinePolicy("user", accountId, "alice", "ReadPolicy", allow("iam:GetAccountPasswordPolicy"));
    expect((await get(alice)).status).toBe(200);
    expect(await put({ MinimumPasswordLength: 10 }, alice)).toMatchObject({ status: 403, body: { error: { code: "AccessDenied" } } });
    expect(await remove(alice)).toMatchObject({ status: 403, body: { error: { code: "AccessDenied" } } });
    // AWS's example policy for setting the account password requirements.
    await putInlinePolicy("user", accountId, "alice", "ReadPolicy", allow(["iam:GetAccountPasswordPolicy", "iam:UpdateAccountPasswordPolicy"]));
    expect((await put({ MinimumPasswordLength: 10 }, alice)).status).toBe(200);
  });

  it("holds every console password written after it to its rules", async () => {
    await createUser(accountId, { userName: "dev", path: "/", tags: [] });
    const profile = (body: unknown) => callRoute(loginProfile.PUT, "PUT", `/api/v1/accounts/${accountId}/users/dev/login-profile`, { accountId, userName: "dev" }, body);
    await put({ MinimumPasswordLength: 12, RequireNumbers: true, RequireSymbols: true, PasswordReusePrevention: 2 });

    const weak = await profile({ password: "Passw0rd!" });
    expect(weak).toMatchObject({ status: 400, body: { error: { code: "PasswordPolicyViolation", field: "password" } } });
    expect((weak.body as { error: { message: string } }).error.message).toBe("Password must be at least 12 characters long.");
    const plain = await profile({ password: "longenoughbutplain" });
    expect((plain.body as { error: { message: string } }).error.message).toBe(
      "Password must contain at least one number (0–9). Password must contain at least one symbol: ! @ # $ % ^ & * ( ) _ + - = [ ] { } | '",
    );
    // A custom policy replaces the default one: no three-of-four rule any more.
    expect((await profile({ password: "lower-case-1-only" })).status).toBe(200);
    expect((await profile({ password: "second-one-2!" })).status).toBe(200);
    const reused = await profile({ password: "lower-case-1-only" });
    expect(reused).toMatchObject({ status: 400, body: { error: { code: "PasswordPolicyViolation", field: "password" } } });
    expect((reused.body as { error: { message: string } }).error.message).toMatch(/^Password must not be one of the last 2 passwords of user dev/);
  });
});
