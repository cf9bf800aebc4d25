import { test, expect } from "./support/test";
import { IamApi, PROD_ACCOUNT, uniqueName } from "./support/iam-api";

// The accounts overview's "Reset demo data": demo accounts come back as the seed wrote them;
// another account keeps what it holds.

test("resets the demo accounts from the accounts overview, leaving other accounts alone", async ({ page, request, iam }) => {
  // Change the demo: erin goes, a stranger arrives.
  const stranger = uniqueName("e2e-stranger");
  await iam.createUser(stranger);
  expect((await request.delete(`/api/v1/accounts/${PROD_ACCOUNT}/users/erin?force=true`)).status()).toBe(204);
  expect(await iam.status("/users/erin")).toBe(404);

  // Another account, with a user of its own.
  const alias = uniqueName("e2e-keep").toLowerCase();
  const created = await request.post("/api/v1/accounts", { data: { alias, displayName: "Kept", rootEmail: "root@example.com" } });
  expect(created.status()).toBe(201);
  const other = new IamApi(request, ((await created.json()) as { accountId: string }).accountId);
  await other.createUser("keeper");

  await page.goto("/");
  const card = page.getByRole("region", { name: "Demo data" });
  await card.getByRole("button", { name: "Reset demo data…" }).click();

  const dialog = page.getByRole("dialog", { name: "Reset the demo data?" });
  await expect(dialog).toContainText("acme-prod");
  await expect(dialog).toContainText("acme-security");
  await expect(dialog.getByRole("heading", { name: "Not touched" })).toBeVisible();
  await expect(dialog).toContainText(alias);
  await dialog.getByRole("button", { name: "Reset demo data", exact: true }).click();

  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(card.getByRole("status")).toContainText("Demo data reset");

  // The overview's figures were refreshed without a reload.
  const prodCard = page.getByRole("list", { name: "Accounts" }).getByRole("listitem").filter({ has: page.getByRole("link", { name: "acme-prod", exact: true }) });
  const users = (await iam.counts()).users;
  await expect(prodCard.getByRole("definition").first()).toHaveText(String(users));

  // erin is back, the stranger is gone, the other account is as it was.
  await page.goto(`/accounts/${PROD_ACCOUNT}/users/erin`);
  await expect(page.getByRole("heading", { level: 1, name: "erin" })).toBeVisible();
  await expect(page.getByText("MyBucketReadOnly").first()).toBeVisible();
  expect(await iam.status(`/users/${stranger}`)).toBe(404);
  expect(await other.status("/users/keeper")).toBe(200);
});

test("cancelling the dialog changes nothing", async ({ page, iam }) => {
  const kept = uniqueName("e2e-kept");
  await iam.createUser(kept);
  await page.goto("/");
  await page.getByRole("button", { name: "Reset demo data…" }).click();
  const dialog = page.getByRole("dialog", { name: "Reset the demo data?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(await iam.status(`/users/${kept}`)).toBe(200);
});
