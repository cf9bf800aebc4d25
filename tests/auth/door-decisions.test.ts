import { beforeEach, describe, expect, it } from "vitest";
import * as users from "@/app/api/v1/accounts/[accountId]/users/route";
import { createUser } from "@/lib/data/create-user";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { callRoute } from "@/tests/support/call-route";
import { freshAccount } from "@/tests/support/identity";
import { allow } from "@/tests/support/policies";
import { sessionCookie } from "@/tests/support/session";

// "Policy evaluation logic" and "Troubleshoot access denied error messages" in the IAM User Guide:
// a request no identity-based policy allows is implicitly denied, and AWS says so in those words.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html

let accountId: string;
beforeEach(async () => {
  accountId = await freshAccount();
  await createUser(accountId, { userName: "alice", path: "/", tags: [] });
});

const create = (cookie: string | "anonymous", userName: string, account = accountId) =>
  callRoute(users.POST, "POST", `/api/v1/accounts/${account}/users`, { accountId: account }, { userName }, cookie);

describe("the API's door", () => {
  it("answers a request without credentials 403 MissingAuthenticationToken", async () => {
    expect(await create("anonymous", "x")).toEqual({ status: 403, body: { error: { code: "MissingAuthenticationToken", message: "Request is missing Authentication Token" } } });
  });

  it("refuses what no identity-based policy allows, in AWS's words, with the request for Why?", async () => {
    const answer = await create(await sessionCookie({ accountId, userName: "alice" }), "newuser");
    expect(answer.status).toBe(403);
    const error = (answer.body as { error: { code: string; message: string; denied: { action: string; resource: string; context: Record<string, unknown> } } }).error;
    expect(error.code).toBe("AccessDenied");
    expect(error.message).toBe(
      `User: arn:aws:iam::${accountId}:user/alice is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${accountId}:user/newuser because no identity-based policy allows the iam:CreateUser action`,
    );
    expect(error.denied).toMatchObject({ action: "iam:CreateUser", resource: `arn:aws:iam::${accountId}:user/newuser` });
    expect(error.denied.context["aws:MultiFactorAuthPresent"]).toBe("false");
  });

  it("lets an allowed user act, and names an explicit deny as such", async () => {
    await putInlinePolicy("user", accountId, "alice", "Create", allow("iam:CreateUser"));
    const cookie = await sessionCookie({ accountId, userName: "alice" });
    expect((await create(cookie, "bob")).status).toBe(201);
    await putInlinePolicy("user", accountId, "alice", "NoCarol", JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Action: "iam:CreateUser", Resource: `arn:aws:iam::${accountId}:user/carol` }] }));
    const denied = await create(cookie, "carol");
    expect((denied.body as { error: { message: string } }).error.message).toMatch(/with an explicit deny in an identity-based policy$/);
  });

  it("never reaches across accounts, even for the root user", async () => {
    const other = await freshAccount();
    const answer = await create(await sessionCookie({ accountId }), "x", other);
    expect(answer.status).toBe(403);
    expect((answer.body as { error: { message: string } }).error.message).toMatch(/^User: arn:aws:iam::\d{12}:root is not authorized to perform: iam:CreateUser/);
  });
});

describe("a session whose user was deleted", () => {
  it("is refused, not answered NoSuchEntity about itself", async () => {
    await putInlinePolicy("user", accountId, "alice", "Create", allow("iam:CreateUser"));
    const cookie = await sessionCookie({ accountId, userName: "alice" });
    const { deleteUser } = await import("@/lib/data/delete-user");
    await deleteUser(accountId, "alice", { force: true });
    const answer = await create(cookie, "bob");
    expect(answer.status).toBe(403);
    expect((answer.body as { error: { code: string } }).error.code).toBe("AccessDenied");
  });
});

describe("a caller of another account", () => {
  // The IAM API never reaches across accounts, and its refusal tells nothing of what the other
  // account holds: not an entity's path, its stored spelling or its tags.
  it("learns nothing of that account's users from the refusal", async () => {
    const other = await freshAccount();
    await createUser(other, { userName: "Bob", path: "/engineering/", tags: [{ key: "team", value: "secret-project" }] });
    const user = await import("@/app/api/v1/accounts/[accountId]/users/[userName]/route");
    const answer = await callRoute(user.GET, "GET", `/api/v1/accounts/${other}/users/BOB`, { accountId: other, userName: "BOB" }, undefined, await sessionCookie({ accountId }));
    expect(answer.status).toBe(403);
    const text = JSON.stringify(answer.body);
    expect(text).toContain(`arn:aws:iam::${other}:user/bob`);
    expect(text).not.toContain("engineering");
    expect(text).not.toContain("secret-project");
  });

  it("cannot read another account's trust policies through the simulator", async () => {
    const other = await freshAccount();
    const { createRole } = await import("@/lib/data/create-role");
    const { createRoleInput } = await import("@/lib/schemas/role");
    const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "vendor-secret-42" } } }] });
    await createRole(other, createRoleInput.parse({ roleName: "VendorRole", trustPolicy: trust }));
    const simulate = await import("@/app/api/v1/simulate/route");
    const answer = await callRoute(
      simulate.POST,
      "POST",
      "/api/v1/simulate",
      {},
      { principal: { accountId, type: "user", name: "alice" }, actions: ["sts:AssumeRole"], resources: [`arn:aws:iam::${other}:role/VendorRole`] },
      await sessionCookie({ accountId, userName: "alice" }),
    );
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body)).not.toContain("vendor-secret-42");
  });
});

describe("a user deleted and made again under the same name", () => {
  // AWS binds credentials to the principal's unique id, not its name.
  it("is another principal: the old session gets nothing from the new user", async () => {
    const cookie = await sessionCookie({ accountId, userName: "alice" });
    const { deleteUser } = await import("@/lib/data/delete-user");
    await deleteUser(accountId, "alice", { force: true });
    await createUser(accountId, { userName: "alice", path: "/", tags: [] });
    await putInlinePolicy("user", accountId, "alice", "Create", allow("iam:CreateUser"));
    expect((await create(cookie, "mallory")).status).toBe(403);
    expect((await create(await sessionCookie({ accountId, userName: "alice" }), "bob")).status).toBe(201);
  });
});
