import type { Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { PROD_ACCOUNT, uniqueName } from "./support/iam-api";
import { fillPolicyDocument } from "./support/policy-document";

// Policy checks on Create policy, live as the document is pasted: the 6,144-character quota of a
// managed policy, wildcard actions that cannot apply to the Resource (and the summary's resource
// warning), and Allow with NotAction.

const createPolicyPage = `/accounts/${PROD_ACCOUNT}/create/policy`;
const checks = (page: Page) => page.getByRole("region", { name: "Policy checks" });
const summary = (page: Page) => page.getByRole("region", { name: "Policy summary" });

/** A compact managed policy of about `size` characters: one statement over many object ARNs. */
function largePolicy(size: number): string {
  const resources: string[] = [];
  const text = () => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: resources }] });
  for (let i = 0; text().length < size; i++) resources.push(`arn:aws:s3:::reports-${String(i).padStart(4, "0")}/*`);
  return text();
}

test("a policy over the 6,144-character quota is a finding as soon as it is pasted, and the server agrees", async ({ page }) => {
  await page.goto(createPolicyPage);
  const text = largePolicy(12_000);
  // Compact JSON with no space in any value: its length is its size without white space.
  expect(text).not.toMatch(/\s/);
  await fillPolicyDocument(page, "Policy document", text);

  const errors = checks(page).getByRole("list", { name: "Errors" });
  await expect(errors).toContainText(`The policy is ${text.length} characters long without white space, over the quota of 6144`);
  await expect(checks(page)).not.toContainText("No findings");

  await page.getByLabel("Policy name").fill(uniqueName("e2e-lint-size"));
  await page.getByRole("button", { name: "Create policy" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "6144" }).first()).toContainText(`${text.length} characters`);
  // The refusal and the checks say the same thing.
  await expect(errors).toContainText("over the quota of 6144");
  await expect(page).toHaveURL(new RegExp(`${createPolicyPage}$`));

  // Back under the quota, the finding goes as the text changes.
  await fillPolicyDocument(page, "Policy document", largePolicy(6_000));
  await expect(checks(page)).not.toContainText("over the quota");
});

test("s3:Get* on the bucket ARN: the object actions that cannot apply are counted and named, in the checks and the summary", async ({ page }) => {
  await page.goto(createPolicyPage);
  await fillPolicyDocument(page, "Policy document", '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"arn:aws:s3:::my_bucket"}]}');

  const warnings = checks(page).getByRole("list", { name: "Warnings" });
  await expect(warnings).toContainText(/"s3:Get\*" matches \d+ actions, and \d+ of them cannot apply/);
  await expect(warnings).toContainText("s3:GetObject");
  await expect(warnings).toContainText("not the bucket");
  await expect(page.locator(".squiggly-warning").first()).toBeVisible();

  const s3Row = summary(page).getByRole("table", { name: "Allow" }).locator('tr[data-service="s3"]');
  await expect(s3Row).toContainText("One or more actions do not have an applicable resource");
  await expect(s3Row).toContainText("s3:GetObject");
  await expect(summary(page)).toContainText(/without an applicable resource/);

  // Naming the objects too gives the object actions their resource.
  await fillPolicyDocument(
    page,
    "Policy document",
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject*","Resource":["arn:aws:s3:::my_bucket","arn:aws:s3:::my_bucket/*"]}]}',
  );
  await expect(checks(page)).toContainText("Policy checks: No findings");
  await expect(summary(page).getByRole("table", { name: "Allow" })).not.toContainText("do not have an applicable resource");
});

test("Allow with NotAction is a security warning", async ({ page }) => {
  await page.goto(createPolicyPage);
  await fillPolicyDocument(page, "Policy document", '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}');
  await expect(checks(page).getByRole("list", { name: "Security warnings" })).toContainText('"Allow" with NotAction allows every action not listed');
});
