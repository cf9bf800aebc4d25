import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { sqliteUrl } from "@/lib/db-url";

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { iamDb?: PrismaClient };

/** The one Prisma client of this process (reused across hot reloads in development). */
export function db(): PrismaClient {
  globalForDb.iamDb ??= createDb();
  return globalForDb.iamDb;
}

export function createDb(url: string = sqliteUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}
