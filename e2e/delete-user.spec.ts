import { test, expect } from "./support/test";
import { PROD_ACCOUNT, uniqueName } from "./support/iam-api";

test("a user that still holds things is refused, then removed with everything it holds", async ({ page, iam }) => {
  const userName = uniqueName("e2e-user");
  const groupName = uniqueName("e2e-group");
  await iam.createUser(userName);
  await iam.createGroup(groupName);
  await iam.addUserToGroup(userName, groupName);
  await iam.attachUserPolicy(userName, "arn:aws:iam::aws:policy/ReadOnlyAccess");

  await page.goto(`/accounts/${PROD_ACCOUNT}/users/${encodeURIComponent(userName)}`);
  await expect(page.getByRole("heading", { level: 1, name: userName })).toBeVisible();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const confirm = page.getByRole("dialog", { name: `Delete user ${userName}?` });
  const deleteButton = confirm.getByRole("button", { name: "Delete", exact: true });
  await expect(deleteButton).toBeDisabled();
  await confirm.getByLabel(`To confirm, type ${userName}`).fill(userName);
  await deleteButton.click();

  // AWS refuses with DeleteConflict; the console says why and what a forced delete removes.
  const conflict = page.getByRole("dialog", { name: `Remove everything and delete ${userName}?` });
  await expect(conflict.getByRole("status").filter({ hasText: "The user could not be deleted" })).toContainText(
    `User ${userName} cannot be deleted: it still has`,
  );
  const inventory = conflict.getByRole("list", { name: "What will be removed" });
  await expect(inventory).toContainText(groupName);
  await expect(inventory).toContainText("ReadOnlyAccess");
  expect(await iam.status(`/users/${encodeURIComponent(userName)}`)).toBe(200);

  await conflict.getByLabel(`To confirm, type ${userName}`).fill(userName);
  await conflict.getByRole("button", { name: "Remove everything and delete" }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${PROD_ACCOUNT}/users$`));
  await expect(page.getByText(`User ${userName} deleted.`)).toBeVisible();
  expect(await iam.status(`/users/${encodeURIComponent(userName)}`)).toBe(404);

  await page.getByRole("searchbox", { name: "Search users" }).fill(userName);
  await expect(page.getByText(`Nothing matches “${userName}”`)).toBeVisible();
});
