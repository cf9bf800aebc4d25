import { test, expect } from "./support/test";
import { PROD_ACCOUNT, uniqueName } from "./support/iam-api";

// "Denied is explained": on the demo data alice is in ReadOnly (AmazonS3ReadOnlyAccess only), so
// IAM refuses her everything, in AWS's words ("Troubleshoot access denied error messages"); carol
// is in Admins (AdministratorAccess).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html

const users = `/accounts/${PROD_ACCOUNT}/users`;
const refusal = (action: string) =>
  new RegExp(`^User: arn:aws:iam::${PROD_ACCOUNT}:user/alice is not authorized to perform: ${action} on resource: \\S+ because no identity-based policy allows the ${action} action$`);

test.describe("as alice", () => {
  test.use({ signInAs: { user: "alice" } });

  test("meets the deny in AWS's words in place of the Users list, and its Why? replays it in the simulator", async ({ page }) => {
    await page.goto(users);
    // The page's frame stays: its heading and the side navigation.
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: /^Roles/ })).toBeVisible();
    const denied = page.getByRole("main").getByRole("alert").filter({ hasText: "Access denied" });
    await expect(denied).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    const message = (await denied.locator("p").nth(1).textContent()) ?? "";
    expect(message).toMatch(refusal("iam:ListUsers"));

    await denied.getByRole("link", { name: "Why?" }).click();
    await expect(page).toHaveURL(/\/simulator\?/);
    // The form holds the request: alice, the action, the resource and the request's context.
    await expect(page.getByLabel("User name")).toHaveValue("alice");
    await expect(page.getByRole("list", { name: "Chosen actions" })).toContainText("iam:ListUsers");
    await expect(page).toHaveURL(/[?&]ctx=aws%3AMultiFactorAuthPresent%3Dfalse(&|$)/);
    await expect(page.getByRole("textbox", { name: "Resource 1" })).not.toHaveValue("");
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "iam:ListUsers" }) });
    await expect(row).toContainText("Implicit deny");
    await expect(row).toContainText("Identity-based policies");
    // The same decision in the same words as the page said it.
    const stepThrough = page.locator("section", { has: page.getByRole("heading", { name: /^Step through/ }) });
    await expect(stepThrough).toContainText(`AWS answers AccessDenied: ${message}`);
  });

  test("sees Create user disabled, with the reason on hover and on focus", async ({ page }) => {
    const checked = page.waitForResponse((response) => response.url().endsWith("/api/v1/session/check") && response.ok());
    await page.goto(users);
    await checked;
    const create = page.getByRole("main").getByRole("link", { name: "Create user", exact: true });
    await expect(create).toHaveAttribute("aria-disabled", "true");
    await expect(create).not.toHaveAttribute("href", /.*/);
    await expect(create).toHaveAccessibleDescription(refusal("iam:CreateUser"));

    const reason = page.getByRole("tooltip");
    await expect(reason).toBeHidden();
    await create.hover();
    await expect(reason).toBeVisible();
    await expect(reason).toHaveText(refusal("iam:CreateUser"));
    await page.mouse.move(0, 0);
    await expect(reason).toBeHidden();

    await create.focus();
    await expect(reason).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(reason).toBeHidden();

    // It goes nowhere.
    await create.click({ force: true });
    await expect(page).toHaveURL(new RegExp(`${users}$`));
  });
});

test.describe("as carol", () => {
  test.use({ signInAs: { user: "carol" } });

  test("has Create user enabled, and creates a user the change log says carol made", async ({ page, iam }) => {
    const checked = page.waitForResponse((response) => response.url().endsWith("/api/v1/session/check") && response.ok());
    await page.goto(users);
    await checked;
    await expect(page.getByRole("table")).toBeVisible();
    const create = page.getByRole("main").getByRole("link", { name: "Create user", exact: true });
    await expect(create).not.toHaveAttribute("aria-disabled", "true");
    await create.click();
    await expect(page).toHaveURL(new RegExp(`/accounts/${PROD_ACCOUNT}/create/user$`));
    const userName = uniqueName("by-carol");
    await page.getByLabel("User name").fill(userName);
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByRole("heading", { level: 1, name: userName })).toBeVisible();
    // The change log names who made the change (the acting principal's ARN).
    const changes = await iam.changes();
    const created = changes.find((change) => change.action === "CreateUser" && change.targetArn.endsWith(`:user/${userName}`));
    expect(created?.actorArn).toBe(`arn:aws:iam::${PROD_ACCOUNT}:user/carol`);
  });
});
