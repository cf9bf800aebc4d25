import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { migratedSqliteDatabase } from "@/prisma/migrate-sqlite";

// `npm run bench:auth`: what the authorization door adds to every request, on the demo data with
// every AWS managed policy. One request's door is sessionCaller (cookie → session row → identity)
// plus decideOperations (the engine on the caller's policies, compiled once per principal and
// refreshed when anything changes), timed for a user in three groups (AdministratorAccess,
// PowerUserAccess, ReadOnlyAccess) with a permissions boundary: warm, and as the first request
// after a change. Then sign-in's password hashing: the event loop's delay while ten scrypt
// verifications run at once, which must stay small (the hashing runs on libuv's thread pool).

const ROOT = path.resolve(__dirname, "..");
const DB_FILE = path.join(ROOT, ".tmp", "bench", "iam-bench-auth.db");
const WARM_UP = 50;
const SAMPLES = 300;
const AFTER_CHANGE = 60;
const TARGET_P95_MS = 2;
const HASHES = 10;

// Before lib/db opens its database: a scratch one, and a master key of this run's own (never the checkout's data/master.key).
process.env.DATABASE_URL = migratedSqliteDatabase(DB_FILE);
process.env.IAM_MASTER_KEY = randomBytes(32).toString("base64");

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (value: number) => `${value.toFixed(3)} ms`.padStart(12);

async function main(): Promise<void> {
  const { db } = await import("@/lib/db");
  const { seedDatabase } = await import("@/prisma/seed/run");
  const { createUser } = await import("@/lib/data/create-user");
  const { createGroup } = await import("@/lib/data/create-group");
  const { addUserToGroup } = await import("@/lib/data/add-user-to-group");
  const { attachPolicy } = await import("@/lib/data/attach-policy");
  const { createPolicy } = await import("@/lib/data/create-policy");
  const { putPermissionsBoundary } = await import("@/lib/data/put-permissions-boundary");
  const { tagResource } = await import("@/lib/data/tag-resource");
  const { createSession } = await import("@/lib/auth/sessions");
  const { sessionCaller } = await import("@/lib/auth/authenticate");
  const { currentStamp, decideOperations } = await import("@/lib/auth/authorize");
  const { hashPassword, verifyPassword } = await import("@/lib/passwords");

  const seeded = performance.now();
  await seedDatabase();
  console.log(`› Seeded the demo data with every AWS managed policy in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

  const account = "123456789012";
  const userName = "bench-operator";
  await createUser(account, { userName, path: "/", tags: [] });
  for (const [group, policy] of [["bench-admins", "AdministratorAccess"], ["bench-power", "PowerUserAccess"], ["bench-readers", "ReadOnlyAccess"]]) {
    await createGroup(account, { groupName: group, path: "/" });
    await attachPolicy("group", account, group, `arn:aws:iam::aws:policy/${policy}`);
    await addUserToGroup(account, group, userName);
  }
  const boundary = await createPolicy(account, {
    policyName: "BenchBoundary",
    path: "/",
    description: "",
    tags: [],
    policyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["iam:*", "s3:*", "ec2:*", "sts:*"], Resource: "*" }] }),
  });
  await putPermissionsBoundary("user", account, userName, boundary.arn);
  const user = await db().user.findFirstOrThrow({ where: { accountId: account, nameLower: userName } });
  const facts = { sourceIp: "127.0.0.1", userAgent: "bench:auth", secure: false };
  const { token } = await createSession({ accountId: account, userId: user.id, principalArn: user.arn, mfaAt: null, mustChangePassword: false, facts });

  // What a request to create a user with tags asks of the door: its action, resource and context.
  const operations = [
    { account, action: "iam:CreateUser", resource: `arn:aws:iam::${account}:user/new-user`, context: { "aws:RequestTag/team": "bench", "aws:TagKeys": ["team"] } },
  ];
  interface Sample {
    total: number;
    session: number;
    stamp: number;
    engine: number;
  }
  // The door's three parts, as apiRoute runs them: the session, the stamp of what is stored, the engine.
  const door = async (): Promise<Sample> => {
    const started = performance.now();
    const who = await sessionCaller(token);
    const read = performance.now();
    const stamp = await currentStamp();
    const stamped = performance.now();
    if (!who) throw new Error("the bench session is not live");
    const [verdict] = await decideOperations(who.identity, facts, operations, new Date(), stamp);
    const decided = performance.now();
    if (!verdict.allowed) throw new Error(`the bench user was refused: ${verdict.message}`);
    return { total: decided - started, session: read - started, stamp: stamped - read, engine: decided - stamped };
  };
  const sorted = (samples: Sample[], part: keyof Sample) => samples.map((sample) => sample[part]).sort((a, b) => a - b);
  const row = (label: string, values: number[], target = "") => console.log(`${label.padEnd(40)}${ms(percentile(values, 50))}${ms(percentile(values, 95))}   ${target}`);

  const cold = await door();
  for (let i = 0; i < WARM_UP; i++) await door();
  const warm: Sample[] = [];
  for (let i = 0; i < SAMPLES; i++) warm.push(await door());

  // Each change moves the stamp: the next request re-reads and recompiles the caller's policies.
  const afterChange: Sample[] = [];
  for (let i = 0; i < AFTER_CHANGE; i++) {
    await tagResource("user", account, userName, [{ key: "round", value: String(i) }]);
    afterChange.push(await door());
  }

  const warmTotal = sorted(warm, "total");
  const met = percentile(warmTotal, 95) <= TARGET_P95_MS;
  console.log(`\n${"the door, per request".padEnd(40)}${"median".padStart(12)}${"p95".padStart(12)}   target (p95)`);
  row("warm (policies compiled)", warmTotal, `≤ ${TARGET_P95_MS} ms ${met ? "met" : "MISSED"}`);
  row("  session: cookie → row → identity", sorted(warm, "session"));
  row("  stamp: has anything changed?", sorted(warm, "stamp"));
  row("  engine: decideOperations", sorted(warm, "engine"));
  row("first request after a change", sorted(afterChange, "total"));
  row("  engine: re-read and recompile", sorted(afterChange, "engine"));
  console.log(`${"first request of the process".padEnd(40)}${ms(cold.total)}`);
  console.log(`${SAMPLES} warm samples after ${WARM_UP} to warm up; ${AFTER_CHANGE} after a change each.`);

  // Sign-in's scrypt: ten verifications at once, while a timer measures how late the loop runs;
  // then the loop left idle as long, for the delay the machine itself causes.
  const hash = await hashPassword("Bench-Passw0rd!");
  const delayWhile = async (work: () => Promise<unknown>) => {
    const monitor = monitorEventLoopDelay({ resolution: 1 });
    monitor.enable();
    const started = performance.now();
    await work();
    const elapsed = performance.now() - started;
    monitor.disable();
    const inMs = (ns: number) => (ns / 1e6).toFixed(1);
    return { elapsed, text: `p50 ${inMs(monitor.percentile(50))} ms, p99 ${inMs(monitor.percentile(99))} ms, max ${inMs(monitor.max)} ms` };
  };
  let verified: boolean[] = [];
  const hashing = await delayWhile(async () => {
    verified = await Promise.all(Array.from({ length: HASHES }, (_, i) => verifyPassword(i % 2 === 0 ? "Bench-Passw0rd!" : "wrong", hash)));
  });
  if (verified.filter(Boolean).length !== HASHES / 2) throw new Error("scrypt verification answered wrongly");
  const idle = await delayWhile(() => new Promise((resolve) => setTimeout(resolve, hashing.elapsed)));
  console.log(`\n${HASHES} concurrent scrypt verifications took ${hashing.elapsed.toFixed(0)} ms; the event loop's delay meanwhile: ${hashing.text}`);
  console.log(`The loop left idle as long: ${idle.text} (a synchronous scrypt would have held it for the whole time).`);
  console.log(`Load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} CPUs.`);

  await db().$disconnect();
}

main().catch((err: unknown) => {
  console.error("bench:auth failed:", err);
  process.exitCode = 1;
});
