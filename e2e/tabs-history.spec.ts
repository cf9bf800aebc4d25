import { test, expect } from "./support/test";
import { PROD_ACCOUNT, uniqueName } from "./support/iam-api";

// Tabs are history entries: each switch is in the URL and Back returns to the previous tab
// instead of leaving the app.

test("Back and Forward move between the tabs visited, inside the app", async ({ page, iam }) => {
  const userName = uniqueName("e2e-tabs");
  await iam.createUser(userName);
  const userPage = `/accounts/${PROD_ACCOUNT}/users/${userName}`;
  await page.goto(`/accounts/${PROD_ACCOUNT}/users`);
  await page.getByRole("searchbox", { name: "Search users" }).fill(userName);
  await page.getByRole("table", { name: /^Users/ }).getByRole("link", { name: userName }).click();
  await expect(page).toHaveURL(new RegExp(`${userPage}$`));

  const tab = (name: string) => page.getByRole("tab", { name, exact: true });
  await tab("Groups").click();
  await expect(page).toHaveURL(new RegExp(`${userPage}\\?tab=groups$`));
  await tab("Tags").click();
  await expect(page).toHaveURL(new RegExp(`${userPage}\\?tab=tags$`));
  await expect(tab("Tags")).toHaveAttribute("aria-selected", "true");

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${userPage}\\?tab=groups$`));
  await expect(tab("Groups")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel")).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${userPage}$`));
  await expect(tab("Permissions")).toHaveAttribute("aria-selected", "true");

  await page.goForward();
  await expect(page).toHaveURL(new RegExp(`${userPage}\\?tab=groups$`));
  await expect(tab("Groups")).toHaveAttribute("aria-selected", "true");

  // Back past the first tab returns to the list the user came from, still in the app.
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/accounts/${PROD_ACCOUNT}/users(\\?|$)`));
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
});

test("arrow keys switch tabs as history entries too", async ({ page, iam }) => {
  const userName = uniqueName("e2e-tabs");
  await iam.createUser(userName);
  const userPage = `/accounts/${PROD_ACCOUNT}/users/${userName}`;
  await page.goto(userPage);
  const permissions = page.getByRole("tab", { name: "Permissions", exact: true });
  await permissions.focus();
  await page.keyboard.press("ArrowRight");
  const second = page.getByRole("tab", { selected: true });
  await expect(second).not.toHaveText("Permissions");
  await expect(second).toBeFocused();
  await expect(page).toHaveURL(/\?tab=/);

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${userPage}$`));
  await expect(permissions).toHaveAttribute("aria-selected", "true");
});
