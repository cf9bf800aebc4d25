import { db } from "@/lib/db";
import { importManagedPolicies, readManagedPolicies, type ImportResult } from "./import-managed-policies";
import { hashDemoPasswords, seedDemo } from "./demo";

export interface SeedReport {
  managedPolicies: ImportResult;
  demo: "written" | "skipped (the database already has accounts)";
  milliseconds: number;
}

/**
 * Seeds a database: imports (or refreshes) the AWS managed policies, then writes the demo
 * accounts with their sign-ins if there are no accounts yet. Safe to run again: a second run
 * changes nothing.
 */
export async function seedDatabase(): Promise<SeedReport> {
  const started = performance.now();
  const managedPolicies = await importManagedPolicies(db(), readManagedPolicies());
  const empty = (await db().account.count()) === 0;
  if (empty) await seedDemo(await hashDemoPasswords());
  return {
    managedPolicies,
    demo: empty ? "written" : "skipped (the database already has accounts)",
    milliseconds: Math.round(performance.now() - started),
  };
}
