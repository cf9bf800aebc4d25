import type { APIRequestContext, Locator } from "@playwright/test";
import { test, expect } from "./support/test";
import { PROD_ACCOUNT, uniqueName, type AccountCounts } from "./support/iam-api";

// The seeded accounts. Their figures are read from the API when a test runs, never fixed here:
// the suite adds entities of its own, and the demo data may grow.
const SEEDED = [
  { alias: "acme-management", accountId: "111122223333", displayName: "Acme Management" },
  { alias: "acme-prod", accountId: PROD_ACCOUNT, displayName: "Acme Production" },
  { alias: "acme-dev", accountId: "210987654321", displayName: "Acme Development" },
  { alias: "acme-security", accountId: "444455556666", displayName: "Acme Security" },
];

/** The card's four figures, in the order the card shows them. */
async function expectCounts(card: Locator, counts: AccountCounts) {
  await expect(card.getByRole("term")).toHaveText(["Users", "Groups", "Roles", "Policies"]);
  await expect(card.getByRole("definition")).toHaveText([counts.users, counts.groups, counts.roles, counts.policies].map(String));
}

/** An account's figures as ListAccounts answers the signed-in caller. */
async function listedCounts(request: APIRequestContext, accountId: string): Promise<AccountCounts> {
  const response = await request.get("/api/v1/accounts");
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: { accountId: string; counts: AccountCounts }[] };
  const listed = items.find((item) => item.accountId === accountId);
  if (!listed) throw new Error(`ListAccounts did not list ${accountId}`);
  return listed.counts;
}

test.describe("signed in to the management account", () => {
  // organizations:ListAccounts, called from the management account, lists the whole organization.
  test.use({ signInAs: { rootOf: "acme-management" } });

  test("the accounts page lists every account of the organization with its counts", async ({ page, request }) => {
    await page.goto("/");
    const accounts = page.getByRole("list", { name: "Accounts" });
    const card = (alias: string) => accounts.getByRole("listitem").filter({ has: page.getByRole("link", { name: alias, exact: true }) });
    for (const { alias, accountId, displayName } of SEEDED) {
      await expect(card(alias)).toContainText(displayName);
      await expect(card(alias)).toContainText(accountId);
      await expectCounts(card(alias), await listedCounts(request, accountId));
    }
  });
});

test("a member account's root user sees only its own account, and opens its dashboard", async ({ page, request }) => {
  await page.goto("/");
  const accounts = page.getByRole("list", { name: "Accounts" });
  const card = accounts.getByRole("listitem").filter({ has: page.getByRole("link", { name: "acme-prod", exact: true }) });
  await expect(card).toContainText("Acme Production");
  await expectCounts(card, await listedCounts(request, PROD_ACCOUNT));
  await expect(accounts.getByRole("article")).toHaveCount(1);
  for (const { alias } of SEEDED.filter((account) => account.alias !== "acme-prod")) {
    await expect(page.getByRole("link", { name: alias, exact: true })).toHaveCount(0);
  }

  await card.getByRole("link", { name: "acme-prod" }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${PROD_ACCOUNT}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Acme Production" })).toBeVisible();
});

test("the dashboard of acme-prod shows its counts and recent changes", async ({ page, iam }) => {
  // A user and a group of its own: the figures include them, and the newest change is known.
  const userName = uniqueName("e2e-user");
  const groupName = uniqueName("e2e-group");
  await iam.createUser(userName);
  await iam.createGroup(groupName);
  const counts = await iam.counts();

  await page.goto(`/accounts/${PROD_ACCOUNT}`);
  await expect(page.getByRole("heading", { level: 1, name: "Acme Production" })).toBeVisible();
  const tiles = page.getByRole("region", { name: "IAM resources" });
  await expect(tiles.getByRole("link", { name: `Users ${counts.users}` })).toBeVisible();
  await expect(tiles.getByRole("link", { name: `User groups ${counts.groups}` })).toBeVisible();
  await expect(tiles.getByRole("link", { name: `Roles ${counts.roles}` })).toBeVisible();
  await expect(tiles.getByRole("link", { name: `Policies ${counts.policies}` })).toBeVisible();
  const newest = page.getByRole("list", { name: "Recent changes" }).getByRole("listitem").first();
  await expect(newest).toContainText("CreateGroup");
  await expect(newest).toContainText(groupName);

  await tiles.getByRole("link", { name: /^Users/ }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${PROD_ACCOUNT}/users$`));
  await page.getByRole("searchbox", { name: "Search users" }).fill(userName);
  await expect(page.getByRole("table", { name: /^Users/ }).getByRole("link", { name: userName, exact: true })).toBeVisible();
});
