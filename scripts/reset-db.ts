import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { sqliteUrl } from "@/lib/db-url";
import { seedDatabase } from "@/prisma/seed/run";

// `npm run db:reset`: delete the SQLite database, apply every migration, seed it again.
// (`prisma migrate reset` fails with the JS engines: see shared/STACK.md.)

async function main(): Promise<void> {
  const file = path.resolve(sqliteUrl().slice("file:".length));
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  console.log(`Deleted ${path.relative(process.cwd(), file)}; applying migrations…`);
  execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: ["ignore", "ignore", "inherit"] });
  const report = await seedDatabase();
  console.log(`Seeded in ${(report.milliseconds / 1000).toFixed(1)} s: ${report.managedPolicies.created} AWS managed policies and the demo accounts.`);
}

main()
  .catch((err: unknown) => {
    console.error("Reset failed:", err);
    process.exitCode = 1;
  })
  .finally(() => db().$disconnect());
