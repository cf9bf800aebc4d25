import { test, expect } from "./support/test";
import { PROD_ACCOUNT } from "./support/iam-api";

const DEV_ACCOUNT = "210987654321";

test("the catalog reached from an account keeps that account's side navigation and top-bar account", async ({ page }) => {
  await page.goto(`/accounts/${PROD_ACCOUNT}`);
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await nav.getByRole("link", { name: "Service catalog" }).click();
  await expect(page).toHaveURL(new RegExp(`/catalog\\?account=${PROD_ACCOUNT}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Service catalog" })).toBeVisible();

  // The side navigation stays, marks the catalog as the current page, and names the account.
  await expect(nav).toBeVisible();
  await expect(nav).toContainText("acme-prod");
  await expect(nav.getByRole("link", { name: "Service catalog" })).toHaveAttribute("aria-current", "page");
  const switcher = page.getByRole("banner").getByRole("combobox", { name: "Account" });
  await expect(switcher).toHaveValue(PROD_ACCOUNT);

  // Deeper in the catalog, the same.
  await page.getByRole("table", { name: "Every service" }).getByRole("link", { name: "Amazon S3", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Amazon S3/ })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Service catalog" })).toHaveAttribute("aria-current", "page");
  await expect(switcher).toHaveValue(PROD_ACCOUNT);

  // Switching account in the top bar stays in the catalog, now for the other account.
  await switcher.selectOption(DEV_ACCOUNT);
  await expect(page).toHaveURL(new RegExp(`/catalog/s3\\?account=${DEV_ACCOUNT}$`));
  await expect(nav).toContainText("acme-dev");
  await expect(switcher).toHaveValue(DEV_ACCOUNT);
});

test("the catalog without an account has no side navigation and shows All accounts", async ({ page }) => {
  await page.goto("/catalog");
  await expect(page.getByRole("heading", { level: 1, name: "Service catalog" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toHaveCount(0);
  const switcher = page.getByRole("banner").getByRole("combobox", { name: "Account" });
  await expect(switcher).toHaveValue("");
  await expect(switcher.locator("option:checked")).toHaveText("All accounts");
});
