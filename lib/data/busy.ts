import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { isDatabaseBusy } from "@/lib/db-errors";
import { databaseBusy } from "@/lib/errors";

export { isDatabaseBusy };

/**
 * SQLite's own wait for a lock, per statement. better-sqlite3 is synchronous, so this wait blocks
 * the event loop: it stays short, and longer waits happen between attempts, on timers.
 */
export const BUSY_TIMEOUT_MS = 50;
/** The first pause before another attempt; each pause doubles, up to MAX_RETRY_DELAY_MS. */
export const FIRST_RETRY_DELAY_MS = 10;
export const MAX_RETRY_DELAY_MS = 320;
/** After this long without the lock, the caller is told to come back (503 with Retry-After). */
export const GIVE_UP_AFTER_MS = 5_000;

/**
 * Runs `attempt` until it is not refused for a lock, pausing on timers between attempts (10 ms,
 * doubling, at most 320 ms) so the event loop serves other requests meanwhile. An attempt must be
 * whole: a transaction is retried from its start, never a statement inside it. After
 * GIVE_UP_AFTER_MS the last lock error becomes `giveUp(err)`; other errors are not retried.
 */
export async function retryWhileBusy<T>(
  attempt: () => Promise<T>,
  giveUp: (err: unknown) => unknown = databaseBusy,
): Promise<T> {
  const deadline = Date.now() + GIVE_UP_AFTER_MS;
  for (let delay = FIRST_RETRY_DELAY_MS; ; delay = Math.min(delay * 2, MAX_RETRY_DELAY_MS)) {
    try {
      return await attempt();
    } catch (err) {
      if (!isDatabaseBusy(err)) throw err;
      const left = deadline - Date.now();
      if (left <= 0) throw giveUp(err);
      await sleep(Math.min(delay, left));
    }
  }
}
