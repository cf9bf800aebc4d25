import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { EDITOR_LOAD_MS } from "./support/editor";
import { PROD_ACCOUNT, uniqueName } from "./support/iam-api";
import { layoutProblems } from "./support/layout-checks";
import { allowDocument } from "./support/policy-document";

// Presenter mode (20 px text, no decorative chrome) on every main page at the two projector
// sizes: nothing wider than the viewport, no word cut across lines (e2e/support/layout-checks.ts
// explains the checks), the side navigation in view, the keyboard reaching the controls.

const A = PROD_ACCOUNT;
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

// Created once per run: a user holding a customer managed policy whose resources are long ARNs,
// so the policy detail, the user detail and the simulator have ARNs to wrap.
const userName = uniqueName("presenter-user");
const policyName = uniqueName("PresenterLongArnPolicy");
const LONG_OBJECT = "arn:aws:s3:::presenter-mode-demo-bucket-with-a-long-name/reports/2026/quarterly/summary-for-the-board.pdf";
const LONG_TABLE = `arn:aws:dynamodb:us-east-1:${A}:table/PresenterModeOrdersTableWithALongName/index/ByCustomerAndDate`;

async function arrange(request: APIRequestContext) {
  const api = (path: string) => `/api/v1/accounts/${A}${path}`;
  const document = allowDocument(["s3:GetObject", "dynamodb:Query"], LONG_OBJECT).replace(`"Resource":"${LONG_OBJECT}"`, `"Resource":["${LONG_OBJECT}","${LONG_TABLE}"]`);
  for (const [path, data] of [
    ["/users", { userName }],
    ["/policies", { policyName, policyDocument: document }],
    [`/users/${userName}/attached-policies`, { policyArn: `arn:aws:iam::${A}:policy/${policyName}` }],
  ] as const) {
    const response = await request.post(api(path), { data });
    expect(response.ok(), `POST ${path} answered ${response.status()}`).toBe(true);
  }
}

const simulation = () => {
  const query = new URLSearchParams({ principal: `user:${A}:${userName}` });
  for (const action of ["s3:GetObject", "dynamodb:Query", "iam:CreateUser"]) query.append("action", action);
  for (const resource of [LONG_OBJECT, LONG_TABLE]) query.append("resource", resource);
  return `/accounts/${A}/simulator?${query}`;
};

/** A list page has loaded once its table shows rows. */
const tableRows = (page: Page) => expect(page.locator("table tbody tr").first()).toBeVisible();

/** Each main page, and what shows that it has finished loading. */
const PAGES: { name: string; path: () => string; ready: (page: Page) => Promise<void> }[] = [
  { name: "accounts overview", path: () => "/", ready: (page) => expect(page.getByRole("list", { name: "Accounts" })).toBeVisible() },
  { name: "account dashboard", path: () => `/accounts/${A}`, ready: (page) => expect(page.getByRole("list", { name: "Recent changes" })).toBeVisible() },
  { name: "users", path: () => `/accounts/${A}/users`, ready: tableRows },
  { name: "groups", path: () => `/accounts/${A}/groups`, ready: tableRows },
  { name: "roles", path: () => `/accounts/${A}/roles`, ready: tableRows },
  { name: "policies", path: () => `/accounts/${A}/policies`, ready: tableRows },
  {
    name: "user detail",
    path: () => `/accounts/${A}/users/${userName}`,
    ready: (page) => expect(page.getByRole("link", { name: policyName, exact: true })).toBeVisible(),
  },
  {
    name: "policy detail with the editor",
    path: () => `/accounts/${A}/policies/${policyName}`,
    ready: async (page) => {
      await expect(page.locator(".monaco-editor")).toBeVisible({ timeout: EDITOR_LOAD_MS });
      await expect(page.getByText("summary-for-the-board.pdf", { exact: false }).first()).toBeVisible();
    },
  },
  {
    name: "simulator with results",
    path: simulation,
    ready: async (page) => {
      await expect(page.getByRole("heading", { name: /^Results for/ })).toBeVisible();
      await expect(page.getByRole("status").filter({ hasText: "of 6" })).toBeVisible();
    },
  },
  {
    name: "who can",
    path: () => `/accounts/${A}/who-can?action=s3%3AGetObject&resource=${encodeURIComponent(LONG_OBJECT)}`,
    ready: (page) => expect(page.getByText(/allowed to/).first()).toBeVisible(),
  },
  { name: "catalog", path: () => `/catalog?account=${A}`, ready: (page) => expect(page.getByRole("table", { name: "Every service" })).toBeVisible() },
  { name: "catalog service", path: () => `/catalog/s3?account=${A}`, ready: (page) => expect(page.getByRole("table", { name: "Actions of Amazon S3" })).toBeVisible() },
  {
    name: "catalog action",
    path: () => `/catalog/s3/GetObject?account=${A}`,
    ready: (page) => expect(page.getByRole("table", { name: "Policies that allow or deny s3:GetObject" })).toBeVisible(),
  },
  { name: "account settings", path: () => `/accounts/${A}/settings`, ready: (page) => expect(page.getByRole("heading", { level: 1 })).toBeVisible() },
  {
    name: "user history",
    path: () => `/accounts/${A}/users/${userName}?tab=history`,
    ready: (page) => expect(page.getByRole("list", { name: "Changes to this entity" })).toBeVisible(),
  },
];

test.describe("presenter mode layout", () => {
  test.beforeAll(async ({ request }) => {
    await arrange(request);
  });

  for (const size of SIZES) {
    for (const target of PAGES) {
      test(`${size.width}×${size.height} ${target.name}: nothing wider than the screen, no word cut in two`, async ({ browser, context: signedIn, baseURL }) => {
        const context = await browser.newContext({ baseURL, viewport: size, storageState: await signedIn.storageState() });
        await context.addCookies([{ name: "iam-presenter", value: "1", url: baseURL ?? "" }]);
        const page = await context.newPage();
        await page.goto(target.path());
        await expect(page.locator("html")).toHaveClass(/\bpresenter\b/);
        await target.ready(page);
        await expect(page.locator("[aria-busy='true']")).toHaveCount(0);
        expect(await layoutProblems(page)).toEqual([]);
        await context.close();
      });
    }
  }
});

test("the top bar's presenter toggle and Alt+Shift+P switch the mode, which the browser remembers", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/accounts/${A}`);
  const toggle = page.getByRole("button", { name: "Presenter mode" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(toggle).toHaveAttribute("aria-keyshortcuts", "Alt+Shift+P");
  const rootFont = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  expect(await rootFont()).not.toBe("20px");
  await expect(page.getByText("Identity and Access Management")).toBeVisible();

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("html")).toHaveClass(/\bpresenter\b/);
  expect(await rootFont()).toBe("20px");
  // Decorative chrome leaves the screen; names stay for screen readers, the side nav stays.
  const eyebrow = page.getByText("Identity and Access Management");
  expect(await eyebrow.evaluate((element) => element.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
  await expect(page.getByRole("link", { name: "IAM Console" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();

  // Remembered: the server renders the next page in presenter mode (no flash, no mismatch).
  const html = await (await page.request.get(`/accounts/${A}/users`)).text();
  expect(html).toMatch(/<html[^>]*class="presenter"/);
  await page.reload();
  await expect(page.getByRole("button", { name: "Presenter mode" })).toHaveAttribute("aria-pressed", "true");
  expect(await rootFont()).toBe("20px");

  // The shortcut switches it off again, and that too is remembered.
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("Alt+Shift+P");
  await expect(page.getByRole("button", { name: "Presenter mode" })).toHaveAttribute("aria-pressed", "false");
  await expect(page.locator("html")).not.toHaveClass(/\bpresenter\b/);
  const after = await (await page.request.get(`/accounts/${A}`)).text();
  expect(after).not.toMatch(/<html[^>]*class="presenter"/);
});

test("in presenter mode the side navigation stays in view and the keyboard reaches every control on screen", async ({ browser, context: signedIn, baseURL }) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 720 }, storageState: await signedIn.storageState() });
  await context.addCookies([{ name: "iam-presenter", value: "1", url: baseURL ?? "" }]);
  const page = await context.newPage();
  await page.goto(`/accounts/${A}`);
  await expect(page.getByRole("list", { name: "Recent changes" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main navigation" });

  // Scrolled to the end of a long page, every link of the side navigation is still on screen.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  for (const name of ["Dashboard", "Users", "Simulator", "Service catalog"]) {
    await expect(nav.getByRole("link", { name: new RegExp(`^${name}`) })).toBeInViewport();
  }

  // Tab goes from the top bar through the side navigation, each stop visible on screen.
  // From a fresh load, Tab starts at the top of the document.
  await page.reload();
  await expect(page.getByRole("list", { name: "Recent changes" })).toBeVisible();
  const reached: string[] = [];
  for (let i = 0; i < 16; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const rect = element.getBoundingClientRect();
      return { name: (element.getAttribute("aria-label") ?? element.textContent ?? "").trim(), right: rect.right, bottom: rect.bottom, width: window.innerWidth, height: window.innerHeight };
    });
    if (!stop) continue;
    reached.push(stop.name);
    expect(stop.right, `${stop.name} is past the right edge`).toBeLessThanOrEqual(stop.width);
  }
  expect(reached).toContain("Presenter mode");
  expect(reached.some((name) => name.startsWith("Users"))).toBe(true);
  expect(reached.some((name) => name.startsWith("Service catalog"))).toBe(true);
  await context.close();
});
