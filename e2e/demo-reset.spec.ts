import { test, expect } from "./support/test";
import { IamApi, PROD_ACCOUNT, uniqueName } from "./support/iam-api";
import { switchBack, switchRole } from "./support/sign-in";

// The accounts overview's "Reset demo data": demo accounts come back as the seed wrote them;
// another account keeps what it holds. Only the management account's principals may reset (it
// closes and creates the member accounts again): org-admin, who works in a member account by
// switching to its OrganizationAccountAccessRole.

const MANAGEMENT = "111122223333";
const ORGANIZATION_ROLE = "OrganizationAccountAccessRole";

test.use({ signInAs: { user: "org-admin" } });

test("resets the demo accounts from the accounts overview, leaving other accounts alone", async ({ page, request }) => {
  const prod = new IamApi(request, PROD_ACCOUNT);
  // Change the demo, in acme-prod through its OrganizationAccountAccessRole: erin goes, a stranger arrives.
  const stranger = uniqueName("e2e-stranger");
  await switchRole(page, { account: PROD_ACCOUNT, roleName: ORGANIZATION_ROLE });
  await prod.createUser(stranger);
  expect((await request.delete(`/api/v1/accounts/${PROD_ACCOUNT}/users/erin?force=true`)).status()).toBe(204);
  expect(await prod.status("/users/erin")).toBe(404);
  await switchBack(page);

  // Another account of the organization, with a user of its own.
  const alias = uniqueName("e2e-keep").toLowerCase();
  const created = await request.post("/api/v1/accounts", { data: { alias, displayName: "Kept", rootEmail: "root@example.com" } });
  expect(created.status()).toBe(201);
  const otherId = ((await created.json()) as { accountId: string }).accountId;
  const other = new IamApi(request, otherId);
  await switchRole(page, { account: otherId, roleName: ORGANIZATION_ROLE });
  await other.createUser("keeper");
  await switchBack(page);

  await page.goto("/");
  const card = page.getByRole("region", { name: "Demo data" });
  await card.getByRole("button", { name: "Reset demo data…" }).click();

  const dialog = page.getByRole("dialog", { name: "Reset the demo data?" });
  await expect(dialog).toContainText("acme-management");
  await expect(dialog).toContainText("acme-prod");
  await expect(dialog).toContainText("acme-security");
  await expect(dialog.getByRole("heading", { name: "Not touched" })).toBeVisible();
  await expect(dialog).toContainText(alias);
  await dialog.getByRole("button", { name: "Reset demo data", exact: true }).click();

  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(card.getByRole("status")).toContainText("Demo data reset");

  // The overview's figures were refreshed without a reload; org-admin, who asked, is still signed in.
  const listed = await request.get("/api/v1/accounts");
  expect(listed.status()).toBe(200);
  const { items } = (await listed.json()) as { items: { accountId: string; counts: { users: number } }[] };
  const users = items.find((item) => item.accountId === PROD_ACCOUNT)?.counts.users;
  const prodCard = page.getByRole("list", { name: "Accounts" }).getByRole("listitem").filter({ has: page.getByRole("link", { name: "acme-prod", exact: true }) });
  await expect(prodCard.getByRole("definition").first()).toHaveText(String(users));

  // erin is back, the stranger is gone (acme-prod's role was made anew: switch to it again), the
  // other account is as it was.
  await switchRole(page, { account: PROD_ACCOUNT, roleName: ORGANIZATION_ROLE });
  await page.goto(`/accounts/${PROD_ACCOUNT}/users/erin`);
  await expect(page.getByRole("heading", { level: 1, name: "erin" })).toBeVisible();
  await expect(page.getByText("MyBucketReadOnly").first()).toBeVisible();
  expect(await prod.status(`/users/${stranger}`)).toBe(404);
  await switchRole(page, { account: otherId, roleName: ORGANIZATION_ROLE });
  expect(await other.status("/users/keeper")).toBe(200);
  await switchBack(page);
});

test("cancelling the dialog changes nothing", async ({ page, request }) => {
  // A user of the management account's own: a reset would remove it.
  const management = new IamApi(request, MANAGEMENT);
  const kept = uniqueName("e2e-kept");
  await management.createUser(kept);
  await page.goto("/");
  await page.getByRole("button", { name: "Reset demo data…" }).click();
  const dialog = page.getByRole("dialog", { name: "Reset the demo data?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(await management.status(`/users/${kept}`)).toBe(200);
});
