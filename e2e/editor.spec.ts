import type { Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { EDITOR_LOAD_MS } from "./support/editor";
import { PROD_ACCOUNT, uniqueName } from "./support/iam-api";

// The Monaco policy editor on the create policy page: served from our origin, completion from
// the catalog, live findings as markers and in a list, refused saves, the leave guard.

const createPolicyPage = `/accounts/${PROD_ACCOUNT}/create/policy`;

/** The editor's text input (Monaco's textarea, named after the field). */
const documentInput = (page: Page) => page.getByRole("textbox", { name: "Policy document", exact: true });

/**
 * Replaces the editor's text as typed input (Monaco closes brackets and quotes itself and types
 * over them). `typed` is then typed key by key, which is what opens the suggestions.
 */
async function typeDocument(page: Page, text: string, typed = ""): Promise<void> {
  const input = documentInput(page);
  await input.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
  if (typed) await page.keyboard.type(typed);
}

const checks = (page: Page) => page.getByRole("region", { name: "Policy checks" });

test("the editor loads from our origin only, with the catalog fetched as static files", async ({ page }) => {
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  await page.goto(createPolicyPage);
  await expect(documentInput(page)).toBeEditable();
  // The checks run with the catalog (the template is clean once the linter has it).
  await expect(checks(page)).toContainText("Policy checks:");
  await typeDocument(page, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"', "s3:Get");
  await expect(page.getByRole("option", { name: /^s3:Get/ }).first()).toBeVisible();

  const origin = new URL(page.url()).origin;
  expect(requested.some((url) => url.startsWith(`${origin}/catalog/`) && url.endsWith("/catalog.json"))).toBe(true);
  expect(requested.some((url) => url.endsWith("/descriptions/s3.json"))).toBe(true);
  expect(requested.filter((url) => !url.startsWith("http://127.0.0.1:") && !url.startsWith("data:") && !url.startsWith("blob:"))).toEqual([]);

  const interactive = await page.evaluate(() => performance.getEntriesByName("policy-editor:interactive")[0]?.startTime);
  test.info().annotations.push({ type: "editor interactive (ms after navigation)", description: String(Math.round(interactive ?? -1)) });
});

test('offers s3:GetObject after typing "s3:Get, with its access level', async ({ page }) => {
  await page.goto(createPolicyPage);
  await typeDocument(page, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*","Action":"', "s3:Get");
  // Every S3 Get action is offered (the list shows the first dozen of them at a time).
  const list = page.getByRole("listbox");
  await expect(list.getByRole("option", { name: /^s3:Get/ }).first()).toBeVisible();
  await expect(list.getByRole("option").filter({ hasNotText: /^s3:Get/ })).toHaveCount(0);

  await page.keyboard.type("Obj");
  const getObject = list.getByRole("option", { name: "s3:GetObject, Read", exact: false }).first();
  await expect(getObject).toBeVisible();
  await expect(getObject).toContainText("Read");
  await page.keyboard.press("Escape");
});

test("an invalid policy is marked as you type and its save is refused with nothing sent", async ({ page }) => {
  const posted: string[] = [];
  page.on("request", (request) => request.method() !== "GET" && posted.push(request.url()));
  await page.goto(createPolicyPage);
  await typeDocument(page, '{"Version":"2012-10-17","Statement":[{"Effect":"Permit","Action":"s3:GetObject","Resource":"*"}]}');

  await expect(checks(page).getByRole("list", { name: "Errors" })).toContainText('Effect must be "Allow" or "Deny"');
  await expect(page.locator(".squiggly-error").first()).toBeVisible();

  await page.getByLabel("Policy name").fill(uniqueName("e2e-editor"));
  await page.getByRole("button", { name: "Create policy" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Not saved" })).toContainText("an error AWS would refuse");
  await expect(page.getByRole("list", { name: "Problems in the document" })).toContainText("Statement[0].Effect");
  await expect(documentInput(page)).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(new RegExp(`${createPolicyPage}$`));
  expect(posted).toEqual([]);
});

test("the server's refusal is shown in place, its issues marked in the text", async ({ page }) => {
  await page.route(`**/api/v1/accounts/${PROD_ACCOUNT}/policies`, (route) =>
    route.request().method() === "POST"
      ? route.fulfill({
          status: 400,
          contentType: "application/json",
          body: JSON.stringify({
            error: {
              code: "MalformedPolicyDocument",
              message: "The policy document is not valid: Statement[0].Sid is refused.",
              field: "policyDocument",
              issues: [{ code: "InvalidSid", message: "Statement[0].Sid is refused.", path: "Statement[0].Sid" }],
            },
          }),
        })
      : route.fallback(),
  );
  await page.goto(createPolicyPage);
  await typeDocument(page, '{"Version":"2012-10-17","Statement":[{"Sid":"One","Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}');
  await page.getByLabel("Policy name").fill(uniqueName("e2e-editor"));
  await page.getByRole("button", { name: "Create policy" }).click();
  await expect(page.getByRole("list", { name: "Problems in the document" })).toContainText("Statement[0].Sid is refused.");
  await expect(page.locator(".squiggly-error").first()).toBeVisible();
});

test("the my_bucket lesson: s3:GetObject on the bucket ARN is flagged", async ({ page }) => {
  await page.goto(createPolicyPage);
  await typeDocument(page, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::my_bucket"}]}');
  const warnings = checks(page).getByRole("list", { name: "Warnings" });
  await expect(warnings).toContainText("s3:GetObject");
  await expect(warnings).toContainText("not the bucket");
  await expect(page.locator(".squiggly-warning").first()).toBeVisible();

  // Choosing the finding puts the cursor on it.
  await warnings.getByRole("button").first().click();
  await expect(documentInput(page)).toBeFocused();
});

test("leaving with unsaved changes asks first", async ({ page }) => {
  await page.goto(createPolicyPage);
  await typeDocument(page, '{"Version":"2012-10-17","Statement":[]}');
  const policies = page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Policies" });

  page.once("dialog", (dialog) => dialog.dismiss());
  await policies.click();
  await expect(page).toHaveURL(new RegExp(`${createPolicyPage}$`));

  page.once("dialog", (dialog) => dialog.accept());
  await policies.click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${PROD_ACCOUNT}/policies$`));
});

test("an AWS managed policy is shown in a read-only editor", async ({ page }) => {
  await page.goto(`/accounts/${PROD_ACCOUNT}/policies/AmazonS3ReadOnlyAccess`);
  const viewer = page.getByRole("textbox", { name: "Policy document", exact: true });
  await expect(viewer).toBeAttached({ timeout: EDITOR_LOAD_MS });
  await expect(viewer).not.toBeEditable();
  await expect(page.getByRole("main")).toContainText("s3:Get*");
});
