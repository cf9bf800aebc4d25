import { describe, expect, it } from "vitest";
import { checkThrottle, delayAfter, EMPTY_THROTTLE, LOCK_MS, parseFailures, recordFailure, WINDOW_MS, type ThrottleKind, type ThrottleState } from "@/lib/auth/throttle";

// AWS offers no lockout ("You can't create a 'lockout policy' to lock a user out of the account
// after a specified number of failed sign-in attempts", Set an account password policy for IAM
// users); the console's own rule is issue 11's: within 15 minutes, after the k-th failure beyond
// the fifth the next attempt waits min(2^k, 60) s; a principal's 20th failure locks it for 15
// minutes; a source address only ever meets the delay.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html

const T0 = Date.UTC(2026, 11, 3, 9, 0, 0);
const SECOND = 1000;

/** `count` failures, one every `gap` ms from T0, each made once the throttle allows it. */
function fail(kind: ThrottleKind, count: number, gap = SECOND, start: ThrottleState = EMPTY_THROTTLE): { state: ThrottleState; now: number } {
  let state = start;
  let now = T0;
  for (let i = 0; i < count; i++) {
    const verdict = checkThrottle(state, kind, now);
    if (!verdict.allowed) now = verdict.until;
    state = recordFailure(state, kind, now);
    now += gap;
  }
  return { state, now: now - gap };
}

describe("the sign-in throttle", () => {
  it("lets the first five failures cost nothing", () => {
    const { state, now } = fail("principal", 5);
    expect(state.failures).toHaveLength(5);
    expect(checkThrottle(state, "principal", now)).toEqual({ allowed: true });
  });

  it("after the k-th failure beyond the fifth refuses the next attempt for min(2^k, 60) seconds", () => {
    expect([5, 6, 7, 8, 9, 10, 11, 12, 19].map(delayAfter)).toEqual([0, 2, 4, 8, 16, 32, 60, 60, 60].map((s) => s * SECOND));
    const { state, now } = fail("principal", 7);
    // The 7th failure is the 2nd beyond the fifth: 4 s from it.
    expect(checkThrottle(state, "principal", now + 3999)).toEqual({ allowed: false, reason: "delay", until: now + 4 * SECOND });
    expect(checkThrottle(state, "principal", now + 4 * SECOND)).toEqual({ allowed: true });
  });

  it("counts only the failures of the last 15 minutes", () => {
    const { state, now } = fail("principal", 8);
    const later = now + WINDOW_MS;
    // Every failure is older than 15 minutes by then: the next attempt is free, the count starts again.
    expect(checkThrottle(state, "principal", later)).toEqual({ allowed: true });
    expect(recordFailure(state, "principal", later).failures).toEqual([later]);
  });

  it("locks a principal at its 20th failure for exactly 15 minutes, then lets it start afresh", () => {
    const nineteen = fail("principal", 19);
    expect(nineteen.state.lockedUntil).toBeNull();
    const verdict = checkThrottle(nineteen.state, "principal", nineteen.now);
    const at = verdict.allowed ? nineteen.now : verdict.until;
    const locked = recordFailure(nineteen.state, "principal", at);
    expect(locked).toEqual({ failures: [], lockedUntil: at + LOCK_MS });
    expect(checkThrottle(locked, "principal", at + LOCK_MS - 1)).toEqual({ allowed: false, reason: "locked", until: at + LOCK_MS });
    expect(checkThrottle(locked, "principal", at + LOCK_MS)).toEqual({ allowed: true });
  });

  it("never locks a source address: a room sharing one address meets only the delay", () => {
    const { state, now } = fail("address", 25);
    expect(state.lockedUntil).toBeNull();
    expect(checkThrottle(state, "address", now)).toEqual({ allowed: false, reason: "delay", until: now + 60 * SECOND });
    expect(checkThrottle(state, "address", now + 60 * SECOND)).toEqual({ allowed: true });
  });

  it("reads a damaged failures column as no failures", () => {
    expect(parseFailures("not json")).toEqual([]);
    expect(parseFailures('{"a":1}')).toEqual([]);
    expect(parseFailures(`[${T0 + 2}, "x", ${T0 + 1}]`)).toEqual([T0 + 1, T0 + 2]);
  });
});
