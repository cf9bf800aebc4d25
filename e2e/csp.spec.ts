import type { Page } from "@playwright/test";
import { test, expect } from "./support/test";
import { PROD_ACCOUNT } from "./support/iam-api";

// The production build sends a Content-Security-Policy with a per-request nonce for Next's
// inline scripts, and every main page, the Monaco editor included, runs under it without a
// single violation reported by the browser.

const account = `/accounts/${PROD_ACCOUNT}`;
const editor = (page: Page) => page.getByRole("textbox", { name: "Policy document", exact: true });

/** Each main page, with what shows that it has loaded (its data, or the editor). */
const PAGES: { name: string; path: string; loaded: (page: Page) => Promise<void> }[] = [
  { name: "accounts", path: "/", loaded: (page) => expect(page.getByRole("list", { name: "Accounts" }).getByRole("link", { name: "acme-prod" })).toBeVisible() },
  { name: "account dashboard", path: account, loaded: (page) => expect(page.getByRole("list", { name: "Recent changes" })).toBeVisible() },
  { name: "users", path: `${account}/users`, loaded: (page) => expect(page.getByRole("table", { name: /^Users/ }).getByRole("link", { name: "alice", exact: true })).toBeVisible() },
  { name: "user alice", path: `${account}/users/alice`, loaded: (page) => expect(page.getByRole("heading", { level: 1, name: "alice" })).toBeVisible() },
  { name: "groups", path: `${account}/groups`, loaded: (page) => expect(page.getByRole("table", { name: /^Groups/ }).getByRole("link").first()).toBeVisible() },
  { name: "roles", path: `${account}/roles`, loaded: (page) => expect(page.getByRole("table", { name: /^Roles/ }).getByRole("link").first()).toBeVisible() },
  { name: "role RoleName", path: `${account}/roles/RoleName`, loaded: (page) => expect(page.getByRole("heading", { level: 1, name: "RoleName" })).toBeVisible() },
  { name: "policies", path: `${account}/policies`, loaded: (page) => expect(page.getByRole("table", { name: /^Policies/ }).getByRole("link").first()).toBeVisible() },
  { name: "policy MyBucketReadOnly (editor, read-only)", path: `${account}/policies/MyBucketReadOnly`, loaded: (page) => expect(editor(page)).toBeAttached() },
  { name: "create policy (editor)", path: `${account}/create/policy`, loaded: (page) => expect(editor(page)).toBeEditable() },
  { name: "simulator", path: `${account}/simulator`, loaded: (page) => expect(page.getByRole("combobox", { name: "Actions" })).toBeVisible() },
  {
    name: "who can",
    path: `${account}/who-can?action=iam%3ACreateUser&resource=${encodeURIComponent(`arn:aws:iam::${PROD_ACCOUNT}:user/new-user`)}`,
    loaded: (page) => expect(page.getByRole("list", { name: "Allowed principals" }).getByRole("link", { name: "carol", exact: true })).toBeVisible(),
  },
  { name: "catalog", path: "/catalog", loaded: (page) => expect(page.getByRole("heading", { level: 1, name: "Service catalog" })).toBeVisible() },
];

/** Collects every CSP violation the browser reports: the DOM event and the console's message. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  return violations;
}

test("every main page runs under the Content-Security-Policy without a violation", async ({ page }) => {
  const violations = await watchViolations(page);
  for (const { name, path, loaded } of PAGES) {
    await test.step(name, async () => {
      const response = await page.goto(path);
      expect(response?.headers()["content-security-policy"], `${path} sends a CSP`).toContain("'nonce-");
      await loaded(page);
      // Lazy chunks, Monaco's workers and the catalog load after the first paint.
      await page.waitForLoadState("networkidle");
      expect(violations, `CSP violations on ${path}`).toEqual([]);
    });
  }
});

const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];

/** The directives of a policy header, by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

test("pages send the security headers, with a fresh nonce on each load that Next's scripts carry", async ({ request }) => {
  const first = await request.get(`${account}/users`);
  const second = await request.get(`${account}/users`);
  expect(first.status()).toBe(200);
  const csp = first.headers()["content-security-policy"] ?? "";
  const nonce = nonceOf(csp);
  // 16 random bytes in base64 (lib/api/page-security.ts newNonce).
  expect(nonce, "the CSP carries a nonce").toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(nonceOf(second.headers()["content-security-policy"] ?? "")).not.toBe(nonce);

  const policy = directives(csp);
  expect(policy.get("script-src")).toEqual(expect.arrayContaining(["'self'", `'nonce-${nonce}'`]));
  expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
  expect(policy.get("style-src")).toEqual(expect.arrayContaining(["'self'"]));
  expect(policy.get("img-src")).toEqual(expect.arrayContaining(["'self'", "data:"]));
  expect(policy.get("connect-src")).toEqual(["'self'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(first.headers()["x-content-type-options"]).toBe("nosniff");
  expect(first.headers()["referrer-policy"]).toBe("same-origin");
  // Next puts the request's nonce on its own inline scripts.
  expect(await first.text()).toContain(`nonce="${nonce}"`);
});
