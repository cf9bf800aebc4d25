import { test, expect } from "./support/test";
import { PROD_ACCOUNT, uniqueName } from "./support/iam-api";
import type { Page } from "@playwright/test";

const effectiveTab = (userName: string) => `/accounts/${PROD_ACCOUNT}/users/${encodeURIComponent(userName)}?tab=effective`;

/** Opens one service of the panel and returns its access-level sections' locator factory. */
async function openService(page: Page, service: string) {
  const row = page.locator(`li[data-service="${service}"]`);
  await row.getByRole("button", { expanded: false }).click();
  return (level: string) => row.getByRole("region", { name: `${service} ${level}` });
}

test("alice reads S3 through her ReadOnly group, and cannot write", async ({ page }) => {
  await page.goto(effectiveTab("alice"));
  await expect(page.getByTestId("effective-summary")).toHaveText(/^[\d,]+ actions? in \d+ services?/);
  await expect(page.getByText("AmazonS3ReadOnlyAccess via group ReadOnly").first()).toBeVisible();

  const level = await openService(page, "s3");
  await expect(level("List").locator('[data-status="allowed"]').getByText("s3:ListAllMyBuckets")).toBeVisible();
  const read = level("Read").locator('[data-status="allowed"]');
  await expect(read.getByText("s3:GetObject", { exact: true })).toBeVisible();
  await expect(read.getByRole("link", { name: /AmazonS3ReadOnlyAccess via group ReadOnly, statement 1/ }).first()).toHaveAttribute(
    "href",
    /\/policies\/AmazonS3ReadOnlyAccess\?statement=0$/,
  );
  await expect(level("Write").getByText("No policy grants or denies any Write action.")).toBeVisible();
  await expect(level("Write").getByText("s3:PutObject")).toHaveCount(0);
});

test("the search narrows the panel to matching actions", async ({ page }) => {
  await page.goto(effectiveTab("alice"));
  await page.getByLabel("Search services and actions").fill("s3:GetObjectTagging");
  await expect(page.getByText(/^1 of \d+ services match\.$/)).toBeVisible();
  const s3 = page.locator('li[data-service="s3"]');
  await expect(s3.getByText("s3:GetObjectTagging", { exact: true })).toBeVisible();
  await expect(s3.getByText("s3:GetObject", { exact: true })).toHaveCount(0);
});

test("setting a boundary that allows only EC2 removes S3, live", async ({ page, iam, request }) => {
  const userName = uniqueName("e2e-bounded");
  const boundaryName = uniqueName("OnlyEc2");
  await iam.createUser(userName);
  await iam.attachUserPolicy(userName, "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
  const document = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ec2:*", Resource: "*" }] });
  const created = await request.post(`/api/v1/accounts/${PROD_ACCOUNT}/policies`, { data: { policyName: boundaryName, policyDocument: document } });
  expect(created.ok()).toBe(true);

  await page.goto(effectiveTab(userName));
  let level = await openService(page, "s3");
  await expect(level("Read").locator('[data-status="allowed"]').getByText("s3:GetObject", { exact: true })).toBeVisible();

  await page.getByRole("tab", { name: "Permissions boundary" }).click();
  await page.getByRole("button", { name: "Set boundary" }).click();
  const picker = page.getByRole("dialog", { name: `Set permissions boundary for ${userName}` });
  await picker.getByRole("searchbox", { name: "Search policies" }).fill(boundaryName);
  await picker.getByRole("radio", { name: new RegExp(`^${boundaryName}\\b`) }).check();
  await picker.getByRole("button", { name: "Set boundary" }).click();
  await expect(picker).toBeHidden();

  await page.getByRole("tab", { name: "Effective permissions" }).click();
  await expect(page.getByText(/granted by identity policies but removed by the permissions boundary/)).toBeVisible();
  level = await openService(page, "s3");
  const removed = level("Read").locator('[data-status="removedByBoundary"]');
  await expect(removed.getByText("Granted by identity, removed by boundary")).toBeVisible();
  await expect(removed.getByText("s3:GetObject", { exact: true })).toBeVisible();
  await expect(removed.getByText(`The permissions boundary allows none of these actions.`)).toBeVisible();
});
