import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { importManagedPolicies, readManagedPolicies } from "@/prisma/seed/import-managed-policies";
import { BENCH, seedBulk } from "./seed-bulk";
import { bin, DIST, ROOT, run } from "./next-server";

// The scratch database the HTTP benches (bench:db, bench:api) serve: migrated, every AWS managed
// policy, and the bulk bench account (10,000 users…), with a master key of the bench's own that
// this process and the server it starts share.

/** The environment of the bench and of its server, for the database file `name` under .tmp/bench. */
export function benchEnv(name: string): NodeJS.ProcessEnv & { DATABASE_URL: string; IAM_MASTER_KEY: string } {
  return {
    ...process.env,
    DATABASE_URL: `file:${path.join(ROOT, ".tmp", "bench", name)}`,
    NEXT_DIST_DIR: DIST,
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    // The bench's own master key: the server must open the secrets this process sealed.
    IAM_MASTER_KEY: process.env.IAM_MASTER_KEY ?? randomBytes(32).toString("base64"),
  };
}

/** Makes the database of `env` afresh and seeds it; lib/db's db() then opens it in this process. */
export async function bulkDatabase(env: ReturnType<typeof benchEnv>): Promise<void> {
  const file = env.DATABASE_URL.slice("file:".length);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  run("Migrating a scratch database", bin("prisma"), ["migrate", "deploy"], env, true);
  // db() opens its database on first use: point it at the scratch one.
  Object.assign(process.env, { DATABASE_URL: env.DATABASE_URL, IAM_MASTER_KEY: env.IAM_MASTER_KEY });
  const started = performance.now();
  await importManagedPolicies(db(), readManagedPolicies());
  await seedBulk(db());
  console.log(`› Seeded ${BENCH.users} users, ${BENCH.roles} roles, ${BENCH.policies} customer policies in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
