import { test, expect } from "./support/test";
import { PROD_ACCOUNT } from "./support/iam-api";
import { switchBack, switchRole } from "./support/sign-in";

const DEV_ACCOUNT = "210987654321";
const MANAGEMENT_ACCOUNT = "111122223333";

test("the catalog reached from an account keeps that account's side navigation; the top bar names the account", async ({ page }) => {
  await page.goto(`/accounts/${PROD_ACCOUNT}`);
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await nav.getByRole("link", { name: "Service catalog" }).click();
  await expect(page).toHaveURL(new RegExp(`/catalog\\?account=${PROD_ACCOUNT}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Service catalog" })).toBeVisible();

  // The side navigation stays, marks the catalog as the current page, and names the account.
  await expect(nav).toBeVisible();
  await expect(nav).toContainText("acme-prod");
  await expect(nav.getByRole("link", { name: "Service catalog" })).toHaveAttribute("aria-current", "page");
  const account = page.getByRole("banner").getByRole("button", { name: /^(Account|Role in use):/ });
  await expect(account).toHaveAccessibleName(`Account: acme-prod (${PROD_ACCOUNT})`);

  // Deeper in the catalog, the same.
  await page.getByRole("table", { name: "Every service" }).getByRole("link", { name: "Amazon S3", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Amazon S3/ })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Service catalog" })).toHaveAttribute("aria-current", "page");
  await expect(account).toHaveAccessibleName(`Account: acme-prod (${PROD_ACCOUNT})`);
});

test.describe("switching role in the catalog", () => {
  // org-admin works in acme-dev through its OrganizationAccountAccessRole, once switched to.
  test.use({ signInAs: { user: "org-admin" } });

  test("switching account in the top bar stays in the catalog, now for the other account", async ({ page }) => {
    // A role switched to before: the top bar's role history offers it.
    await switchRole(page, { account: DEV_ACCOUNT, roleName: "OrganizationAccountAccessRole" });
    await switchBack(page);

    await page.goto(`/catalog/s3?account=${MANAGEMENT_ACCOUNT}`);
    await expect(page.getByRole("heading", { level: 1, name: /^Amazon S3/ })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await expect(nav).toContainText("acme-management");
    const banner = page.getByRole("banner");
    await banner.getByRole("button", { name: /^Account:/ }).click();
    await banner.getByRole("button", { name: /OrganizationAccountAccessRole @ acme-dev/ }).click();

    await expect(page).toHaveURL(new RegExp(`/catalog/s3\\?account=${DEV_ACCOUNT}$`));
    await expect(nav).toContainText("acme-dev");
    await expect(nav.getByRole("link", { name: "Service catalog" })).toHaveAttribute("aria-current", "page");
    await expect(banner.getByRole("button", { name: /^Role in use:/ })).toHaveAccessibleName("Role in use: OrganizationAccountAccessRole @ acme-dev");
    await switchBack(page);
  });
});

test("the catalog without an account has no side navigation; the top bar names the signed-in account", async ({ page }) => {
  await page.goto("/catalog");
  await expect(page.getByRole("heading", { level: 1, name: "Service catalog" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toHaveCount(0);
  await expect(page.getByRole("banner").getByRole("button", { name: /^Account:/ })).toHaveAccessibleName(`Account: acme-prod (${PROD_ACCOUNT})`);
});
