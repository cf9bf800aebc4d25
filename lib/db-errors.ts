// How a locked SQLite database shows itself, for the retry in lib/data/busy.ts and for
// lib/errors.ts, which answers a lock that outlasted every retry with 503 rather than 500.

// SQLITE_BUSY and SQLITE_LOCKED with their extended codes (SQLITE_BUSY_SNAPSHOT, …): another
// connection holds a lock. https://www.sqlite.org/rescode.html#busy
const LOCK_CODE = /^SQLITE_(BUSY|LOCKED)(_[A-Z]+)?$/;

function codeAt(value: unknown, ...path: string[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== "object" || at === null) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

const isLockCode = (code: unknown) => typeof code === "string" && LOCK_CODE.test(code);

/**
 * Whether an error says the database is locked by another connection, in any of the shapes it
 * reaches us: Prisma's P1008 (the adapter's SocketTimeout, for SQLITE_BUSY), Prisma's error
 * carrying the raw SQLite code (extended codes the adapter does not map), or, below Prisma, the
 * adapter's DriverAdapterError.
 */
export function isDatabaseBusy(err: unknown): boolean {
  const code = codeAt(err, "code");
  if (isLockCode(code)) return true;
  if (code === "P1008") return isLockCode(codeAt(err, "meta", "driverAdapterError", "cause", "originalCode"));
  return isLockCode(codeAt(err, "cause", "originalCode"));
}
