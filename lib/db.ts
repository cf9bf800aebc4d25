import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapterFactory } from "@prisma/client/runtime/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { sqliteUrl } from "@/lib/db-url";
import { BUSY_TIMEOUT_MS, retryWhileBusy } from "@/lib/data/busy";

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { iamDb?: PrismaClient };

/** The one Prisma client of this process (reused across hot reloads in development). */
export function db(): PrismaClient {
  globalForDb.iamDb ??= createDb();
  return globalForDb.iamDb;
}

export function createDb(url: string = sqliteUrl()): PrismaClient {
  return new PrismaClient({ adapter: sqliteAdapter(url) });
}

const keepError = (err: unknown) => err;

/**
 * Prisma's better-sqlite3 adapter made fit for a file other processes may lock. WAL mode: readers
 * never wait for a writer, and once this connection is open no other process can shut its reads
 * out, so only writes meet a lock (write() retries them). A 50 ms busy wait instead of
 * better-sqlite3's 5 s, which is a synchronous sleep that froze every request.
 */
function sqliteAdapter(url: string): SqlDriverAdapterFactory {
  const factory = new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      try {
        // Stored in the file: this converts a database once; later it only checks. Another
        // process may hold the file at this moment, so wait for it on timers. If it never lets
        // go, the connection fails and Prisma connects again on the next query.
        await retryWhileBusy(() => adapter.queryRaw(USE_WAL), keepError);
      } catch (err) {
        await adapter.dispose();
        throw err;
      }
      return adapter;
    },
  };
}

const USE_WAL = { sql: "PRAGMA journal_mode = WAL", args: [], argTypes: [] };
