import type { Locator } from "@playwright/test";
import { test, expect } from "./support/test";
import { PROD_ACCOUNT, type AccountCounts } from "./support/iam-api";

// acme-dev and acme-security are never written by the suite, so their seed counts are exact;
// acme-prod gains the suite's own users and groups, so its counts are compared with the API's.
const SEEDED: Record<string, { accountId: string; displayName: string; counts: AccountCounts }> = {
  "acme-dev": { accountId: "210987654321", displayName: "Acme Development", counts: { users: 2, groups: 0, roles: 2, policies: 0 } },
  "acme-security": { accountId: "444455556666", displayName: "Acme Security", counts: { users: 1, groups: 0, roles: 1, policies: 0 } },
};

/** The card's four figures, in the order the card shows them. */
async function expectCounts(card: Locator, counts: AccountCounts) {
  await expect(card.getByRole("term")).toHaveText(["Users", "Groups", "Roles", "Policies"]);
  await expect(card.getByRole("definition")).toHaveText([counts.users, counts.groups, counts.roles, counts.policies].map(String));
}

test("the accounts page lists the seeded accounts with their counts", async ({ page, iam }) => {
  await page.goto("/");
  const accounts = page.getByRole("list", { name: "Accounts" });
  const card = (alias: string) => accounts.getByRole("listitem").filter({ has: page.getByRole("link", { name: alias, exact: true }) });

  const prod = card("acme-prod");
  await expect(prod).toContainText("Acme Production");
  await expect(prod).toContainText(PROD_ACCOUNT);
  await expectCounts(prod, await iam.counts());

  for (const [alias, seeded] of Object.entries(SEEDED)) {
    await expect(card(alias)).toContainText(seeded.displayName);
    await expect(card(alias)).toContainText(seeded.accountId);
    await expectCounts(card(alias), seeded.counts);
  }

  await prod.getByRole("link", { name: "acme-prod" }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${PROD_ACCOUNT}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Acme Production" })).toBeVisible();
});

test("the dashboard of acme-prod shows its counts and recent changes", async ({ page, iam }) => {
  const counts = await iam.counts();
  // The seed holds at least alice, bob, carol, dave and erin; Admins, Developers and ReadOnly;
  // RoleName and LambdaBasicExecution; DevBoundary, AssumeRoleNamePolicy and MyBucketReadOnly.
  expect(counts.users).toBeGreaterThanOrEqual(5);
  expect(counts.groups).toBeGreaterThanOrEqual(3);
  expect(counts.roles).toBeGreaterThanOrEqual(2);
  expect(counts.policies).toBeGreaterThanOrEqual(3);

  await page.goto(`/accounts/${PROD_ACCOUNT}`);
  await expect(page.getByRole("heading", { level: 1, name: "Acme Production" })).toBeVisible();
  const tiles = page.getByRole("region", { name: "IAM resources" });
  await expect(tiles.getByRole("link", { name: `Users ${counts.users}` })).toBeVisible();
  await expect(tiles.getByRole("link", { name: `User groups ${counts.groups}` })).toBeVisible();
  await expect(tiles.getByRole("link", { name: `Roles ${counts.roles}` })).toBeVisible();
  await expect(tiles.getByRole("link", { name: `Policies ${counts.policies}` })).toBeVisible();
  await expect(page.getByRole("list", { name: "Recent changes" }).getByRole("listitem").first()).toBeVisible();

  await tiles.getByRole("link", { name: /^Users/ }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${PROD_ACCOUNT}/users$`));
  const table = page.getByRole("table", { name: /^Users/ });
  for (const seeded of ["alice", "bob", "carol", "dave"]) {
    await page.getByRole("searchbox", { name: "Search users" }).fill(seeded);
    await expect(table.getByRole("link", { name: seeded, exact: true })).toBeVisible();
  }
});
