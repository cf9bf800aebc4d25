import type { Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { PROD_ACCOUNT } from "./support/iam-api";
import { layoutProblems } from "./support/layout-checks";

// acme-prod's dashboard tells the demo's story in four steps; each link opens the page that
// shows its lesson. Other accounts have no guided path.

const dashboard = `/accounts/${PROD_ACCOUNT}`;

async function openStep(page: Page, linkName: string) {
  await page.goto(dashboard);
  const path = page.getByRole("region", { name: /Guided path/ });
  await path.getByRole("link", { name: linkName }).click();
}

test.describe("signed in as carol, with MFA", () => {
  // carol administers acme-prod; with MFA she may assume CrossAccountAuditor, through which
  // acme-security is read for the last lesson.
  test.use({ signInAs: { user: "carol" } });

  test("the guided path leads through erin, alice, bob and the cross-account role", async ({ page }) => {
    await page.goto(dashboard);
    const path = page.getByRole("region", { name: /Guided path/ });
    await expect(path.getByRole("listitem")).toHaveCount(4);

    // 1. erin: the simulator, filled in and run: reading an object of my_bucket is implicitly denied.
    await openStep(page, "Simulate erin reading my_bucket/key.txt");
    await expect(page).toHaveURL(/\/simulator\?/);
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "s3:GetObject" }) });
    await expect(row).toContainText("Implicit deny");
    await expect(row).toContainText("arn:aws:s3:::my_bucket/key.txt");

    // 2. alice: her effective permissions, traced to the ReadOnly group's policy.
    await openStep(page, "alice's effective permissions");
    await expect(page.getByRole("heading", { level: 1, name: "alice" })).toBeVisible();
    await expect(page.getByRole("tab", { name: "Effective permissions" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByText("AmazonS3ReadOnlyAccess").first()).toBeVisible();

    // 3. bob: RoleName among the roles he can assume.
    await openStep(page, "The roles bob can assume");
    await expect(page.getByRole("heading", { level: 1, name: "bob" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Assumable roles" }).getByRole("link", { name: "RoleName", exact: true })).toBeVisible();

    // 4. CrossAccountAuditor, in acme-security (read through that role): not as asked; with MFA, yes.
    await openStep(page, "The roles carol can assume");
    await expect(page.getByRole("heading", { level: 1, name: "carol" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Accounts read" })).toContainText("acme-security (444455556666): read through CrossAccountAuditor");
    const assumable = page.getByRole("list", { name: "Assumable roles" });
    await expect(assumable.getByRole("link", { name: "RoleName", exact: true })).toBeVisible();
    await expect(assumable.getByRole("link", { name: "CrossAccountAuditor", exact: true })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: /Only with more context/ })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "aws:MultiFactorAuthPresent = true" })).toContainText("CrossAccountAuditor");
    await page.getByLabel(/Signed in with MFA/).check();
    await expect(assumable.getByRole("link", { name: "CrossAccountAuditor", exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: /Only with more context/ })).toHaveCount(0);
  });
});

test.describe("in acme-dev", () => {
  test.use({ signInAs: { rootOf: "acme-dev" } });

  test("only acme-prod's dashboard shows the guided path", async ({ page }) => {
    await page.goto("/accounts/210987654321");
    await expect(page.getByRole("heading", { level: 1, name: "Acme Development" })).toBeVisible();
    await expect(page.getByRole("region", { name: /Guided path/ })).toHaveCount(0);
  });
});

for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
  for (const rootPx of [16, 20]) {
    test(`the dashboard fits ${viewport.width}×${viewport.height} with a ${rootPx} px root font`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto(dashboard);
      await page.evaluate((px) => {
        document.documentElement.style.fontSize = `${px}px`;
      }, rootPx);
      await expect(page.getByRole("list", { name: "Recent changes" })).toBeVisible();
      await expect(page.getByRole("region", { name: /Guided path/ })).toBeVisible();
      expect(await layoutProblems(page)).toEqual([]);
      // Every quick link lies inside the window.
      for (const link of await page.getByRole("link", { name: /^Create (user|role|policy|group)$/ }).all()) {
        const box = await link.boundingBox();
        expect(box && box.x + box.width <= viewport.width).toBe(true);
      }
    });
  }
}
