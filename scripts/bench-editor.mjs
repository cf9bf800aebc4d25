// Measures the policy editor's budgets in Chromium against a running production server:
// JavaScript (compressed bytes over the wire) per page, pages without an editor ≤ 300 KB;
// where Monaco's chunk is loaded; and the time from navigation to the editor being interactive
// (the "policy-editor:interactive" mark) with a cold and a warm browser cache.
// Usage: node scripts/bench-editor.mjs http://127.0.0.1:PORT   (a seeded database: acme-prod)
import { chromium } from "@playwright/test";

const base = process.argv[2];
if (!base || !/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(base)) {
  console.error("usage: node scripts/bench-editor.mjs http://127.0.0.1:PORT (a local production server)");
  process.exit(1);
}
const account = "123456789012";
const BUDGET_KB = 300;
const MONACO_MIN_BYTES = 1_000_000;
const pages = {
  "accounts": "/",
  "dashboard": `/accounts/${account}`,
  "users": `/accounts/${account}/users`,
  "user alice": `/accounts/${account}/users/alice`,
  "groups": `/accounts/${account}/groups`,
  "roles": `/accounts/${account}/roles`,
  "policies": `/accounts/${account}/policies`,
  "create policy (editor)": `/accounts/${account}/create/policy`,
  "policy MyBucketReadOnly (viewer)": `/accounts/${account}/policies/MyBucketReadOnly`,
};

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1"],
});

/** Compressed JavaScript bytes a fresh browser loads for the page, and whether Monaco was among them. */
async function scriptBytes(path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
  const scripts = await page.evaluate(() =>
    performance.getEntriesByType("resource")
      .filter((entry) => entry.initiatorType === "script" || entry.name.endsWith(".js"))
      .map((entry) => ({ name: entry.name, bytes: entry.encodedBodySize, decoded: entry.decodedBodySize })),
  );
  await context.close();
  return {
    kb: scripts.reduce((sum, script) => sum + script.bytes, 0) / 1024,
    monaco: scripts.some((script) => script.decoded > MONACO_MIN_BYTES),
  };
}

/** Milliseconds from navigation to the editor's interactive mark. */
async function timeToInteractive(page) {
  await page.goto(`${base}/accounts/${account}/create/policy`);
  await page.getByRole("textbox", { name: "Policy document", exact: true }).waitFor();
  return page.evaluate(() => performance.getEntriesByName("policy-editor:interactive")[0]?.startTime ?? NaN);
}

console.log("JavaScript per page (compressed, fresh cache):");
for (const [name, path] of Object.entries(pages)) {
  const { kb, monaco } = await scriptBytes(path);
  const editor = name.includes("editor") || name.includes("viewer");
  const verdict = editor ? "" : kb <= BUDGET_KB ? "  ok" : "  OVER BUDGET";
  console.log(`  ${name.padEnd(34)} ${kb.toFixed(0).padStart(5)} KB${monaco ? "  (Monaco)" : ""}${verdict}`);
}

// Cold: a new browser context each time, so nothing is cached (HTTP cache, compiled code).
const COLD_RUNS = 7;
const cold = [];
for (let i = 0; i < COLD_RUNS; i++) {
  const fresh = await browser.newContext();
  cold.push(await timeToInteractive(await fresh.newPage()));
  await fresh.close();
}
const context = await browser.newContext();
const page = await context.newPage();
await timeToInteractive(page);
const warm = [];
for (let i = 0; i < 5; i++) warm.push(await timeToInteractive(page));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const list = (values) => values.map((ms) => ms.toFixed(0)).join(", ");
console.log("Editor interactive after navigation (budget 2,000 ms):");
console.log(`  cold cache: median ${median(cold).toFixed(0)} ms (${list(cold)})${median(cold) <= 2000 ? "  ok" : "  OVER BUDGET"}`);
console.log(`  warm cache: median ${median(warm).toFixed(0)} ms (${list(warm)})`);
await browser.close();
