import { beforeAll, describe, expect, it } from "vitest";
import * as actionPolicies from "@/app/api/v1/catalog/actions/[action]/policies/route";
import * as actions from "@/app/api/v1/catalog/actions/route";
import * as service from "@/app/api/v1/catalog/services/[service]/route";
import * as services from "@/app/api/v1/catalog/services/route";
import { callRoute } from "@/tests/support/call-route";
import { importTestManagedPolicies } from "@/tests/support/policies";

beforeAll(importTestManagedPolicies);

const get = <P>(handler: Parameters<typeof callRoute<P>>[0], path: string, params: P) => callRoute(handler, "GET", path, params);

describe("GET /api/v1/catalog", () => {
  it("lists services matching a search with counts per access level", async () => {
    const { status, body } = await get(services.GET, "/api/v1/catalog/services?search=s3", {});
    expect(status).toBe(200);
    const s3 = (body as { items: { prefix: string; actionCount: number; accessLevelCounts: Record<string, number> }[] }).items.find((s) => s.prefix === "s3")!;
    expect(s3.actionCount).toBe(Object.values(s3.accessLevelCounts).reduce((a, b) => a + b, 0));
    expect(s3.accessLevelCounts.Read).toBeGreaterThan(0);
  });

  it("returns one service with resource types (ARN formats) and condition keys; 404 for an unknown prefix", async () => {
    const { status, body } = await get(service.GET, "/api/v1/catalog/services/s3", { service: "s3" });
    expect(status).toBe(200);
    const view = body as { name: string; resourceTypes: { name: string; arn: string; conditionKeys: unknown }[]; actions: { name: string; description: string }[] };
    expect(view.resourceTypes.find((t) => t.name === "object")?.arn).toBe("arn:${Partition}:s3:::${BucketName}/${ObjectName}");
    // Resource types without keys (multiregionaccesspoint) still answer with a list.
    expect(view.resourceTypes.every((t) => Array.isArray(t.conditionKeys))).toBe(true);
    expect(view.actions.find((a) => a.name === "GetObject")?.description).toMatch(/retrieve objects/i);
    const missing = await get(service.GET, "/api/v1/catalog/services/nope", { service: "nope" });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: "NoSuchEntity" } });
  });

  it("searches actions across services, paged; a missing search is a ValidationError", async () => {
    const { status, body } = await get(actions.GET, "/api/v1/catalog/actions?search=s3:GetObjectAc&pageSize=5", {});
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 1, page: 1, pageSize: 5, items: [{ service: "s3", name: "GetObjectAcl", accessLevel: "Read" }] });
    const bad = await get(actions.GET, "/api/v1/catalog/actions", {});
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: "ValidationError" } });
  });

  it("lists the policies matching an action given encoded or not; refuses a malformed one", async () => {
    const { status, body } = await get(actionPolicies.GET, "/api/v1/catalog/actions/s3%3AGetObject/policies", { action: "s3%3AGetObject" });
    expect(status).toBe(200);
    expect((body as { action: string; items: { policy: { name: string } }[] }).items.map((p) => p.policy.name)).toEqual(
      expect.arrayContaining(["AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess"]),
    );
    expect(body).toMatchObject({ action: "s3:GetObject", page: 1, pageSize: 25 });
    const bad = await get(actionPolicies.GET, "/api/v1/catalog/actions/s3/policies", { action: "s3" });
    expect(bad.status).toBe(400);
    const unknown = await get(actionPolicies.GET, "/api/v1/catalog/actions/s3:Nope/policies", { action: "s3:Nope" });
    expect(unknown.status).toBe(404);
  });
});
