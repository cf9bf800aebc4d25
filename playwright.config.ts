import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// E2E runs `npm start`'s own script against a production build (in .next-e2e) on a free port
// with a fresh database of its own, seeded with the demo data. The config is evaluated again in
// each worker, so the port and database are chosen once and passed on through the environment.
process.env.E2E_PORT ??= String(41000 + Math.floor(Math.random() * 9000));
process.env.E2E_DATABASE_URL ??= `file:${path.join(
  fs.mkdtempSync(path.join(os.tmpdir(), "iam-e2e-")),
  "iam.db",
)}`;
const port = process.env.E2E_PORT;
// The API-only specs use the AWS SDK clients (pinned), which warn that later releases need Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  // A folder per run: engineers running E2E side by side must not delete each other's traces.
  outputDir: `test-results/e2e-${port}`,
  // Twice the slowest spec of a fresh-clone CI run (2026-12-03: e2e/csp.spec.ts, 13 pages, 38.9 s,
  // on a machine shared with other work), so a hung test fails in minutes, not hours.
  timeout: 78_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1"],
    },
  },
  webServer: {
    command: "node scripts/start.mjs",
    url: `${baseURL}/api/v1/accounts`,
    // A cold build, its type check and the seed took over five minutes on the busy machine.
    timeout: 900_000,
    reuseExistingServer: false,
    // SIGTERM lets scripts/start.mjs stop the `next start` it detached; the default SIGKILL
    // would leave that server running after the suite.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    env: {
      PORT: port,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      // Engineers running E2E side by side each build into their own folder.
      NEXT_DIST_DIR: process.env.E2E_DIST_DIR ?? ".next-e2e",
    },
  },
});
