import type { APIRequestContext } from "@playwright/test";
import { test, expect } from "./support/test";
import { PROD_ACCOUNT, uniqueName } from "./support/iam-api";
import { allowDocument, fillPolicyDocument } from "./support/policy-document";

const api = (path: string) => `/api/v1/accounts/${PROD_ACCOUNT}${path}`;
const policyPage = (policyName: string, tab?: string) => `/accounts/${PROD_ACCOUNT}/policies/${encodeURIComponent(policyName)}${tab ? `?tab=${tab}` : ""}`;
const BUCKET = "arn:aws:s3:::e2e-versions/*";

/** CreatePolicy through the API; returns the policy's ARN. */
async function createPolicy(request: APIRequestContext, policyName: string, document: string): Promise<string> {
  const response = await request.post(api("/policies"), { data: { policyName, policyDocument: document } });
  expect(response.status()).toBe(201);
  const body: unknown = await response.json();
  if (typeof body !== "object" || body === null || !("arn" in body) || typeof body.arn !== "string") throw new Error("CreatePolicy answered without an arn");
  return body.arn;
}

test("a new version set as default shows the actions gained and lost, and who it reaches", async ({ page, request, iam }) => {
  const policyName = uniqueName("e2e-versions");
  const userName = uniqueName("e2e-user");
  const arn = await createPolicy(request, policyName, allowDocument(["s3:GetObject", "s3:ListBucket"], BUCKET));
  await iam.createUser(userName);
  await iam.attachUserPolicy(userName, arn);

  await page.goto(policyPage(policyName, "versions"));
  await page.getByRole("button", { name: "Create version" }).click();
  await fillPolicyDocument(page, "Policy document", allowDocument(["s3:GetObject", "s3:PutObject"], BUCKET));
  const draftSummary = page.getByRole("region", { name: "Summary of the new version" });
  await expect(draftSummary.getByRole("table", { name: "Allow" })).toContainText("Limited: Read, Write");
  await page.getByRole("checkbox", { name: "Set as the default version" }).uncheck();
  await page.getByRole("button", { name: "Save version" }).click();

  const versions = page.getByRole("list", { name: "Versions" });
  await expect(versions.getByRole("listitem").filter({ hasText: "v2" })).toBeVisible();
  await page.getByRole("button", { name: "Set v2 as default" }).click();
  await expect(versions.getByRole("listitem").filter({ hasText: "v2" })).toContainText("Default");

  const diff = page.getByRole("region", { name: "Permission diff" });
  await expect(diff).toContainText("From v1 to v2: 1 action gained, 1 lost, 0 changed.");
  await expect(diff).toContainText("Affects 1 principal (1 user, 0 roles)");
  const s3 = diff.getByRole("list", { name: "Permission changes by service" }).getByRole("listitem").filter({ hasText: "Amazon S3" }).first();
  await expect(s3).toContainText(/Gained\s*PutObject/);
  await expect(s3).toContainText(/Lost\s*ListBucket/);
  await expect(page.getByRole("region", { name: "Document changes" })).toBeVisible();
});

test("at five versions, saving asks which version to delete", async ({ page, request }) => {
  const policyName = uniqueName("e2e-versions");
  await createPolicy(request, policyName, allowDocument(["s3:GetObject"], BUCKET));
  for (const action of ["s3:ListBucket", "s3:PutObject", "s3:DeleteObject", "s3:GetObjectTagging"]) {
    const response = await request.post(api(`/policies/${policyName}/versions`), { data: { policyDocument: allowDocument([action], BUCKET) } });
    expect(response.status()).toBe(201);
  }

  await page.goto(policyPage(policyName, "versions"));
  await page.getByRole("button", { name: "Create version" }).click();
  await fillPolicyDocument(page, "Policy document", allowDocument(["s3:GetObjectAcl"], BUCKET));
  await page.getByRole("button", { name: "Save version" }).click();

  const dialog = page.getByRole("dialog", { name: "Choose a version to delete" });
  await expect(dialog.getByRole("radio")).toHaveCount(4);
  await expect(dialog.getByRole("radio", { name: /v1/ })).toHaveCount(0);
  await dialog.getByRole("radio", { name: /v3/ }).check();
  await dialog.getByRole("button", { name: "Delete v3 and save" }).click();

  const versions = page.getByRole("list", { name: "Versions" });
  await expect(versions.getByRole("listitem").filter({ hasText: "v6" })).toBeVisible();
  await expect(versions.locator("[data-version]")).toHaveCount(5);
  await expect(versions.locator('[data-version="v3"]')).toHaveCount(0);
});

test("AmazonS3ReadOnlyAccess's summary shows S3 with List and Read only", async ({ page }) => {
  await page.goto(policyPage("AmazonS3ReadOnlyAccess"));
  const allow = page.getByRole("region", { name: "Policy summary" }).getByRole("table", { name: "Allow" });
  const s3 = allow.getByRole("row").filter({ has: page.getByRole("button", { name: /^Amazon S3 s3$/ }) });
  await expect(s3).toContainText(/List/);
  await expect(s3).toContainText(/Read/);
  await expect(s3).not.toContainText(/Write|Permissions management|Tagging|Full access/);
  await expect(s3).toContainText("All resources");

  await s3.getByRole("button").click();
  await expect(allow).toContainText("GetObject");
  await expect(allow).not.toContainText("PutObject");
});
