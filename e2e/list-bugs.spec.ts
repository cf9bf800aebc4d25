import type { Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { PROD_ACCOUNT, uniqueName } from "./support/iam-api";

// Issue #15's list, picker and query bugs: a page past the end, 404s while searching policies or
// after a forced delete, the AWS managed policies' missing descriptions, the simulator's suggestions.

const account = `/accounts/${PROD_ACCOUNT}`;

/** Every 404 the page receives from the console's API from now on. */
function record404s(page: Page): string[] {
  const notFound: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404 && new URL(response.url()).pathname.startsWith("/api/")) notFound.push(response.url());
  });
  return notFound;
}

test("a page past the end of a list says so and links to the last page", async ({ page }) => {
  for (const noun of ["users", "groups", "roles"]) {
    await page.goto(`${account}/${noun}?page=99`);
    await expect(page.getByText("Page 99 is past the end")).toBeVisible();
    await expect(page.getByRole("link", { name: /^Go to the last page/ })).toBeVisible();
    await expect(page.getByText(/yet — create the first one/)).toHaveCount(0);
    await expect(page.getByText(/Showing/)).toHaveCount(0);
  }

  // About 1,600 AWS managed policies: the last page is well past the first.
  await page.goto(`${account}/policies?page=99`);
  const toLast = page.getByRole("link", { name: /^Go to the last page \(page \d+\)$/ });
  const lastPage = Number((await toLast.textContent())?.match(/page (\d+)\)/)?.[1]);
  expect(lastPage).toBeGreaterThan(1);
  expect(lastPage).toBeLessThan(99);
  await toLast.click();
  await expect(page).toHaveURL(new RegExp(`/policies\\?page=${lastPage}$`));
  const table = page.getByRole("table", { name: /^Policies/ });
  await expect(table.getByRole("link").first()).toBeVisible();
  const range = page.getByRole("navigation", { name: "policies pages" });
  await expect(range).toContainText(`Page ${lastPage} of ${lastPage}`);
  // "Showing 1,601–1,612 of 1,612 policies": the range ends at the total.
  const shown = (await range.locator("p").textContent()) ?? "";
  const [, first, last, total] = shown.replace(/,/g, "").match(/Showing (\d+)–(\d+) of (\d+)/) ?? [];
  expect(Number(first)).toBe((lastPage - 1) * 25 + 1);
  expect(Number(last)).toBe(Number(total));
});

test("typing in the attach-policies search asks for nothing that does not exist", async ({ page, iam }) => {
  const userName = uniqueName("e2e-user");
  await iam.createUser(userName);
  await page.goto(`${account}/users/${encodeURIComponent(userName)}`);
  await expect(page.getByText("No managed policies are attached")).toBeVisible();
  const notFound = record404s(page);

  await page.getByRole("button", { name: "Add permissions" }).click();
  const picker = page.getByRole("dialog", { name: `Attach policies to ${userName}` });
  const search = picker.getByRole("searchbox", { name: "Search policies" });
  // Pauses longer than the search box's 300 ms, so every partial name is searched for.
  for (const chunk of ["Amazon", "EC2", "ReadOnly", "Access"]) {
    await search.pressSequentially(chunk, { delay: 30 });
    await page.waitForTimeout(600);
  }
  // The exact name is listed first, among the many names containing it.
  const first = picker.getByRole("listitem").first();
  await expect(first).toContainText("AmazonEC2ReadOnlyAccess");
  await expect(first).toContainText("AWS managed");
  expect(notFound).toEqual([]);
});

test("force-deleting a user fetches none of its queries again", async ({ page, iam }) => {
  const userName = uniqueName("e2e-user");
  const groupName = uniqueName("e2e-group");
  await iam.createUser(userName);
  await iam.createGroup(groupName);
  await iam.addUserToGroup(userName, groupName);
  await iam.attachUserPolicy(userName, "arn:aws:iam::aws:policy/ReadOnlyAccess");

  await page.goto(`${account}/users/${encodeURIComponent(userName)}`);
  const attached = page.getByRole("table", { name: `Managed policies of ${userName}` });
  await expect(attached.getByRole("link", { name: "ReadOnlyAccess", exact: true })).toBeVisible();
  const notFound = record404s(page);

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const confirm = page.getByRole("dialog", { name: `Delete user ${userName}?` });
  await confirm.getByLabel(`To confirm, type ${userName}`).fill(userName);
  await confirm.getByRole("button", { name: "Delete", exact: true }).click();
  const conflict = page.getByRole("dialog", { name: `Remove everything and delete ${userName}?` });
  await expect(conflict.getByRole("list", { name: "What will be removed" })).toContainText(groupName);
  await conflict.getByLabel(`To confirm, type ${userName}`).fill(userName);
  await conflict.getByRole("button", { name: "Remove everything and delete" }).click();

  await expect(page).toHaveURL(new RegExp(`${account}/users$`));
  await expect(page.getByText(`User ${userName} deleted.`)).toBeVisible();
  await expect(page.getByRole("table", { name: /^Users/ }).getByRole("link").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(notFound).toEqual([]);
});

test("an AWS managed policy shows no stand-in description, on its page or in the list", async ({ page }) => {
  await page.goto(`${account}/policies/ReadOnlyAccess`);
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1, name: /ReadOnlyAccess/ })).toBeVisible();
  await expect(main.getByText("—", { exact: true })).toHaveCount(0);
  await expect(main.getByText(/Maintained by AWS/)).toHaveCount(0);

  // "ReadOnlyAccess" is in hundreds of names; "IAMReadOnlyAccess" in a handful, on the first page.
  await page.goto(`${account}/policies?scope=AWS&search=IAMReadOnlyAccess`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "IAMReadOnlyAccess", exact: true }) });
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell").nth(3)).toHaveText("");
  await expect(page.getByRole("table", { name: /^Policies/ }).getByText("—", { exact: true })).toHaveCount(0);
});

test("the simulator's action suggestions close after a pick, by click or by keyboard", async ({ page }) => {
  await page.goto(`${account}/simulator`);
  const actions = page.getByRole("combobox", { name: "Actions" });
  const suggestions = page.getByRole("listbox", { name: "Matching actions" });
  const chosen = page.getByRole("list", { name: "Chosen actions" });

  await actions.fill("s3:GetObjectT");
  await expect(actions).toHaveAttribute("aria-expanded", "true");
  await suggestions.getByRole("option", { name: "s3:GetObjectTagging", exact: true }).click();
  await expect(suggestions).toBeHidden();
  await expect(actions).toHaveAttribute("aria-expanded", "false");
  await expect(actions).toHaveValue("");
  await expect(actions).toBeFocused();
  await expect(chosen).toContainText("s3:GetObjectTagging");

  await actions.pressSequentially("s3:ListBuck");
  await expect(suggestions).toBeVisible();
  await actions.press("ArrowDown");
  const active = suggestions.getByRole("option", { selected: true });
  await expect(active).toHaveCount(1);
  const activeId = await active.getAttribute("id");
  await expect(actions).toHaveAttribute("aria-activedescendant", activeId ?? "");
  const picked = (await active.textContent())?.replace(/^\+\s*/, "") ?? "";
  await actions.press("Enter");
  await expect(suggestions).toBeHidden();
  await expect(actions).toHaveAttribute("aria-expanded", "false");
  await expect(actions).not.toHaveAttribute("aria-activedescendant");
  await expect(chosen).toContainText(picked);

  await actions.pressSequentially("iam:CreateU");
  await expect(suggestions).toBeVisible();
  await actions.press("Escape");
  await expect(suggestions).toBeHidden();
  await expect(actions).toHaveValue("iam:CreateU");
});
