import { test, expect } from "./support/test";
import { PROD_ACCOUNT } from "./support/iam-api";
import { layoutProblems } from "./support/layout-checks";

// Switch role as the AWS console has it ("Switch from a user to an IAM role (console)"): the
// form takes the account, the role name, a display name and a color; the header then shows the
// role in its color with "Back to <user>", and the account menu lists the roles switched to.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-console.html

const SECURITY_ACCOUNT = "444455556666";
const header = (page: import("@playwright/test").Page) => page.getByRole("banner");

test.describe("as bob", () => {
  test.use({ signInAs: { user: "bob" }, viewport: { width: 1280, height: 720 } });

  test("switches to RoleName, acts as the role, and switches back", async ({ page, request }) => {
    await page.goto("/switch-role");
    await page.getByLabel("Account", { exact: true }).fill("acme-prod");
    await page.getByLabel("Role name").fill("RoleName");
    await page.getByText("Blue", { exact: true }).click();
    await page.getByRole("button", { name: "Switch role" }).click();

    await expect(page).toHaveURL(new RegExp(`/accounts/${PROD_ACCOUNT}$`));
    const role = header(page).getByRole("button", { name: "Role in use: RoleName @ acme-prod" });
    await expect(role).toBeVisible();
    await expect(role).toHaveCSS("background-color", "rgb(153, 188, 227)");
    const back = header(page).getByRole("button", { name: "Back to bob" });
    await expect(back).toBeVisible();
    // Readable at 1280×720: the header's controls stay inside the viewport, nothing overflows.
    expect((await back.boundingBox())!.x + (await back.boundingBox())!.width).toBeLessThanOrEqual(1280);
    expect((await layoutProblems(page)).filter((problem) => problem.kind !== "broken-word" && problem.kind !== "word-per-line")).toEqual([]);

    // Every request now acts as arn:aws:sts::…:assumed-role/RoleName/bob, with ReadOnlyAccess.
    const refused = await request.post(`/api/v1/accounts/${PROD_ACCOUNT}/users`, { data: { userName: "not-made" } });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.message).toContain(`assumed-role/RoleName/bob is not authorized to perform: iam:CreateUser`);

    await back.click();
    await expect(header(page).getByRole("button", { name: "Account: acme-prod (123456789012)" })).toBeVisible();
    await expect(header(page).getByRole("button", { name: "Back to bob" })).toHaveCount(0);

    // The role history: one click switches again.
    await header(page).getByRole("button", { name: "Account: acme-prod (123456789012)" }).click();
    await header(page).getByRole("button", { name: /^RoleName @ acme-prod/ }).click();
    await expect(header(page).getByRole("button", { name: "Role in use: RoleName @ acme-prod" })).toBeVisible();
    // The menu has closed: the one "Back to bob" left is the header's own.
    await expect(header(page).getByRole("button", { name: "Back to bob" })).toHaveCount(1);
    await header(page).getByRole("button", { name: "Back to bob" }).click();
    await expect(header(page).getByRole("button", { name: "Back to bob" })).toHaveCount(0);
  });

  test("is refused CrossAccountAuditor in STS's words", async ({ page }) => {
    await page.goto("/switch-role?account=acme-security&roleName=CrossAccountAuditor");
    await page.getByRole("button", { name: "Switch role" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText(
      `User: arn:aws:iam::${PROD_ACCOUNT}:user/bob is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${SECURITY_ACCOUNT}:role/CrossAccountAuditor`,
    );
    await expect(page).toHaveURL(/\/switch-role/);
  });
});

test.describe("as carol, signed in with MFA", () => {
  test.use({ signInAs: { user: "carol" }, viewport: { width: 1280, height: 720 } });

  test("switches to CrossAccountAuditor in acme-security, whose trust policy requires MFA", async ({ page }) => {
    await page.goto("/switch-role");
    await page.getByLabel("Account", { exact: true }).fill("acme-security");
    await page.getByLabel("Role name").fill("CrossAccountAuditor");
    await page.getByText("Red", { exact: true }).click();
    await page.getByRole("button", { name: "Switch role" }).click();

    await expect(page).toHaveURL(new RegExp(`/accounts/${SECURITY_ACCOUNT}$`));
    const role = header(page).getByRole("button", { name: "Role in use: CrossAccountAuditor @ acme-security" });
    await expect(role).toBeVisible();
    await expect(role).toHaveCSS("background-color", "rgb(242, 176, 169)");
    await expect(header(page).getByRole("button", { name: "Back to carol" })).toBeVisible();
    await header(page).getByRole("button", { name: "Back to carol" }).click();
    await expect(page).toHaveURL(new RegExp(`/accounts/${PROD_ACCOUNT}$`));
  });
});
