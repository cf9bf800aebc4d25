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

/** Prisma's TransactionManagerError when maxWait passed before the transaction could start. */
const NOT_STARTED_IN_TIME = "Unable to start a transaction in the given time";

const isLockCode = (code: unknown) => typeof code === "string" && LOCK_CODE.test(code);

/**
 * Whether an error says the database is locked by another connection, in any of the shapes it
 * reaches us (or that this process's one transaction slot stayed taken, P2028): Prisma's P1008 (the adapter's SocketTimeout, for SQLITE_BUSY), Prisma's error
 * carrying the raw SQLite code (extended codes the adapter does not map), or, below Prisma, the
 * adapter's DriverAdapterError.
 */
export function isDatabaseBusy(err: unknown): boolean {
  const code = codeAt(err, "code");
  if (isLockCode(code)) return true;
  // The driver adapter runs one transaction at a time per process: a transaction that waited
  // past its maxWait for the one in progress (a demo reset takes seconds) is a busy database too.
  if (code === "P2028") return String(codeAt(err, "message")).includes(NOT_STARTED_IN_TIME);
  if (code === "P1008") return isLockCode(codeAt(err, "meta", "driverAdapterError", "cause", "originalCode"));
  return isLockCode(codeAt(err, "cause", "originalCode"));
}
