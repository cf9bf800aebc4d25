import { beforeAll, describe, expect, it } from "vitest";
import { loadPolicyInventory, warmManagedPolicies } from "@/lib/data/action-policy-inventory";
import { createPolicy } from "@/lib/data/create-policy";
import { createPolicyVersion } from "@/lib/data/create-policy-version";
import { findPoliciesForAction } from "@/lib/data/find-policies-for-action";
import { actionPoliciesQuery } from "@/lib/schemas/catalog";
import { db } from "@/lib/db";
import { createPolicyInput } from "@/lib/schemas/policy";
import { freshAccount } from "@/tests/support/identity";
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
    const policies = await db().policy.count();
    expect(await warmManagedPolicies()).toBe(policies);
    // Everything is cached now: a second warm-up compiles nothing.
    expect(await warmManagedPolicies()).toBe(0);
    const inventory = await loadPolicyInventory();
    expect(inventory.find((policy) => policy.ref.name === "Reports" && policy.ref.accountId === account)?.ref.versionId).toBe("v2");
    // The default version (v2) allows PutObject, not GetObject.
    // This account's policies come first (the console's own lead), well inside one page of 100.
    const names = async (action: string) => (await findPoliciesForAction(action, actionPoliciesQuery.parse({ pageSize: "100" }))).items.filter((p) => p.policy.accountId === account).map((p) => p.policy.name);
    expect(await names("s3:PutObject")).toEqual(["Reports"]);
    expect(await names("s3:GetObject")).toEqual([]);
  });
});
