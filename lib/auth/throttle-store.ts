import "server-only";
import { db } from "@/lib/db";
import { retryWhileBusy } from "@/lib/data/busy";
import { httpError, type IamError } from "@/lib/errors";
import { checkThrottle, EMPTY_THROTTLE, parseFailures, recordFailure, type ThrottleKind, type ThrottleState, type ThrottleVerdict } from "@/lib/auth/throttle";

/**
 * The SignInThrottle rows behind lib/auth/throttle.ts: one per principal (keyed by its ARN) and
 * one per source address ("ip:ADDRESS"). A row without recent failures or a lock is deleted.
 */

export const addressKey = (sourceIp: string): string => `ip:${sourceIp}`;

async function read(key: string): Promise<ThrottleState> {
  const row = await db().signInThrottle.findUnique({ where: { key } });
  return row ? { failures: parseFailures(row.failures), lockedUntil: row.lockedUntil?.getTime() ?? null } : EMPTY_THROTTLE;
}

export interface ThrottleKey {
  key: string;
  kind: ThrottleKind;
}

/** The first refusal among the keys at `now` (a lock before a delay), or allowed. */
export async function checkThrottles(keys: readonly ThrottleKey[], now: number): Promise<ThrottleVerdict> {
  const verdicts = await Promise.all(keys.map(async ({ key, kind }) => checkThrottle(await read(key), kind, now)));
  return verdicts.find((verdict) => !verdict.allowed && verdict.reason === "locked") ?? verdicts.find((verdict) => !verdict.allowed) ?? { allowed: true };
}

/** Counts a failure against every key, each read and written in one transaction. */
export async function recordFailures(keys: readonly ThrottleKey[], now: number): Promise<void> {
  await retryWhileBusy(() =>
    db().$transaction(async (tx) => {
      for (const { key, kind } of keys) {
        const row = await tx.signInThrottle.findUnique({ where: { key } });
        const state = row ? { failures: parseFailures(row.failures), lockedUntil: row.lockedUntil?.getTime() ?? null } : EMPTY_THROTTLE;
        const next = recordFailure(state, kind, now);
        const data = { failures: JSON.stringify(next.failures), lockedUntil: next.lockedUntil === null ? null : new Date(next.lockedUntil) };
        await tx.signInThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
      }
    }),
  );
}

/** Forgets a principal's failures and lock (a successful sign-in, or an administrator's unlock). */
export async function clearThrottle(key: string): Promise<void> {
  await retryWhileBusy(() => db().signInThrottle.deleteMany({ where: { key } }));
}

/** The principal's lock at `now`, if any: its end. */
export async function lockedUntil(key: string, now: number): Promise<number | null> {
  const state = await read(key);
  return state.lockedUntil !== null && state.lockedUntil > now ? state.lockedUntil : null;
}

/**
 * The answer to an attempt refused unchecked: 429 Throttling with Retry-After for a delay, 403
 * AccessDenied saying until when for a lock. Worded alike whether or not the principal exists.
 */
export function throttleRefusal(verdict: Exclude<ThrottleVerdict, { allowed: true }>, now: number, who: "user" | "root"): IamError {
  if (verdict.reason === "locked") {
    const until = new Date(verdict.until).toISOString().replace(/\.\d{3}Z$/, "Z");
    const unlock = who === "user" ? " An administrator can unlock it sooner." : "";
    return httpError("AccessDenied", `Too many failed sign-in attempts: sign-in for this ${who === "user" ? "user" : "root user"} is locked until ${until}.${unlock}`);
  }
  const seconds = Math.max(1, Math.ceil((verdict.until - now) / 1000));
  return httpError("Throttling", `Too many failed sign-in attempts. Wait ${seconds} second${seconds === 1 ? "" : "s"} before trying again.`, { "Retry-After": String(seconds) });
}
