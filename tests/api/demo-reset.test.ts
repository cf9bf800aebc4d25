import { beforeAll, describe, expect, it } from "vitest";
import * as reset from "@/app/api/v1/demo/reset/route";
import * as user from "@/app/api/v1/accounts/[accountId]/users/[userName]/route";
import { createUser } from "@/lib/data/create-user";
import { MANAGEMENT, PROD } from "@/prisma/seed/demo";
import { seedDatabase } from "@/prisma/seed/run";
import { callRoute } from "@/tests/support/call-route";
import { sessionCookie } from "@/tests/support/session";

// The reset closes and creates the demo member accounts again: it is declared as the management
// account's organizations:CloseAccount and organizations:CreateAccount (app/api/v1/demo/reset/route.ts).
// https://docs.aws.amazon.com/organizations/latest/APIReference/API_CloseAccount.html

beforeAll(async () => {
  await seedDatabase();
}, 180_000);

describe("POST /api/v1/demo/reset", () => {
  it("restores the demo accounts and reports what they hold", async () => {
    await createUser(PROD, { userName: "intruder", path: "/", tags: [] });
    const deleted = await callRoute(user.DELETE, "DELETE", `/api/v1/accounts/${PROD}/users/erin?force=true`, { accountId: PROD, userName: "erin" });
    expect(deleted.status).toBe(204);

    const answer = await callRoute(reset.POST, "POST", "/api/v1/demo/reset", {}, undefined, await sessionCookie({ accountId: MANAGEMENT }));
    expect(answer.status).toBe(200);
    expect((answer.body as { accounts: unknown[] }).accounts).toEqual([
      { accountId: "111122223333", alias: "acme-management", users: 1, groups: 0, roles: 0, policies: 0 },
      { accountId: PROD, alias: "acme-prod", users: 5, groups: 3, roles: 3, policies: 3 },
      { accountId: "210987654321", alias: "acme-dev", users: 2, groups: 0, roles: 3, policies: 0 },
      { accountId: "444455556666", alias: "acme-security", users: 1, groups: 0, roles: 2, policies: 0 },
    ]);

    const erin = await callRoute(user.GET, "GET", `/api/v1/accounts/${PROD}/users/erin`, { accountId: PROD, userName: "erin" });
    expect(erin.status).toBe(200);
    const intruder = await callRoute(user.GET, "GET", `/api/v1/accounts/${PROD}/users/intruder`, { accountId: PROD, userName: "intruder" });
    expect(intruder).toMatchObject({ status: 404, body: { error: { code: "NoSuchEntity" } } });
  });

  it("refuses a principal of a member account, even its root, in AWS's words", async () => {
    const answer = await callRoute(reset.POST, "POST", "/api/v1/demo/reset", {}, undefined, await sessionCookie({ accountId: PROD }));
    expect(answer.status).toBe(403);
    expect((answer.body as { error: { message: string } }).error.message).toMatch(
      new RegExp(`^User: arn:aws:iam::${PROD}:root is not authorized to perform: organizations:CloseAccount on resource: arn:aws:organizations::${MANAGEMENT}:account/o-\\d{10}/\\d{12} because no resource-based policy allows`),
    );
  });

  it("keeps the session that reset the demo signed in and signs the demo's other sessions out", async () => {
    const asker = await sessionCookie({ accountId: MANAGEMENT, userName: "org-admin" });
    const bystander = await sessionCookie({ accountId: PROD, userName: "alice" });
    expect((await callRoute(reset.POST, "POST", "/api/v1/demo/reset", {}, undefined, asker)).status).toBe(200);
    const path = `/api/v1/accounts/${PROD}/users/erin`;
    expect((await callRoute(user.GET, "GET", path, { accountId: PROD, userName: "erin" }, undefined, bystander)).body).toMatchObject({ error: { code: "MissingAuthenticationToken" } });
    expect((await callRoute(reset.POST, "POST", "/api/v1/demo/reset", {}, undefined, asker)).status).toBe(200);
  });

  it("answers only POST", async () => {
    const answer = await callRoute(reset.GET, "GET", "/api/v1/demo/reset", {});
    expect(answer).toMatchObject({ status: 405, body: { error: { code: "MethodNotAllowed" } } });
  });
});
