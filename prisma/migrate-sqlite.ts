import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const MIGRATIONS = path.resolve(__dirname, "migrations");

/**
 * Creates (or starts afresh) the SQLite database at `file` with every migration applied, as
 * `prisma migrate deploy` would but without the CLI: for tests and benchmarks, which each want a
 * scratch database of their own. Answers its DATABASE_URL.
 */
export function migratedSqliteDatabase(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const sqlite = new Database(file);
  try {
    // As lib/db.ts opens it: WAL, so readers are not blocked by a writer (stored in the file).
    sqlite.pragma("journal_mode = WAL");
    for (const name of fs.readdirSync(MIGRATIONS).sort()) {
      const sql = path.join(MIGRATIONS, name, "migration.sql");
      if (fs.existsSync(sql)) sqlite.exec(fs.readFileSync(sql, "utf8"));
    }
  } finally {
    sqlite.close();
  }
  return `file:${file}`;
}
