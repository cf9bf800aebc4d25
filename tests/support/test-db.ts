import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migratedSqliteDatabase } from "@/prisma/migrate-sqlite";

/**
 * Points DATABASE_URL at a fresh temporary SQLite database with every migration applied.
 * Used as a vitest setup file, so each test file gets its own database.
 */
export function createTestDatabase(): string {
  return migratedSqliteDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), "iam-test-")), "iam.db"));
}

process.env.DATABASE_URL = createTestDatabase();

// Secrets are sealed under a key of the test run's own, never data/master.key of the checkout.
process.env.IAM_MASTER_KEY ??= randomBytes(32).toString("base64");

// The AWS SDK clients (dev dependencies, pinned) warn on every run that their releases after
// January 2027 need Node 22; this machine runs Node 20, which the pinned versions support.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
