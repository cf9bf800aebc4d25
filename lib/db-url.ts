import fs from "node:fs";
import path from "node:path";

/** The SQLite file URL from DATABASE_URL (default file:./data/iam.db), with its folder created. */
export function sqliteUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL ?? "file:./data/iam.db";
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite file: URL (got a ${url.split(":")[0]} URL)`);
  }
  const file = url.slice("file:".length);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return url;
}
