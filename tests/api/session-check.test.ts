import { beforeEach, describe, expect, it } from "vitest";
import * as check from "@/app/api/v1/session/check/route";
import { db } from "@/lib/db";
import { createUser } from "@/lib/data/create-user";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { callRoute } from "@/tests/support/call-route";
import { freshAccount } from "@/tests/support/identity";
import { allow } from "@/tests/support/policies";
import { sessionCookie } from "@/tests/support/session";

// POST /api/v1/session/check answers, per request, what the API's door would: the engine's
// decision for the caller and, when refused, AWS's AccessDenied message ("Policy evaluation
// logic" and "Troubleshoot access denied error messages" in the IAM User Guide). Resource tags
// are in the request context as aws:ResourceTag/KEY ("Controlling access to IAM resources").
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_iam-tags.html

let accountId: string;
beforeEach(async () => {
  accountId = await freshAccount();
  await createUser(accountId, { userName: "alice", path: "/", tags: [] });
});

interface Results {
  results: { allowed: boolean; message: string | null }[];
}

const ask = (cookie: string | "anonymous", checks: unknown) => callRoute(check.POST, "POST", "/api/v1/session/check", {}, { checks }, cookie);
const createUserCheck = (account: string, name = "newuser") => ({ account, action: "iam:CreateUser", resource: `arn:aws:iam::${account}:user/${name}` });

describe("POST /api/v1/session/check", () => {
  it("answers only a signed-in caller", async () => {
    const answer = await ask("anonymous", [createUserCheck(accountId)]);
    expect(answer).toEqual({ status: 403, body: { error: { code: "MissingAuthenticationToken", message: "Request is missing Authentication Token" } } });
  });

  it("says what no identity-based policy allows, in AWS's words, and answers every check in order", async () => {
    await putInlinePolicy("user", accountId, "alice", "ListOnly", allow("iam:ListUsers"));
    const cookie = await sessionCookie({ accountId, userName: "alice" });
    const answer = await ask(cookie, [createUserCheck(accountId), { account: accountId, action: "iam:ListUsers", resource: "*" }]);
    expect(answer.status).toBe(200);
    expect((answer.body as Results).results).toEqual([
      {
        allowed: false,
        message: `User: arn:aws:iam::${accountId}:user/alice is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${accountId}:user/newuser because no identity-based policy allows the iam:CreateUser action`,
      },
      // The refusal before it does not stop the next check (the door stops at a request's first refusal).
      { allowed: true, message: null },
    ]);
  });

  it("names an explicit deny, and lets the root user do anything in its own account but nothing in another", async () => {
    await putInlinePolicy("user", accountId, "alice", "All", allow("iam:*"));
    await putInlinePolicy("user", accountId, "alice", "NoBob", JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "iam:CreateUser", Resource: `arn:aws:iam::${accountId}:user/bob` }] }));
    const alice = await sessionCookie({ accountId, userName: "alice" });
    const [bob, carol] = ((await ask(alice, [createUserCheck(accountId, "bob"), createUserCheck(accountId, "carol")])).body as Results).results;
    expect(bob.message).toMatch(/iam:CreateUser on resource: arn:aws:iam::\d{12}:user\/bob with an explicit deny in an identity-based policy$/);
    expect(carol).toEqual({ allowed: true, message: null });

    const other = await freshAccount();
    const root = await sessionCookie({ accountId });
    const [own, elsewhere] = ((await ask(root, [createUserCheck(accountId), createUserCheck(other)])).body as Results).results;
    expect(own.allowed).toBe(true);
    expect(elsewhere).toEqual({
      allowed: false,
      message: `User: arn:aws:iam::${accountId}:root is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${other}:user/newuser because no resource-based policy allows the iam:CreateUser action`,
    });
  });

  it("decides a stored entity with its resource tags, as the door does, and the caller's context keys", async () => {
    await createUser(accountId, { userName: "blue", path: "/", tags: [{ key: "team", value: "blue" }] });
    await createUser(accountId, { userName: "red", path: "/", tags: [{ key: "team", value: "red" }] });
    const onlyBlue = { Effect: "Allow", Action: ["iam:DeleteUser", "iam:AttachUserPolicy"], Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/team": "blue" } } };
    const readOnlyPolicy = { Effect: "Deny", Action: "iam:AttachUserPolicy", Resource: "*", Condition: { StringNotEquals: { "iam:PolicyARN": "arn:aws:iam::aws:policy/ReadOnlyAccess" } } };
    await putInlinePolicy("user", accountId, "alice", "Blue", JSON.stringify({ Version: "2012-10-17", Statement: [onlyBlue, readOnlyPolicy] }));
    const cookie = await sessionCookie({ accountId, userName: "alice" });
    const userArn = (name: string) => `arn:aws:iam::${accountId}:user/${name}`;
    const answer = await ask(cookie, [
      { account: accountId, action: "iam:DeleteUser", resource: userArn("blue") },
      { account: accountId, action: "iam:DeleteUser", resource: userArn("red") },
      { account: accountId, action: "iam:AttachUserPolicy", resource: userArn("blue"), context: { "iam:PolicyARN": "arn:aws:iam::aws:policy/ReadOnlyAccess" } },
      { account: accountId, action: "iam:AttachUserPolicy", resource: userArn("blue"), context: { "iam:PolicyARN": "arn:aws:iam::aws:policy/AdministratorAccess" } },
    ]);
    expect((answer.body as Results).results.map((result) => result.allowed)).toEqual([true, false, true, false]);
  });

  it("writes no audit record, allowed or refused", async () => {
    const cookie = await sessionCookie({ accountId, userName: "alice" });
    const before = await db().auditEvent.count();
    expect((await ask(cookie, [createUserCheck(accountId)])).status).toBe(200);
    expect(await db().auditEvent.count()).toBe(before);
  });

  it("refuses more than 50 checks, none, and malformed ones, naming the field", async () => {
    const cookie = await sessionCookie({ accountId, userName: "alice" });
    const tooMany = await ask(cookie, Array.from({ length: 51 }, () => createUserCheck(accountId)));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ error: { code: "ValidationError", field: "checks" } });
    expect((await ask(cookie, [])).body).toMatchObject({ error: { code: "ValidationError", field: "checks" } });
    const bad = await ask(cookie, [{ account: accountId, action: "iam:*", resource: "*" }, { account: "acme", action: "iam:ListUsers", resource: "users" }]);
    expect(bad.status).toBe(400);
    const fields = (bad.body as { error: { fields: { field: string }[] } }).error.fields.map((issue) => issue.field);
    expect(fields).toEqual(expect.arrayContaining(["checks.0.action", "checks.1.account", "checks.1.resource"]));
    const unknown = await ask(cookie, [{ ...createUserCheck(accountId), principal: "arn:aws:iam::111122223333:root" }]);
    expect(unknown.body).toMatchObject({ error: { code: "ValidationError", field: "checks.0.principal" } });
  });
});
