import os from "node:os";
import { db } from "@/lib/db";
import { ATTACH_BENCH_POLICY, BENCH, benchUserName } from "./bench/seed-bulk";
import { benchEnv, bulkDatabase } from "./bench/bulk-database";
import { startNext } from "./bench/next-server";
import { signedFetch, type Keys } from "./bench/signed-fetch";

// `npm run bench:db`: the console's hot API paths over HTTP against a production build and a
// database of 10,000 users, 2,000 roles and 1,500 customer policies (plus every AWS managed one).

const SAMPLES = 60;
const WARM_UP = 15;
const TARGETS_MS: Record<string, number> = { "users list, first page": 50, "user detail": 30 };

const env = benchEnv("iam-bench.db");

/** The scratch database, and an access key of the bench account's root user to sign the calls with. */
async function freshDatabase(): Promise<Keys> {
  await bulkDatabase(env);
  const { createRootAccessKey } = await import("@/lib/data/create-root-access-key");
  const key = await createRootAccessKey(BENCH.accountId);
  await db().$disconnect();
  return { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
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

function scenarios(call: (method: string, pathname: string, body?: unknown) => Promise<void>): Scenario[] {
  const account = `/api/v1/accounts/${BENCH.accountId}`;
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
  const keys = await freshDatabase();
  const { base, stop } = await startNext(env);
  try {
    console.log(`\n${"scenario".padEnd(26)}${"median".padStart(10)}${"p95".padStart(10)}   target (p95)`);
    for (const scenario of scenarios(signedFetch(base, keys))) {
      const times = await measure(scenario);
      const median = percentile(times, 50);
      const p95 = percentile(times, 95);
      const target = TARGETS_MS[scenario.name];
      const verdict = target === undefined ? "" : `≤ ${target} ms ${p95 <= target ? "met" : "MISSED"}`;
      console.log(`${scenario.name.padEnd(26)}${`${median.toFixed(1)} ms`.padStart(10)}${`${p95.toFixed(1)} ms`.padStart(10)}   ${verdict}`);
    }
    console.log(`\n${SAMPLES} samples per scenario after ${WARM_UP} to warm up; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} CPUs.`);
  } finally {
    stop();
  }
}

main().catch((err: unknown) => {
  console.error("bench:db failed:", err);
  process.exitCode = 1;
});
