import { test, expect } from "./support/test";
import { PROD_ACCOUNT } from "./support/iam-api";

// On the demo data: erin holds MyBucketReadOnly (s3:Get*/List* on arn:aws:s3:::my_bucket, the
// bucket only); carol is in Admins, bob in Developers, alice in ReadOnly; RoleName trusts acme-prod.

const simulator = (query: string) => `/accounts/${PROD_ACCOUNT}/simulator?${query}`;

test("reports the implicit deny of s3:GetObject on an object under MyBucketReadOnly, and steps through why", async ({ page }) => {
  const query = new URLSearchParams({ principal: `user:${PROD_ACCOUNT}:erin`, action: "s3:GetObject", resource: "arn:aws:s3:::my_bucket/key.txt" });
  await page.goto(simulator(query.toString()));

  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "s3:GetObject" }) });
  await expect(row).toContainText("Implicit deny");
  await expect(row).toContainText("Identity-based policies");
  await expect(row).toContainText("No statement allows it");

  // The overview marks the deciding gate; the step-through opens on the first gate.
  const steps = page.getByRole("list", { name: "Evaluation gates in AWS's order" });
  const decisive = steps.locator('[data-decisive="true"]');
  await expect(decisive).toHaveCount(1);
  await expect(decisive).toContainText("5. Identity-based policies");
  await expect(decisive).toContainText("No allow");
  await expect(decisive).toContainText("Decided here");
  await expect(steps.locator('[data-gate="explicitDeny"]')).toContainText("No deny found");
  await expect(steps.locator('[data-gate="permissionsBoundary"]')).toContainText("Not applicable");
  await expect(page.locator('[role="group"][aria-labelledby="gate-detail-title"]')).toContainText("No Deny statement in any policy applies");
});

test("builds a simulation in the form, keeps it in the URL and links the allowing statement", async ({ page }) => {
  await page.goto(`/accounts/${PROD_ACCOUNT}/simulator`);
  await expect(page.getByText("No simulation yet")).toBeVisible();
  await page.getByLabel("User name").fill("erin");
  const actions = page.getByRole("combobox", { name: "Actions" });
  await actions.fill("s3:ListBucket");
  await page.getByRole("option", { name: "s3:ListBucket", exact: true }).click();
  await page.getByRole("textbox", { name: "Resource 1" }).fill("arn:aws:s3:::my_bucket");
  await page.getByRole("button", { name: "Run simulation" }).click();

  await expect(page).toHaveURL(/action=s3%3AListBucket/);
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "s3:ListBucket" }) });
  await expect(row).toContainText("Allowed");
  await expect(row.getByRole("link", { name: "MyBucketReadOnly" })).toHaveAttribute("href", `/accounts/${PROD_ACCOUNT}/policies/MyBucketReadOnly`);
  await expect(row).toContainText("statement 1 (ReadMyBucket)");

  // The link alone reproduces the simulation.
  await page.reload();
  await expect(page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "s3:ListBucket" }) })).toContainText("Allowed");
});

test("who can iam:CreateUser in acme-prod: carol (Admins) and the account root, not bob or alice", async ({ page }) => {
  const query = new URLSearchParams({ action: "iam:CreateUser", resource: `arn:aws:iam::${PROD_ACCOUNT}:user/new-user` });
  await page.goto(`/accounts/${PROD_ACCOUNT}/who-can?${query.toString()}`);

  const allowed = page.getByRole("list", { name: "Allowed principals" });
  const carol = allowed.getByRole("listitem").filter({ has: page.getByRole("link", { name: "carol", exact: true }) });
  await expect(carol).toContainText("Via group Admins");
  await expect(carol.getByRole("link", { name: "AdministratorAccess" })).toBeVisible();
  await expect(allowed.getByRole("listitem").filter({ hasText: `arn:aws:iam::${PROD_ACCOUNT}:root` })).toContainText("Account root user");
  await expect(allowed.getByRole("link", { name: "bob", exact: true })).toHaveCount(0);
  await expect(allowed.getByRole("link", { name: "alice", exact: true })).toHaveCount(0);
});

test("a user's page lists the roles the user can assume; a role's page who can assume it", async ({ page }) => {
  await page.goto(`/accounts/${PROD_ACCOUNT}/users/bob?tab=assumable-roles`);
  const roles = page.getByRole("list", { name: "Assumable roles" });
  await expect(roles.getByRole("link", { name: "RoleName", exact: true })).toBeVisible();
  await expect(roles).toContainText("AssumeRoleNamePolicy");

  await page.goto(`/accounts/${PROD_ACCOUNT}/roles/RoleName?tab=assumed-by`);
  const assumers = page.getByRole("list", { name: "Principals that can assume the role" });
  await expect(assumers.getByRole("link", { name: "bob", exact: true })).toBeVisible();
  await expect(assumers.getByRole("link", { name: "carol", exact: true })).toBeVisible();
  await expect(assumers.getByRole("link", { name: "alice", exact: true })).toHaveCount(0);
});
