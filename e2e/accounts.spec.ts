import type { APIRequestContext, Locator } from "@playwright/test";
import { CreateAccountAliasCommand, DeleteAccountAliasCommand } from "@aws-sdk/client-iam";
import { test, expect } from "./support/test";
import { adminKeys, iamAt } from "./support/aws";
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

// IAM's DeleteAccountAlias leaves the account known by its ID (the console keeps the ID where the
// alias was): Account settings shows no alias, and saving the name sends the name alone (a PATCH
// of the ID as alias would be refused: an alias cannot be a 12-digit number). acme-prod's alias
// and name are put back whatever happens: later specs sign in by the alias.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteAccountAlias.html
test("after DeleteAccountAlias, Account settings shows no alias and saves a new name alone", async ({ page, request, baseURL }) => {
  const iam = iamAt(baseURL, await adminKeys(request, "e2e-noalias"));
  const before = (await (await request.get(`/api/v1/accounts/${PROD_ACCOUNT}`)).json()) as { alias: string; displayName: string };
  expect(before.alias).toBe("acme-prod");
  const renamed = uniqueName("Prod").slice(0, 50);
  try {
    await iam.send(new DeleteAccountAliasCommand({ AccountAlias: "acme-prod" }));
    await page.goto(`/accounts/${PROD_ACCOUNT}/settings`);
    await expect(page.getByLabel("Account alias")).toHaveValue("");
    await expect(page.getByLabel("Display name")).toHaveValue(before.displayName);
    // The side navigation names the account by its ID, once.
    await expect(page.getByRole("navigation", { name: "Main navigation" }).getByText(PROD_ACCOUNT, { exact: true })).toHaveCount(1);

    await page.getByLabel("Display name").fill(renamed);
    const patch = page.waitForRequest((req) => req.method() === "PATCH" && req.url().endsWith(`/api/v1/accounts/${PROD_ACCOUNT}`));
    await page.getByRole("button", { name: "Save changes" }).click();
    expect((await patch).postDataJSON()).toEqual({ displayName: renamed });
    await expect(page.getByText("Account settings saved.")).toBeVisible();
    const after = (await (await request.get(`/api/v1/accounts/${PROD_ACCOUNT}`)).json()) as { alias: string; displayName: string };
    expect(after).toMatchObject({ alias: PROD_ACCOUNT, displayName: renamed });
    await expect(page.getByLabel("Account alias")).toHaveValue("");
  } finally {
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: "acme-prod" }));
    expect((await request.patch(`/api/v1/accounts/${PROD_ACCOUNT}`, { data: { displayName: before.displayName } })).status()).toBe(200);
  }
});
