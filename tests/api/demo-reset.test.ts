import { beforeAll, describe, expect, it } from "vitest";
import * as reset from "@/app/api/v1/demo/reset/route";
import * as user from "@/app/api/v1/accounts/[accountId]/users/[userName]/route";
import { createUser } from "@/lib/data/create-user";
import { PROD } from "@/prisma/seed/demo";
import { seedDatabase } from "@/prisma/seed/run";
import { callRoute } from "@/tests/support/call-route";

beforeAll(async () => {
  await seedDatabase();
}, 180_000);

describe("POST /api/v1/demo/reset", () => {
  it("restores the demo accounts and reports what they hold", async () => {
    await createUser(PROD, { userName: "intruder", path: "/", tags: [] });
    const deleted = await callRoute(user.DELETE, "DELETE", `/api/v1/accounts/${PROD}/users/erin?force=true`, { accountId: PROD, userName: "erin" });
    expect(deleted.status).toBe(204);

    const answer = await callRoute(reset.POST, "POST", "/api/v1/demo/reset", {});
    expect(answer.status).toBe(200);
    expect((answer.body as { accounts: unknown[] }).accounts).toEqual([
      { accountId: PROD, alias: "acme-prod", users: 5, groups: 3, roles: 2, policies: 3 },
      { accountId: "210987654321", alias: "acme-dev", users: 2, groups: 0, roles: 2, policies: 0 },
      { accountId: "444455556666", alias: "acme-security", users: 1, groups: 0, roles: 1, policies: 0 },
    ]);

    const erin = await callRoute(user.GET, "GET", `/api/v1/accounts/${PROD}/users/erin`, { accountId: PROD, userName: "erin" });
    expect(erin.status).toBe(200);
    const intruder = await callRoute(user.GET, "GET", `/api/v1/accounts/${PROD}/users/intruder`, { accountId: PROD, userName: "intruder" });
    expect(intruder).toMatchObject({ status: 404, body: { error: { code: "NoSuchEntity" } } });
  });

  it("answers only POST", async () => {
    const answer = await callRoute(reset.GET, "GET", "/api/v1/demo/reset", {});
    expect(answer).toMatchObject({ status: 405, body: { error: { code: "MethodNotAllowed" } } });
  });
});
