import { test, expect } from "./support/test";
import { PROD_ACCOUNT, uniqueName } from "./support/iam-api";

const usersPage = `/accounts/${PROD_ACCOUNT}/users`;

test("creates a user and finds it in the list", async ({ page }) => {
  const userName = uniqueName("e2e-user");
  await page.goto(usersPage);
  await page.getByRole("main").getByRole("link", { name: "Create user" }).click();

  await page.getByLabel("User name").fill(userName);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("heading", { level: 1, name: userName })).toBeVisible();

  await page.goto(usersPage);
  await page.getByRole("searchbox", { name: "Search users" }).fill(userName);
  const table = page.getByRole("table", { name: /^Users/ });
  await expect(table.getByRole("link", { name: userName })).toBeVisible();
  await expect(table.getByRole("link")).toHaveCount(1);
});

test("a bad user name is refused next to its field", async ({ page }) => {
  await page.goto(usersPage);
  await page.getByRole("main").getByRole("link", { name: "Create user" }).click();
  const name = page.getByLabel("User name");
  await name.fill("bad name!");
  await page.getByRole("button", { name: "Create user" }).click();

  await expect(name).toHaveAttribute("aria-invalid", "true");
  // The message is tied to the input (aria-describedby), not only shown somewhere on the page.
  await expect(name).toHaveAccessibleDescription(/may contain only letters, digits/);
  await expect(page.getByText(/User name may contain only letters, digits/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "bad name!" })).toHaveCount(0);
});

test.describe("search and paging", () => {
  const prefix = uniqueName("e2e-page");
  const names = Array.from({ length: 30 }, (_, i) => `${prefix}-${String(i + 1).padStart(2, "0")}`);

  test.beforeAll(async ({ iam }) => {
    for (const name of names) await iam.createUser(name);
  });

  test("searches by name and pages through the matches, keeping both in the URL", async ({ page }) => {
    await page.goto(usersPage);
    await page.getByRole("searchbox", { name: "Search users" }).fill(prefix);

    const pager = page.getByRole("navigation", { name: "users pages" });
    const links = page.getByRole("table", { name: /^Users/ }).getByRole("link");
    await expect(pager).toContainText("1–25 of 30 users");
    await expect(links).toHaveCount(25);
    await expect(links.first()).toHaveText(names[0]);

    await pager.getByRole("button", { name: "Next page" }).click();
    await expect(pager).toContainText("26–30 of 30 users");
    await expect(links).toHaveText(names.slice(25));
    const url = new URL(page.url());
    expect(url.searchParams.get("search")).toBe(prefix);
    expect(url.searchParams.get("page")).toBe("2");

    // The URL alone restores the view.
    await page.reload();
    await expect(page.getByRole("searchbox", { name: "Search users" })).toHaveValue(prefix);
    await expect(pager).toContainText("26–30 of 30 users");
    await expect(links).toHaveText(names.slice(25));
  });
});
