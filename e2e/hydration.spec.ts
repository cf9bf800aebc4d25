import type { Browser, BrowserContext, Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { PROD_ACCOUNT } from "./support/iam-api";

// React error #418 (the first client render differs from the server's HTML) came and went on a
// first load: parts of a page inside a Suspense boundary hydrate after the rest, by which time
// React Query's shared cache could hold an answer the server never had (the account list), so
// they rendered it at once. Each load here is a first load: a new browser context, empty caches,
// carrying only the test's session cookie.

const LOADS = 20;

async function firstLoads(browser: Browser, signedIn: BrowserContext, baseURL: string | undefined, path: string, ready: (page: Page) => Promise<void>) {
  const errors: string[] = [];
  const { cookies } = await signedIn.storageState();
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ baseURL, storageState: { cookies, origins: [] } });
    const page = await context.newPage();
    page.on("pageerror", (error) => errors.push(`load ${i + 1}: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`load ${i + 1}: console: ${message.text()}`);
    });
    await page.goto(path);
    await ready(page);
    // The account menu renders once hydrated and the session's state has arrived.
    await expect(page.getByRole("banner").getByRole("button", { name: /^Account:/ })).toBeVisible();
    await context.close();
  }
  expect(errors).toEqual([]);
}

test("20 first loads of the accounts overview hydrate without an error", async ({ browser, context, baseURL }) => {
  test.slow();
  await firstLoads(browser, context, baseURL, "/", (page) => expect(page.getByRole("list", { name: "Accounts" })).toBeVisible());
});

test("20 first loads of a simulation hydrate without an error", async ({ browser, context, baseURL }) => {
  test.slow();
  const query = new URLSearchParams({ principal: `user:${PROD_ACCOUNT}:erin`, action: "s3:GetObject", resource: "arn:aws:s3:::my_bucket/key.txt" });
  await firstLoads(browser, context, baseURL, `/accounts/${PROD_ACCOUNT}/simulator?${query}`, async (page) => {
    await expect(page.getByRole("heading", { name: /^Results for/ })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Account", exact: true }).last()).toHaveValue(PROD_ACCOUNT);
  });
});
