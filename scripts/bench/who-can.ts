import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

// Who-can's server time at 10,000 users and 2,000 roles (the bench:db account: every user with
// a customer policy, an AWS managed one and a group; every role with a customer policy), where
// one role in ten trusts its account, so paths through roles are searched too. lib/data is
// called directly: database reads, compilation, evaluation. The inventory is kept until the
// data changes, so besides the steady state the bench times the first request (nothing read or
// compiled yet) and requests that each follow a write (everything re-read, documents already
// compiled). Target: p95 ≤ 500 ms. Run alone: `tsx --conditions=react-server scripts/bench/who-can.ts`.

const ROOT = path.resolve(__dirname, "../..");
const DB_FILE = path.join(ROOT, ".tmp", "bench", "who-can.db");
const WARM_UP = 3;
const SAMPLES = 20;
export const WHO_CAN_TARGET_MS = 500;

function migratedDatabase(): string {
  fs.mkdirSync(path.dirname(DB_FILE), { recursive: true });
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(DB_FILE + suffix, { force: true });
  const sqlite = new Database(DB_FILE);
  const migrations = path.join(ROOT, "prisma", "migrations");
  for (const name of fs.readdirSync(migrations).sort()) {
    const sql = path.join(migrations, name, "migration.sql");
    if (fs.existsSync(sql)) sqlite.exec(fs.readFileSync(sql, "utf8"));
  }
  sqlite.close();
  return `file:${DB_FILE}`;
}

async function arrange(): Promise<void> {
  // Loaded after DATABASE_URL points at the scratch database: db() opens it on first use.
  const { db } = await import("@/lib/db");
  const { importManagedPolicies, readManagedPolicies } = await import("@/prisma/seed/import-managed-policies");
  const { BENCH, seedBulk } = await import("./seed-bulk");
  const { accountRootArn } = await import("@/lib/arn");
  await importManagedPolicies(db(), readManagedPolicies());
  await seedBulk(db());
  const trustAccount = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: accountRootArn(BENCH.accountId) }, Action: "sts:AssumeRole" }],
  });
  const names = Array.from({ length: BENCH.roles / 10 }, (_, i) => `role-${String(i * 10).padStart(5, "0")}`);
  await db().role.updateMany({ where: { accountId: BENCH.accountId, name: { in: names } }, data: { trustPolicy: trustAccount } });
}

async function timed(run: () => Promise<{ total: number }>): Promise<{ allowed: number; wall: number; cpu: number }> {
  const startedCpu = process.cpuUsage();
  const at = performance.now();
  const { total } = await run();
  const used = process.cpuUsage(startedCpu);
  return { allowed: total, wall: performance.now() - at, cpu: (used.user + used.system) / 1000 };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export interface WhoCanBenchLine {
  scenario: string;
  allowed: number;
  median: number;
  p95: number;
  cpuMedian: number;
}

export async function benchWhoCan(): Promise<WhoCanBenchLine[]> {
  process.env.DATABASE_URL = migratedDatabase();
  const started = performance.now();
  await arrange();
  console.log(`› Seeded the who-can bench database in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const { BENCH } = await import("./seed-bulk");
  const { whoCan } = await import("@/lib/data/who-can");
  const { whoCanQuery } = await import("@/lib/schemas/who-can");
  const account = BENCH.accountId;
  const scenarios: { scenario: string; query: Record<string, string> }[] = [
    { scenario: "iam:CreateUser (few allowed)", query: { action: "iam:CreateUser", resource: `arn:aws:iam::${account}:user/new` } },
    { scenario: "s3:GetObject (via roles too)", query: { action: "s3:GetObject", resource: "arn:aws:s3:::bucket-23/data.csv", resourceAccount: account } },
    { scenario: "sts:AssumeRole on a role", query: { action: "sts:AssumeRole", resource: `arn:aws:iam::${account}:role/role-00010` } },
    { scenario: "ec2:DescribeInstances (most)", query: { action: "ec2:DescribeInstances", resource: "*", resourceAccount: account } },
  ];
  const { tagUser } = await import("@/lib/data/tag-user");
  const { benchUserName } = await import("./seed-bulk");
  const lines: WhoCanBenchLine[] = [];
  const first = await timed(() => whoCan(whoCanQuery.parse(scenarios[0].query)));
  lines.push({ scenario: "first request (cold)", allowed: first.allowed, median: first.wall, p95: first.wall, cpuMedian: first.cpu });
  const afterWrite = { scenario: "after a write (re-read)", query: scenarios[0].query, change: (i: number) => tagUser(account, benchUserName(i), [{ key: "bench", value: String(i) }]) };
  for (const { scenario, query, change } of [...scenarios.map((s) => ({ ...s, change: undefined })), afterWrite]) {
    const parsed = whoCanQuery.parse(query);
    let allowed = 0;
    for (let i = 0; i < WARM_UP; i++) await whoCan(parsed);
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      if (change) await change(i);
      const startedCpu = process.cpuUsage();
      const at = performance.now();
      allowed = (await whoCan(parsed)).total;
      wall.push(performance.now() - at);
      const used = process.cpuUsage(startedCpu);
      cpu.push((used.user + used.system) / 1000);
    }
    wall.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    lines.push({ scenario, allowed, median: percentile(wall, 50), p95: percentile(wall, 95), cpuMedian: percentile(cpu, 50) });
  }
  const { db } = await import("@/lib/db");
  await db().$disconnect();
  return lines;
}

export function printWhoCan(lines: readonly WhoCanBenchLine[]): void {
  console.log(`\nwho-can at 10,000 users and 2,000 roles (${SAMPLES} samples after ${WARM_UP} to warm up)`);
  console.log(`${"scenario".padEnd(32)}${"allowed".padStart(8)}${"median".padStart(11)}${"p95".padStart(11)}${"CPU".padStart(11)}   target (p95)`);
  for (const line of lines) {
    const verdict = `≤ ${WHO_CAN_TARGET_MS} ms ${line.p95 <= WHO_CAN_TARGET_MS ? "met" : "MISSED"}${line === lines[0] ? " (one sample)" : ""}`;
    const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(11);
    console.log(`${line.scenario.padEnd(32)}${String(line.allowed).padStart(8)}${ms(line.median)}${ms(line.p95)}${ms(line.cpuMedian)}   ${verdict}`);
  }
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} CPUs`);
}

if (require.main === module) {
  benchWhoCan().then(printWhoCan, (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
