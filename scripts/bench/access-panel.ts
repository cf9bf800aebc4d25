import path from "node:path";
import { migratedSqliteDatabase } from "@/prisma/migrate-sqlite";
import { NextRequest } from "next/server";

// The effective-permissions panel's server time: the route handler end to end (database
// reads, analysis over the whole catalog, JSON), in process, for a user with 10 attached AWS
// managed policies, a group with 10 more, and 3 inline policies. Target: median ≤ 150 ms.
// Run alone: `tsx --conditions=react-server scripts/bench/access-panel.ts`.

const ROOT = path.resolve(__dirname, "../..");
const DB_FILE = path.join(ROOT, ".tmp", "bench", "access-panel.db");
const ACCOUNT = "210987654321";
const WARM_UP = 5;
const SAMPLES = 40;
export const ACCESS_PANEL_TARGET_MS = 150;

const DIRECT = [
  "ReadOnlyAccess", "AmazonS3FullAccess", "AmazonEC2FullAccess", "AmazonDynamoDBFullAccess", "AWSLambda_FullAccess",
  "CloudWatchFullAccess", "AmazonRDSFullAccess", "IAMReadOnlyAccess", "AmazonSQSFullAccess", "AmazonSNSFullAccess",
];
const VIA_GROUP = [
  "PowerUserAccess", "AmazonVPCFullAccess", "AWSCloudFormationFullAccess", "AmazonECS_FullAccess", "AmazonKinesisFullAccess",
  "SecretsManagerReadWrite", "AmazonSSMFullAccess", "AmazonRoute53FullAccess", "AWSKeyManagementServicePowerUser", "AmazonEventBridgeFullAccess",
];

const inline = (sid: string, statement: object) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: sid, ...statement }] });
const INLINE = [
  ["ReportsBucket", inline("Reports", { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: "arn:aws:s3:::reports/${aws:username}/*" })],
  ["NoDeletes", inline("NoDeletes", { Effect: "Deny", Action: ["s3:DeleteBucket", "dynamodb:DeleteTable"], Resource: "*" })],
  ["TaggedInstances", inline("Tagged", { Effect: "Allow", Action: "ec2:*", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" } } })],
] as const;

async function arrange(): Promise<void> {
  // Loaded after DATABASE_URL points at the scratch database: db() opens it on first use.
  const { db } = await import("@/lib/db");
  const { importManagedPolicies, readManagedPolicies } = await import("@/prisma/seed/import-managed-policies");
  const { createAccount } = await import("@/lib/data/create-account");
  const { createUser } = await import("@/lib/data/create-user");
  const { createGroup } = await import("@/lib/data/create-group");
  const { addUserToGroup } = await import("@/lib/data/add-user-to-group");
  const { attachPolicy } = await import("@/lib/data/attach-policy");
  const { putInlinePolicy } = await import("@/lib/data/put-inline-policy");
  const { tagResource } = await import("@/lib/data/tag-resource");
  const wanted = new Set([...DIRECT, ...VIA_GROUP]);
  const records = readManagedPolicies().filter((record) => wanted.has(record.name));
  const missing = [...wanted].filter((name) => !records.some((record) => record.name === name));
  if (missing.length > 0) throw new Error(`AWS managed policies not in the package: ${missing.join(", ")}`);
  await importManagedPolicies(db(), records);
  const arn = (name: string) => records.find((record) => record.name === name)?.arn ?? name;
  await createAccount({ accountId: ACCOUNT, alias: "bench-access", displayName: "Bench", rootEmail: "root@example.com" });
  await createUser(ACCOUNT, { userName: "bench", path: "/", tags: [] });
  await tagResource("user", ACCOUNT, "bench", [{ key: "team", value: "blue" }]);
  await createGroup(ACCOUNT, { groupName: "platform", path: "/" });
  await addUserToGroup(ACCOUNT, "platform", "bench");
  for (const name of DIRECT) await attachPolicy("user", ACCOUNT, "bench", arn(name));
  for (const name of VIA_GROUP) await attachPolicy("group", ACCOUNT, "platform", arn(name));
  for (const [name, document] of INLINE) await putInlinePolicy("user", ACCOUNT, "bench", name, document);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export interface AccessPanelBench {
  median: number;
  p95: number;
  /** Median CPU time of the process per request: what the panel costs on an idle machine. */
  cpuMedian: number;
  /** Size of one answer in bytes (before compression). */
  bytes: number;
}

/** Seeds a scratch database, then times GET …/users/bench/effective-permissions. */
export async function benchAccessPanel(): Promise<AccessPanelBench> {
  process.env.DATABASE_URL = migratedSqliteDatabase(DB_FILE);
  await arrange();
  const route = await import("@/app/api/v1/accounts/[accountId]/users/[userName]/effective-permissions/route");
  const url = `http://localhost/api/v1/accounts/${ACCOUNT}/users/bench/effective-permissions`;
  let bytes = 0;
  const once = async () => {
    const res = await route.GET(new NextRequest(url), { params: Promise.resolve({ accountId: ACCOUNT, userName: "bench" }) });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`The panel answered ${res.status}: ${Buffer.from(body).toString()}`);
    bytes = body.byteLength;
  };
  for (let i = 0; i < WARM_UP; i++) await once();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const startedCpu = process.cpuUsage();
    const started = performance.now();
    await once();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(startedCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const { db } = await import("@/lib/db");
  await db().$disconnect();
  return { median: percentile(wall, 50), p95: percentile(wall, 95), cpuMedian: percentile(cpu, 50), bytes };
}

if (require.main === module) {
  benchAccessPanel().then(
    ({ median, p95, cpuMedian, bytes }) => {
      const verdict = median <= ACCESS_PANEL_TARGET_MS ? "within" : "OVER";
      console.log(
        `effective-permissions panel (10 managed + 10 via group + 3 inline): median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ` +
          `CPU ${cpuMedian.toFixed(1)} ms, ${(bytes / 1024).toFixed(0)} KiB — ${verdict} the ${ACCESS_PANEL_TARGET_MS} ms target`,
      );
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
