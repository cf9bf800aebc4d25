import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { PROD_ACCOUNT, uniqueName } from "./support/iam-api";
import { allowDocument, fillPolicyDocument } from "./support/policy-document";
import { switchBack, switchRole } from "./support/sign-in";

// Unsaved policy documents are never lost silently: Back, tab switches, the account switcher and
// closing the page ask first, staying keeps the edits, and editors unmount without errors.

const LEAVE = "The policy document has unsaved changes. Leave this page and lose them?";
const policiesPage = `/accounts/${PROD_ACCOUNT}/policies`;
const createPolicyPage = `/accounts/${PROD_ACCOUNT}/create/policy`;
const BUCKET = "arn:aws:s3:::e2e-leave-guards/*";
const SECURITY_ACCOUNT = "444455556666";

/** Page errors and console errors that mention a disposed Monaco service, collected as they come. */
function disposedErrors(page: Page): string[] {
  const seen: string[] = [];
  page.on("pageerror", (error) => /disposed/i.test(String(error)) && seen.push(`pageerror: ${error.message}`));
  page.on("console", (message) => message.type() === "error" && /disposed/i.test(message.text()) && seen.push(`console: ${message.text()}`));
  return seen;
}

/** The text Monaco shows (its textarea holds only the lines around the cursor). */
const shownText = (page: Page) => page.locator(".monaco-editor .view-lines").first();

/** Presses the browser's Back and answers its leave question; the URL is left to the caller. */
async function backAnswering(page: Page, answer: "accept" | "dismiss"): Promise<string> {
  const asked = page.waitForEvent("dialog");
  // A Back the user refuses never completes: the navigation is cancelled, so goBack times out.
  const back = page.goBack({ timeout: answer === "accept" ? 15_000 : 2_000 }).catch(() => null);
  const dialog = await asked;
  const message = dialog.message();
  await dialog[answer]();
  await back;
  return message;
}

async function createPolicyWithVersions(request: APIRequestContext, policyName: string): Promise<void> {
  const api = `/api/v1/accounts/${PROD_ACCOUNT}/policies`;
  expect((await request.post(api, { data: { policyName, policyDocument: allowDocument(["s3:GetObject"], BUCKET) } })).status()).toBe(201);
  const version = await request.post(`${api}/${policyName}/versions`, { data: { policyDocument: allowDocument(["s3:ListBucket"], BUCKET) } });
  expect(version.status()).toBe(201);
}

test("Back from Create policy with edits asks, and staying keeps the edits", async ({ page }) => {
  const errors = disposedErrors(page);
  await page.goto(policiesPage);
  await page.getByRole("main").getByRole("link", { name: "Create policy" }).click();
  await expect(page).toHaveURL(new RegExp(`${createPolicyPage}$`));
  await fillPolicyDocument(page, "Policy document", allowDocument(["s3:GetObject"], "arn:aws:s3:::kept-after-back/*"));
  await expect(shownText(page)).toContainText("kept-after-back");

  expect(await backAnswering(page, "dismiss")).toBe(LEAVE);
  await expect(page).toHaveURL(new RegExp(`${createPolicyPage}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Create policy" })).toBeVisible();
  await expect(shownText(page)).toContainText("kept-after-back");

  // Asked again, the user leaves: Back goes to the list, inside the app.
  expect(await backAnswering(page, "accept")).toBe(LEAVE);
  await expect(page).toHaveURL(new RegExp(`${policiesPage}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Policies" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("switching tab from Create version with edits asks, and the editors unmount cleanly", async ({ page, request }) => {
  const policyName = uniqueName("e2e-leave");
  await createPolicyWithVersions(request, policyName);
  const errors = disposedErrors(page);
  await page.goto(`/accounts/${PROD_ACCOUNT}/policies/${policyName}?tab=versions`);
  // The comparison of v1 and v2 (a Monaco diff editor) is on the tab too.
  await expect(page.getByRole("region", { name: "Document changes" })).toBeVisible();
  await page.getByRole("button", { name: "Create version" }).click();
  await fillPolicyDocument(page, "Policy document", allowDocument(["s3:PutObject"], "arn:aws:s3:::kept-after-tab/*"));

  const permissions = page.getByRole("tab", { name: "Permissions" });
  const versions = page.getByRole("tab", { name: "Policy versions" });
  let asked = "";
  page.once("dialog", (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await permissions.click();
  await expect.poll(() => asked).toBe(LEAVE);
  await expect(versions).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/\?tab=versions$/);
  await expect(page.getByRole("textbox", { name: "Policy document", exact: true })).toBeVisible();
  await expect(page.locator(".monaco-editor .view-lines").filter({ hasText: "kept-after-tab" })).toHaveCount(1);

  page.once("dialog", (dialog) => void dialog.accept());
  await permissions.click();
  await expect(permissions).toHaveAttribute("aria-selected", "true");
  await expect(page).not.toHaveURL(/tab=versions/);
  // Monaco reports a disposal in the wrong order a moment later (a debounced emitter), if at all.
  await page.waitForTimeout(1_000);
  expect(errors).toEqual([]);
});

test.describe("switching role", () => {
  // carol, signed in with MFA, administers acme-prod and may switch to CrossAccountAuditor.
  test.use({ signInAs: { user: "carol" } });

  test("the account switcher asks before leaving edits", async ({ page }) => {
    // A role switched to before: the top bar's role history offers it.
    await switchRole(page, { account: SECURITY_ACCOUNT, roleName: "CrossAccountAuditor" });
    await switchBack(page);
    await page.goto(createPolicyPage);
    await fillPolicyDocument(page, "Policy document", allowDocument(["s3:GetObject"], "arn:aws:s3:::kept-after-switch/*"));
    const banner = page.getByRole("banner");
    const account = banner.getByRole("button", { name: /^(Account|Role in use):/ });
    const chooseRole = async () => {
      if ((await account.getAttribute("aria-expanded")) !== "true") await account.click();
      await banner.getByRole("button", { name: /CrossAccountAuditor @ acme-security/ }).click();
    };

    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await chooseRole();
    await expect.poll(() => asked).toBe(LEAVE);
    await expect(page).toHaveURL(new RegExp(`${createPolicyPage}$`));
    await expect(account).toHaveAccessibleName(`Account: acme-prod (${PROD_ACCOUNT})`);
    await expect(shownText(page)).toContainText("kept-after-switch");

    page.once("dialog", (dialog) => void dialog.accept());
    await chooseRole();
    await expect(page).toHaveURL(new RegExp(`/accounts/${SECURITY_ACCOUNT}`));
    await expect(account).toHaveAccessibleName("Role in use: CrossAccountAuditor @ acme-security");
    await switchBack(page);
  });
});

test("closing or reloading the page with edits gets the browser's own question", async ({ page }) => {
  await page.goto(createPolicyPage);
  await fillPolicyDocument(page, "Policy document", allowDocument(["s3:GetObject"], "arn:aws:s3:::kept-after-close/*"));
  const asked = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.dismiss();
  expect(page.isClosed()).toBe(false);
  await expect(shownText(page)).toContainText("kept-after-close");
});

test("nothing asks when there is nothing unsaved", async ({ page }) => {
  let asked = false;
  page.on("dialog", (dialog) => {
    asked = true;
    void dialog.dismiss();
  });
  await page.goto(policiesPage);
  await page.getByRole("main").getByRole("link", { name: "Create policy" }).click();
  await expect(page.getByRole("textbox", { name: "Policy document", exact: true })).toBeEditable();
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${policiesPage}$`));
  expect(asked).toBe(false);
});
