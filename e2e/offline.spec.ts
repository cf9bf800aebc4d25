import { test, expect } from "./support/test";
import { isLocalUrl } from "./support/local-only";

// The console is used in workshops without a network: no CDN, web font, telemetry or editor
// download may be requested. Every request of a walk through the main pages must stay local.

test("a walk through the console requests nothing beyond 127.0.0.1", async ({ page }) => {
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  page.on("websocket", (socket) => requested.push(socket.url()));

  await page.goto("/");
  await expect(page.getByRole("list", { name: "Accounts" }).getByRole("link", { name: "acme-prod" })).toBeVisible();
  await page.getByRole("link", { name: "acme-prod" }).click();
  await expect(page.getByRole("list", { name: "Recent changes" })).toBeVisible();

  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await nav.getByRole("link", { name: /^Users/ }).click();
  await page.getByRole("table", { name: /^Users/ }).getByRole("link", { name: "alice", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "alice" })).toBeVisible();
  for (const tab of ["Groups", "Security credentials", "History", "Permissions"]) {
    await page.getByRole("tab", { name: tab, exact: true }).click();
    await expect(page.getByRole("tab", { name: tab, exact: true, selected: true })).toBeVisible();
  }
  await page.getByRole("button", { name: "Add permissions" }).click();
  const picker = page.getByRole("dialog", { name: "Attach policies to alice" });
  await expect(picker.getByRole("checkbox").first()).toBeVisible();
  await picker.getByRole("button", { name: "Cancel" }).click();

  for (const [link, table] of [
    ["User groups", /^Groups/],
    ["Roles", /^Roles/],
    ["Policies", /^Policies/],
  ] as const) {
    await nav.getByRole("link", { name: new RegExp(`^${link}`) }).click();
    await expect(page.getByRole("table", { name: table }).getByRole("link").first()).toBeVisible();
  }
  await page.getByRole("main").getByRole("link", { name: "Create policy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create policy" })).toBeVisible();

  expect(requested.length).toBeGreaterThan(10);
  expect(requested.filter((url) => !isLocalUrl(url) && !url.startsWith("data:") && !url.startsWith("blob:"))).toEqual([]);
});
