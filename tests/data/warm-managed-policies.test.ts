import { beforeAll, describe, expect, it } from "vitest";
import { loadPolicyInventory, warmManagedPolicies } from "@/lib/data/action-policy-inventory";
import { createPolicy } from "@/lib/data/create-policy";
import { createPolicyVersion } from "@/lib/data/create-policy-version";
import { findPoliciesForAction } from "@/lib/data/find-policies-for-action";
import { actionPoliciesQuery } from "@/lib/schemas/catalog";
import { db } from "@/lib/db";
import { createPolicyInput } from "@/lib/schemas/policy";
import { importManagedPolicies } from "@/prisma/seed/import-managed-policies";
import { freshAccount } from "@/tests/support/identity";
import { everyAccount } from "@/tests/support/every-account";
import { allow, importTestManagedPolicies } from "@/tests/support/policies";

// The start-up warm-up (instrumentation.ts) compiles every managed policy's default version
// into the catalog's cache, so the first "policies that allow or deny this action" compiles none.

let account: string;

beforeAll(async () => {
  await importTestManagedPolicies();
  account = await freshAccount();
  await createPolicy(account, createPolicyInput.parse({ policyName: "Reports", policyDocument: allow("s3:GetObject", "arn:aws:s3:::reports/*") }));
  await createPolicyVersion(account, "Reports", { policyDocument: allow("s3:PutObject", "arn:aws:s3:::reports/*"), setAsDefault: true });
});

describe("warmManagedPolicies", () => {
  it("compiles each managed policy's default version once, and what it compiled is what the catalog uses", async () => {
    // Documents are compiled once per text: policies with the same default text share one.
    const [{ texts }] = await db().$queryRaw<{ texts: number | bigint }[]>`
      SELECT COUNT(DISTINCT v."document") AS "texts" FROM "Policy" p JOIN "PolicyVersion" v ON v."policyId" = p."id" AND v."versionId" = p."defaultVersionId"`;
    expect(await warmManagedPolicies()).toBe(Number(texts));
    // Everything is cached now: a second warm-up compiles nothing.
    expect(await warmManagedPolicies()).toBe(0);
    const inventory = await loadPolicyInventory();
    expect(inventory.find((policy) => policy.ref.name === "Reports" && policy.ref.accountId === account)?.ref.versionId).toBe("v2");
    // The default version (v2) allows PutObject, not GetObject.
    // This account's policies come first (the console's own lead), well inside one page of 100.
    const names = async (action: string) => (await findPoliciesForAction(action, actionPoliciesQuery.parse({ pageSize: "100" }), await everyAccount())).items.filter((p) => p.policy.accountId === account).map((p) => p.policy.name);
    expect(await names("s3:PutObject")).toEqual(["Reports"]);
    expect(await names("s3:GetObject")).toEqual([]);
  });

  it("answers from a managed policy's new text when its version is rewritten under the same version id", async () => {
    const name = `Probe${account}`;
    const arn = `arn:aws:iam::aws:policy/${name}`;
    const at = new Date("2020-01-01T00:00:00Z");
    await importManagedPolicies(db(), [{ name, path: "/", arn, defaultVersionId: "v1", document: allow("cloudwatch:GetMetricData"), createdAt: at, updatedAt: at, versionCreatedAt: at }]);
    const found = async (action: string) => (await findPoliciesForAction(action, actionPoliciesQuery.parse({ search: name }), await everyAccount())).items.map((p) => p.policy.name);
    expect(await found("cloudwatch:GetMetricData")).toEqual([name]);
    // The stored text changes as a re-import would change it, with no change event of its own…
    const { id } = await db().policy.findUniqueOrThrow({ where: { arn } });
    await db().policyVersion.update({ where: { policyId_versionId: { policyId: id, versionId: "v1" } }, data: { document: allow("dynamodb:GetItem") } });
    // …and the next logged write moves the stamp: the list is read again, from the new text.
    await createPolicy(account, createPolicyInput.parse({ policyName: "Mover", policyDocument: allow("sqs:SendMessage") }));
    expect(await found("cloudwatch:GetMetricData")).toEqual([]);
    expect(await found("dynamodb:GetItem")).toEqual([name]);
  });
});
