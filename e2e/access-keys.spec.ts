import type { Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { PROD_ACCOUNT, uniqueName } from "./support/iam-api";

/** Whether `secret` is anywhere in the page: its HTML, its text or the value of any input. */
async function pageHolds(page: Page, secret: string): Promise<boolean> {
  if ((await page.content()).includes(secret)) return true;
  return page.evaluate(
    (s) => document.body.innerText.includes(s) || [...document.querySelectorAll("input, textarea")].some((el) => (el as HTMLInputElement).value.includes(s)),
    secret,
  );
}

test("an access key's secret is shown once and never again", async ({ page, iam }) => {
  const userName = uniqueName("e2e-user");
  await iam.createUser(userName);
  await page.goto(`/accounts/${PROD_ACCOUNT}/users/${encodeURIComponent(userName)}?tab=security-credentials`);

  await page.getByRole("button", { name: "Create access key" }).click();
  const dialog = page.getByRole("dialog", { name: "Access key created" });
  await expect(dialog).toContainText("This is the only time you can see the secret access key");
  const secret = await dialog.getByRole("textbox", { name: "Secret access key" }).inputValue();
  const accessKeyId = (await dialog.getByText(/^AKIA/).textContent())?.trim() ?? "";
  // AWS's shapes: a 20-character AKIA… id and a 40-character secret.
  expect(accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
  expect(secret).toHaveLength(40);
  expect(await pageHolds(page, secret)).toBe(true);

  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  const keys = page.getByRole("table", { name: `Access keys of ${userName}` });
  await expect(keys.getByRole("cell", { name: accessKeyId, exact: true })).toBeVisible();
  expect(await pageHolds(page, secret)).toBe(false);

  // After a reload nothing the server sends holds the secret either.
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.url().includes("/api/")) bodies.push(response.text().catch(() => ""));
  });
  await page.reload();
  await expect(keys.getByRole("cell", { name: accessKeyId, exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Access keys (1 of 2)" })).toBeVisible();
  expect(await pageHolds(page, secret)).toBe(false);
  const answered = await Promise.all(bodies);
  expect(answered.length).toBeGreaterThan(0);
  expect(answered.filter((body) => body.includes(secret))).toEqual([]);
});
