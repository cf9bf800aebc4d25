import { db } from "@/lib/db";
import { seedDatabase } from "./seed/run";

// `npm run db:seed`: AWS managed policies and the demo accounts, into a migrated database.
seedDatabase()
  .then((report) => {
    const { created, updated, unchanged } = report.managedPolicies;
    console.log(`AWS managed policies: ${created} imported, ${updated} updated, ${unchanged} unchanged.`);
    console.log(`Demo accounts: ${report.demo}.`);
    console.log(`Seeded in ${(report.milliseconds / 1000).toFixed(1)} s.`);
  })
  .catch((err: unknown) => {
    console.error("Seeding failed:", err);
    process.exitCode = 1;
  })
  .finally(() => db().$disconnect());
