import type { Locator, Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { PROD_ACCOUNT, uniqueName } from "./support/iam-api";

// Names follow AWS's rules (length and character set per entity) and are checked as they are
// typed: the rule shows next to the field at once, tied to it for assistive technology.

const createPage = (entity: string) => `/accounts/${PROD_ACCOUNT}/create/${entity}`;

async function expectRule(field: Locator, rule: RegExp): Promise<void> {
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(rule);
}

async function expectAccepted(field: Locator): Promise<void> {
  await expect(field).not.toHaveAttribute("aria-invalid", "true");
}

/** Every write the page sends (nothing should leave while a name breaks the rules). */
function writes(page: Page): string[] {
  const sent: string[] = [];
  page.on("request", (request) => request.method() !== "GET" && request.url().includes("/api/") && sent.push(request.url()));
  return sent;
}

test("a user name is checked as it is typed, and a bad one is never sent", async ({ page }) => {
  const sent = writes(page);
  await page.goto(createPage("user"));
  const name = page.getByLabel("User name");
  // An untouched form does not open with an error.
  await expectAccepted(name);

  await name.pressSequentially("bad name");
  await expectRule(name, /User name may contain only letters, digits and \+ = , \. @ _ -/);
  await expect(page.getByText("User name may contain only letters, digits")).toBeVisible();

  await name.fill("good-name");
  await expectAccepted(name);
  await name.fill("u".repeat(65));
  await expectRule(name, /User name must be at most 64 characters/);
  await name.fill("u".repeat(64));
  await expectAccepted(name);

  await name.fill("still bad");
  await page.getByRole("button", { name: "Create user" }).click();
  await expectRule(name, /may contain only/);
  await expect(name).toBeFocused();
  expect(sent).toEqual([]);
});

test("each entity has its own length: groups and policies take 128, roles 64", async ({ page }) => {
  await page.goto(createPage("group"));
  const group = page.getByLabel("Group name");
  await group.fill("g".repeat(100));
  await expectAccepted(group);
  await group.fill("g".repeat(129));
  await expectRule(group, /Group name must be at most 128 characters/);

  await page.goto(createPage("role"));
  const role = page.getByLabel("Role name");
  await role.fill("r".repeat(65));
  await expectRule(role, /Role name must be at most 64 characters/);
  await role.fill("role/with/slash");
  await expectRule(role, /Role name may contain only/);

  await page.goto(createPage("policy"));
  const policy = page.getByLabel("Policy name");
  await policy.fill("p".repeat(128));
  await expectAccepted(policy);
  await policy.fill("my policy");
  await expectRule(policy, /Policy name may contain only/);
});

test("a path is checked as it is typed", async ({ page }) => {
  await page.goto(createPage("user"));
  const path = page.getByLabel("Path");
  await path.fill("engineering");
  await expectRule(path, /Path must be "\/" or start and end with "\/"/);
  await path.fill("/engineering/");
  await expectAccepted(path);
});

test("renaming a user checks the new name as it is typed", async ({ page, iam }) => {
  const userName = uniqueName("e2e-rename");
  await iam.createUser(userName);
  await page.goto(`/accounts/${PROD_ACCOUNT}/users/${userName}`);
  await page.getByRole("button", { name: "Edit name or path" }).click();
  const dialog = page.getByRole("dialog");
  const name = dialog.getByLabel("User name");
  await expectAccepted(name);
  await name.fill(`${userName} copy`);
  await expectRule(name, /User name may contain only/);
  await name.fill(`${userName}-2`);
  await expectAccepted(name);
});
