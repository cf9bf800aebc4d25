import { test, expect } from "./support/test";
import { PROD_ACCOUNT, uniqueName } from "./support/iam-api";
import { fillPolicyDocument, serviceTrustPolicy } from "./support/policy-document";

test("creates a role with a trust policy", async ({ page }) => {
  const roleName = uniqueName("e2e-role");
  await page.goto(`/accounts/${PROD_ACCOUNT}/roles`);
  await page.getByRole("main").getByRole("link", { name: "Create role" }).click();

  await page.getByLabel("Role name").fill(roleName);
  await page.getByLabel("Description").fill("Instance role for the e2e app servers.");
  await fillPolicyDocument(page, "Trust policy", serviceTrustPolicy("ec2.amazonaws.com"));
  await page.getByRole("button", { name: "Create role" }).click();

  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^${roleName}`) })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(`arn:aws:iam::${PROD_ACCOUNT}:role/${roleName}`);
  await page.getByRole("tab", { name: /Trust/ }).click();
  await expect(page.getByRole("tabpanel")).toContainText("ec2.amazonaws.com");
  await expect(page.getByRole("tabpanel")).toContainText("sts:AssumeRole");

  await page.goto(`/accounts/${PROD_ACCOUNT}/roles`);
  await page.getByRole("searchbox", { name: "Search roles" }).fill(roleName);
  const row = page.getByRole("table", { name: /^Roles/ }).getByRole("row").filter({ has: page.getByRole("link", { name: roleName, exact: true }) });
  await expect(row).toContainText("Instance role for the e2e app servers.");
});

test("creates and removes a role's instance profile on the role page", async ({ page, request }) => {
  const roleName = uniqueName("e2e-ec2");
  const created = await request.post(`/api/v1/accounts/${PROD_ACCOUNT}/roles`, { data: { roleName, trustPolicy: serviceTrustPolicy("ec2.amazonaws.com") } });
  expect(created.ok()).toBe(true);
  await page.goto(`/accounts/${PROD_ACCOUNT}/roles/${roleName}`);
  const card = page.locator("section").filter({ has: page.getByRole("heading", { name: /^Instance profiles/ }) });
  await expect(card).toContainText("No instance profile holds this role");
  await card.getByRole("button", { name: "Create instance profile" }).click();
  await expect(card.getByRole("table")).toContainText(`arn:aws:iam::${PROD_ACCOUNT}:instance-profile/${roleName}`);
  await card.getByRole("button", { name: `Remove instance profile ${roleName}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
  await expect(card).toContainText("No instance profile holds this role");
});
