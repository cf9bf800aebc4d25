import os from "node:os";
import path from "node:path";
import { migratedSqliteDatabase } from "@/prisma/migrate-sqlite";

// The catalog browser's "policies in this console that allow or deny it" at about 3,100
// policies: the 1,594 AWS managed ones plus the bench:db account's 1,500 customer policies (and
// its users, groups and roles). lib/data is called directly: database reads, compilation,
// matching. Times the first request (nothing compiled), the steady state for popular and rare
// actions, and requests that each follow a write (policies re-read, documents already compiled).
// Target: p95 < 300 ms. Run alone: `tsx --conditions=react-server scripts/bench/catalog-policies.ts`.

const ROOT = path.resolve(__dirname, "../..");
const DB_FILE = path.join(ROOT, ".tmp", "bench", "catalog-policies.db");
const WARM_UP = 3;
const SAMPLES = 20;
const TARGET_MS = 300;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

interface Line {
  scenario: string;
  matched: number;
  median: number;
  p95: number;
}

async function bench(): Promise<Line[]> {
  process.env.DATABASE_URL = migratedSqliteDatabase(DB_FILE);
  // Loaded after DATABASE_URL points at the scratch database: db() opens it on first use.
  const { db } = await import("@/lib/db");
  const { importManagedPolicies, readManagedPolicies } = await import("@/prisma/seed/import-managed-policies");
  const { BENCH, benchUserName, seedBulk } = await import("./seed-bulk");
  const { findPoliciesForAction: findPage } = await import("@/lib/data/find-policies-for-action");
  const { reachableAccounts } = await import("@/lib/auth/reachable-accounts");
  const { benchRoot } = await import("./root-caller");
  // As the route answers the account's root user: the accounts it may read are decided per request.
  const root = benchRoot(BENCH.accountId);
  const findPoliciesForAction = async (action: string, query: Parameters<typeof findPage>[1]) => findPage(action, query, await reachableAccounts(root.identity, root.facts));
  const { putInlinePolicy } = await import("@/lib/data/put-inline-policy");
  await importManagedPolicies(db(), readManagedPolicies());
  await seedBulk(db());

  // The API's first page: every policy is still looked at for the counts.
  const firstPage = { effect: "all", search: "", page: 1, pageSize: 25 } as const;
  const lines: Line[] = [];
  const at = performance.now();
  const first = await findPoliciesForAction("s3:GetObject", firstPage);
  const cold = performance.now() - at;
  console.log(`› ${first.evaluated} policies`);
  lines.push({ scenario: "first request (cold)", matched: first.total, median: cold, p95: cold });

  const inline = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });
  const scenarios: { scenario: string; action: string; change?: (i: number) => Promise<unknown> }[] = [
    { scenario: "s3:GetObject (popular)", action: "s3:GetObject" },
    { scenario: "ec2:DescribeInstances", action: "ec2:DescribeInstances" },
    { scenario: "iam:PassRole", action: "iam:PassRole" },
    { scenario: "braket:GetDevice (rare)", action: "braket:GetDevice" },
    { scenario: "after a write (re-read)", action: "s3:GetObject", change: (i) => putInlinePolicy("user", BENCH.accountId, benchUserName(i), "Bench", inline) },
  ];
  for (const { scenario, action, change } of scenarios) {
    for (let i = 0; i < WARM_UP; i++) await findPoliciesForAction(action, firstPage);
    const wall: number[] = [];
    let matched = 0;
    for (let i = 0; i < SAMPLES; i++) {
      if (change) await change(i);
      const started = performance.now();
      matched = (await findPoliciesForAction(action, firstPage)).total;
      wall.push(performance.now() - started);
    }
    wall.sort((a, b) => a - b);
    lines.push({ scenario, matched, median: percentile(wall, 50), p95: percentile(wall, 95) });
  }
  await db().$disconnect();
  return lines;
}

function print(lines: readonly Line[]): void {
  console.log(`\npolicies for an action (${SAMPLES} samples after ${WARM_UP} to warm up)`);
  console.log(`${"scenario".padEnd(28)}${"matched".padStart(8)}${"median".padStart(11)}${"p95".padStart(11)}   target (p95)`);
  const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(11);
  for (const line of lines) {
    const verdict = line === lines[0] ? "(one sample, compiles everything)" : `< ${TARGET_MS} ms ${line.p95 < TARGET_MS ? "met" : "MISSED"}`;
    console.log(`${line.scenario.padEnd(28)}${String(line.matched).padStart(8)}${ms(line.median)}${ms(line.p95)}   ${verdict}`);
  }
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} CPUs`);
}

bench().then(print, (error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
