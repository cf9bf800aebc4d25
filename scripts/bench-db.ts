import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import { importManagedPolicies, readManagedPolicies } from "@/prisma/seed/import-managed-policies";
import { ATTACH_BENCH_POLICY, BENCH, benchUserName, seedBulk } from "./bench/seed-bulk";

// `npm run bench:db`: the console's hot API paths over HTTP against a production build and a
// database of 10,000 users, 2,000 roles and 1,500 customer policies (plus every AWS managed one).

const ROOT = path.resolve(__dirname, "..");
const DIST = ".next-bench";
const DB_FILE = path.join(ROOT, ".tmp", "bench", "iam-bench.db");
const SAMPLES = 60;
const WARM_UP = 15;
const TARGETS_MS: Record<string, number> = { "users list, first page": 50, "user detail": 30 };
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);
const env = { ...process.env, DATABASE_URL: `file:${DB_FILE}`, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };

function run(label: string, command: string, args: string[], quiet = false): void {
  console.log(`› ${label}`);
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"] });
  if (result.status !== 0) throw new Error(`${label} failed`);
}

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .filter((child) => child !== "node_modules" && child !== "generated")
    .reduce((newest, child) => Math.max(newest, newestMtime(path.join(entry, child))), 0);
}

function buildIsStale(): boolean {
  const buildId = path.join(ROOT, DIST, "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return ["app", "components", "lib", "public", "next.config.mjs", "package.json"].some((entry) => newestMtime(path.join(ROOT, entry)) > built);
}

async function freshDatabase(): Promise<void> {
  fs.mkdirSync(path.dirname(DB_FILE), { recursive: true });
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(DB_FILE + suffix, { force: true });
  run("Migrating a scratch database", bin("prisma"), ["migrate", "deploy"], true);
  // db() opens its database on first use: point it at the scratch one.
  process.env.DATABASE_URL = env.DATABASE_URL;
  const started = performance.now();
  await importManagedPolicies(db(), readManagedPolicies());
  await seedBulk(db());
  console.log(`› Seeded ${BENCH.users} users, ${BENCH.roles} roles, ${BENCH.policies} customer policies in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await db().$disconnect();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitUntilUp(base: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error("next start exited");
    try {
      if ((await fetch(`${base}/api/v1/accounts`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the server did not answer within two minutes");
}

async function call(method: string, url: string, body?: unknown): Promise<void> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}`);
}

interface Scenario {
  name: string;
  /** One sample: the i-th request (or requests made together) of the scenario. */
  run: (i: number) => Promise<void>;
}

async function measure(scenario: Scenario): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i++) await scenario.run(i);
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    await scenario.run(WARM_UP + i);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function scenarios(base: string): Scenario[] {
  const account = `${base}/api/v1/accounts/${BENCH.accountId}`;
  const user = (i: number) => benchUserName((i * 7919) % BENCH.users);
  const arn = encodeURIComponent(ATTACH_BENCH_POLICY);
  return [
    { name: "users list, first page", run: () => call("GET", `${account}/users?page=1&pageSize=25`) },
    { name: "users search", run: (i) => call("GET", `${account}/users?search=${encodeURIComponent(`er-0${i % 10}`)}&pageSize=25`) },
    { name: "roles list, first page", run: () => call("GET", `${account}/roles?page=1&pageSize=25`) },
    { name: "policies list (All)", run: (i) => call("GET", `${account}/policies?page=${1 + (i % 5)}&pageSize=25`) },
    { name: "policies by attachments", run: () => call("GET", `${account}/policies?sort=attachments&order=desc&pageSize=25`) },
    {
      name: "user detail",
      // The user page asks for both at once.
      run: async (i) => void (await Promise.all([call("GET", `${account}/users/${user(i)}`), call("GET", `${account}/users/${user(i)}/attached-policies`)])),
    },
    {
      name: "attach / detach",
      run: (i) =>
        i % 2 === 0
          ? call("POST", `${account}/users/${user(i >> 1)}/attached-policies`, { policyArn: ATTACH_BENCH_POLICY })
          : call("DELETE", `${account}/users/${user(i >> 1)}/attached-policies?policyArn=${arn}`),
    },
  ];
}

async function main(): Promise<void> {
  await freshDatabase();
  if (buildIsStale()) run(`Building the app into ${DIST} (a minute or more)`, bin("next"), ["build"]);
  else console.log(`› ${DIST} is up to date`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  console.log(`› Starting next on port ${port}`);
  const server = spawn(bin("next"), ["start", "-p", String(port)], { cwd: ROOT, env, detached: true, stdio: "ignore" });
  try {
    await waitUntilUp(base, server);
    console.log(`\n${"scenario".padEnd(26)}${"median".padStart(10)}${"p95".padStart(10)}   target (p95)`);
    for (const scenario of scenarios(base)) {
      const times = await measure(scenario);
      const median = percentile(times, 50);
      const p95 = percentile(times, 95);
      const target = TARGETS_MS[scenario.name];
      const verdict = target === undefined ? "" : `≤ ${target} ms ${p95 <= target ? "met" : "MISSED"}`;
      console.log(`${scenario.name.padEnd(26)}${`${median.toFixed(1)} ms`.padStart(10)}${`${p95.toFixed(1)} ms`.padStart(10)}   ${verdict}`);
    }
    console.log(`\n${SAMPLES} samples per scenario after ${WARM_UP} to warm up; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} CPUs.`);
  } finally {
    try {
      process.kill(-(server.pid ?? 0), "SIGTERM");
    } catch {
      // already gone
    }
  }
}

main().catch((err: unknown) => {
  console.error("bench:db failed:", err);
  process.exitCode = 1;
});
