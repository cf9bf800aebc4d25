import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * Points DATABASE_URL at a fresh temporary SQLite database with every migration applied.
 * Used as a vitest setup file, so each test file gets its own database.
 */
export function createTestDatabase(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iam-test-"));
  const file = path.join(dir, "iam.db");
  const sqlite = new Database(file);
  const migrations = path.resolve(__dirname, "../../prisma/migrations");
  for (const name of fs.readdirSync(migrations).sort()) {
    const sql = path.join(migrations, name, "migration.sql");
    if (fs.existsSync(sql)) sqlite.exec(fs.readFileSync(sql, "utf8"));
  }
  sqlite.close();
  return `file:${file}`;
}

process.env.DATABASE_URL = createTestDatabase();
