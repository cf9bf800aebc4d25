import os from "node:os";
import { AttachUserPolicyCommand, GetUserCommand, IAMClient, ListUsersCommand } from "@aws-sdk/client-iam";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { db } from "@/lib/db";
import { ATTACH_BENCH_POLICY, BENCH, benchUserName } from "./bench/seed-bulk";
import { benchEnv, bulkDatabase } from "./bench/bulk-database";
import { startNext } from "./bench/next-server";
import { signedFetch, type Keys } from "./bench/signed-fetch";

// `npm run bench:api`: the AWS endpoint (/aws) over HTTP with SigV4, as the AWS SDK calls it,
// against a production build and a database of 10,000 users: GetUser, ListUsers (100 items),
// AttachUserPolicy and AssumeRole — median and p95 one call at a time, and calls per second at
// concurrency 1 and 8. The baseline is the console's own API for the same user
// (GET /api/v1/accounts/…/users/NAME) signed with the same key. Targets (issue 12): GetUser p95
// ≤ 15 ms, AssumeRole p95 ≤ 25 ms, GetUser's calls per second ≥ 70% of the baseline's.

// The SDK clients (pinned) warn that their later releases need Node 22; this one supports Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const SAMPLES = 200;
const WARM_UP = 30;
const PARALLEL = 8;
const PARALLEL_CALLS = 400;
const ADMIN = "bench-api-admin";
const ROLE = "bench-api-role";

const env = benchEnv("iam-bench-api.db");

async function freshDatabase(): Promise<Keys> {
  await bulkDatabase(env);
  const { createUser } = await import("@/lib/data/create-user");
  const { attachPolicy } = await import("@/lib/data/attach-policy");
  const { createAccessKey } = await import("@/lib/data/create-access-key");
  const { createRole } = await import("@/lib/data/create-role");
  const { createRoleInput } = await import("@/lib/schemas/role");
  const account = BENCH.accountId;
  await createUser(account, { userName: ADMIN, path: "/", tags: [] });
  await attachPolicy("user", account, ADMIN, "arn:aws:iam::aws:policy/AdministratorAccess");
  const trust = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: "sts:AssumeRole" }] };
  await createRole(account, createRoleInput.parse({ roleName: ROLE, trustPolicy: JSON.stringify(trust) }));
  await attachPolicy("role", account, ROLE, "arn:aws:iam::aws:policy/ReadOnlyAccess");
  const key = await createAccessKey(account, ADMIN);
  await db().$disconnect();
  return { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
}

interface Scenario {
  name: string;
  target?: { p95Ms?: number };
  run: (i: number) => Promise<unknown>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function sequential(scenario: Scenario, from: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    await scenario.run(from + i);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function parallel(scenario: Scenario, from: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < PARALLEL_CALLS) await scenario.run(from + next++);
    }),
  );
  return PARALLEL_CALLS / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const keys = await freshDatabase();
  const { base, stop } = await startNext(env);
  try {
    const endpoint = `${base}/aws`;
    const iam = new IAMClient({ region: "us-east-1", endpoint, credentials: keys, maxAttempts: 1 });
    const sts = new STSClient({ region: "us-east-1", endpoint, credentials: keys, maxAttempts: 1 });
    const call = signedFetch(base, keys);
    const user = (i: number) => benchUserName((i * 7919) % BENCH.users);
    const roleArn = `arn:aws:iam::${BENCH.accountId}:role/${ROLE}`;
    const scenarios: Scenario[] = [
      { name: "baseline: GET /api/v1 user", run: (i) => call("GET", `/api/v1/accounts/${BENCH.accountId}/users/${user(i)}`) },
      { name: "GetUser", target: { p95Ms: 15 }, run: (i) => iam.send(new GetUserCommand({ UserName: user(i) })) },
      { name: "ListUsers (100 items)", run: () => iam.send(new ListUsersCommand({ MaxItems: 100 })) },
      // Each call attaches to another user (two policies each already; the quota is ten).
      { name: "AttachUserPolicy", run: (i) => iam.send(new AttachUserPolicyCommand({ UserName: benchUserName(i % BENCH.users), PolicyArn: ATTACH_BENCH_POLICY })) },
      { name: "AssumeRole", target: { p95Ms: 25 }, run: (i) => sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: `bench-${i}` })) },
    ];
    console.log(`\n${"scenario".padEnd(30)}${"median".padStart(10)}${"p95".padStart(10)}${"calls/s c=1".padStart(13)}${"calls/s c=8".padStart(13)}   target`);
    const perSecond = new Map<string, number>();
    let offset = 0;
    for (const scenario of scenarios) {
      for (let i = 0; i < WARM_UP; i++) await scenario.run(offset + i);
      offset += WARM_UP;
      const times = await sequential(scenario, offset);
      offset += SAMPLES;
      const one = SAMPLES / (times.reduce((sum, t) => sum + t, 0) / 1000);
      const eight = await parallel(scenario, offset);
      offset += PARALLEL_CALLS;
      perSecond.set(scenario.name, one);
      const p95 = percentile(times, 95);
      const target = scenario.target?.p95Ms;
      const verdict = target === undefined ? "" : `p95 ≤ ${target} ms ${p95 <= target ? "met" : "MISSED"}`;
      console.log(
        `${scenario.name.padEnd(30)}${`${percentile(times, 50).toFixed(1)} ms`.padStart(10)}${`${p95.toFixed(1)} ms`.padStart(10)}${one.toFixed(0).padStart(13)}${eight.toFixed(0).padStart(13)}   ${verdict}`,
      );
    }
    const ratio = (perSecond.get("GetUser") ?? 0) / (perSecond.get("baseline: GET /api/v1 user") ?? 1);
    console.log(`\nGetUser's calls per second are ${(ratio * 100).toFixed(0)}% of the baseline's (target ≥ 70%: ${ratio >= 0.7 ? "met" : "MISSED"}).`);
    console.log(`${SAMPLES} sequential samples per scenario after ${WARM_UP} to warm up, then ${PARALLEL_CALLS} calls at concurrency ${PARALLEL}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} CPUs.`);
  } finally {
    stop();
  }
}

main().catch((err: unknown) => {
  console.error("bench:api failed:", err);
  process.exitCode = 1;
});
