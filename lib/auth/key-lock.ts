/**
 * One attempt at a time per key: sign-in checks its throttle, verifies a password (a slow hash)
 * and only then records a failure, so attempts sent in parallel would all pass the check before
 * the first failure is written and the lockout would never come. Attempts on the same principal
 * wait for each other here, so each sees the failures before it. In-process: one console process
 * serves the sign-ins of a database (replicas would need a lock in the database).
 */
const tails = new Map<string, Promise<void>>();

export async function withKeyLock<T>(keys: readonly string[], run: () => Promise<T>): Promise<T> {
  const unique = [...new Set(keys)].sort();
  const waits = unique.map((key) => tails.get(key) ?? Promise.resolve());
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  for (const key of unique) tails.set(key, done);
  await Promise.all(waits);
  try {
    return await run();
  } finally {
    release();
    for (const key of unique) if (tails.get(key) === done) tails.delete(key);
  }
}
