/**
 * Failed sign-ins, and what they cost the next attempt. Pure: the clock is passed in, and the
 * state is what a SignInThrottle row holds (lib/auth/throttle-store.ts reads and writes it).
 *
 * AWS has no lockout for console passwords ("You can't create a 'lockout policy'", Set an account
 * password policy for IAM users); this console adds one, as issue 11 asks:
 * - within 15 minutes, after the k-th failure beyond the fifth the next attempt is refused
 *   unchecked for min(2^k, 60) seconds;
 * - a principal's 20th failure locks it for 15 minutes (an administrator can unlock it);
 * - a source address only ever meets the delay: a workshop room shares one address, and one
 *   person's typos must not lock the room out.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
 */

/** What a SignInThrottle row holds: recent failures (epoch ms, oldest first) and any lock. */
export interface ThrottleState {
  failures: number[];
  lockedUntil: number | null;
}

/** A principal (its ARN) or a source address ("ip:ADDRESS"). */
export type ThrottleKind = "principal" | "address";

export const WINDOW_MS = 15 * 60 * 1000;
/** Failures that cost nothing. */
export const FREE_FAILURES = 5;
export const MAX_DELAY_MS = 60 * 1000;
/** The principal's failure that locks it. */
export const LOCK_AT = 20;
export const LOCK_MS = 15 * 60 * 1000;

export const EMPTY_THROTTLE: ThrottleState = { failures: [], lockedUntil: null };

export type ThrottleVerdict =
  | { allowed: true }
  | { allowed: false; reason: "delay"; until: number }
  | { allowed: false; reason: "locked"; until: number };

/** The failures still inside the window at `now`. */
export const recentFailures = (state: ThrottleState, now: number): number[] => state.failures.filter((at) => at > now - WINDOW_MS && at <= now);

/** How long the attempt after `count` failures waits after the last: 0 for the first five. */
export function delayAfter(count: number): number {
  const k = count - FREE_FAILURES;
  if (k <= 0) return 0;
  // 2^6 s is already past the cap: no need to compute larger powers.
  return k >= 6 ? MAX_DELAY_MS : Math.min(2 ** k * 1000, MAX_DELAY_MS);
}

/** Whether an attempt at `now` may be checked at all, or is refused unchecked (and until when). */
export function checkThrottle(state: ThrottleState, kind: ThrottleKind, now: number): ThrottleVerdict {
  if (kind === "principal" && state.lockedUntil !== null && state.lockedUntil > now) return { allowed: false, reason: "locked", until: state.lockedUntil };
  const recent = recentFailures(state, now);
  if (recent.length === 0) return { allowed: true };
  const until = recent[recent.length - 1] + delayAfter(recent.length);
  return until > now ? { allowed: false, reason: "delay", until } : { allowed: true };
}

/**
 * The state after a failure at `now`: failures outside the window are dropped; a principal's
 * LOCK_AT-th failure locks it for LOCK_MS and starts its count again (the lock is the penalty).
 */
export function recordFailure(state: ThrottleState, kind: ThrottleKind, now: number): ThrottleState {
  const failures = [...recentFailures(state, now), now];
  const stillLocked = state.lockedUntil !== null && state.lockedUntil > now ? state.lockedUntil : null;
  if (kind === "principal" && failures.length >= LOCK_AT) return { failures: [], lockedUntil: now + LOCK_MS };
  return { failures, lockedUntil: stillLocked };
}

/** The row's failures column read back; anything unreadable counts as no failures. */
export function parseFailures(text: string): number[] {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    return value.filter((at): at is number => typeof at === "number" && Number.isFinite(at)).sort((a, b) => a - b);
  } catch {
    return [];
  }
}
