import { beforeAll, describe, expect, it } from "vitest";
import * as policies from "@/app/api/v1/accounts/[accountId]/policies/route";
import { callRoute } from "@/tests/support/call-route";
import { freshAccount } from "@/tests/support/identity";
import { allow, importTestManagedPolicies } from "@/tests/support/policies";

// The policy picker pins the exact name typed so far: `GET …/policies?name=` answers the
// policies of exactly that name (any case), and an empty page for a partial name, never a 404.

let accountId: string;
let base: string;
beforeAll(async () => {
  await importTestManagedPolicies();
  accountId = await freshAccount();
  base = `/api/v1/accounts/${accountId}`;
  for (const policyName of ["ReadOnlyAccess", "TeamReadOnlyAccess"]) {
    expect(await callRoute(policies.POST, "POST", `${base}/policies`, { accountId }, { policyName, policyDocument: allow("s3:GetObject") })).toMatchObject({ status: 201 });
  }
});

const named = (query: string) => callRoute(policies.GET, "GET", `${base}/policies?${query}`, { accountId });
const names = (body: unknown) => (body as { items: { arn: string }[] }).items.map((p) => p.arn);

describe("ListPolicies ?name=", () => {
  it("answers the customer managed and the AWS managed policy of exactly that name, in any case", async () => {
    const answer = await named("name=readonlyaccess");
    expect(answer.status).toBe(200);
    expect(names(answer.body)).toEqual([`arn:aws:iam::${accountId}:policy/ReadOnlyAccess`, "arn:aws:iam::aws:policy/ReadOnlyAccess"]);
    expect(answer.body).toMatchObject({ total: 2 });
  });

  it("keeps to the scope", async () => {
    expect(names((await named("name=ReadOnlyAccess&scope=AWS")).body)).toEqual(["arn:aws:iam::aws:policy/ReadOnlyAccess"]);
    expect(names((await named("name=ReadOnlyAccess&scope=Local")).body)).toEqual([`arn:aws:iam::${accountId}:policy/ReadOnlyAccess`]);
  });

  it("answers an empty page, not a 404, for a partial or unknown name", async () => {
    for (const name of ["ReadOnly", "AmazonEC2ReadOnly", "NoSuchPolicy"]) {
      const answer = await named(`name=${name}`);
      expect(answer).toMatchObject({ status: 200, body: { items: [], total: 0 } });
    }
  });

  it("refuses a name longer than any policy name", async () => {
    expect((await named(`name=${"a".repeat(129)}`)).status).toBe(400);
  });
});
