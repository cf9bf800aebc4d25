import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { GIVE_UP_AFTER_MS, retryWhileBusy } from "@/lib/data/busy";
import type { IamAction } from "@/lib/data/iam-action";
import { currentCaller } from "@/lib/auth/caller";

export type Tx = Prisma.TransactionClient;

export interface ChangeRecord {
  accountId: string | null;
  /** AWS API action name, e.g. CreateUser, AttachGroupPolicy. */
  action: IamAction;
  targetArn: string;
  summary: string;
}

/** A change as logged: with who made it, when a request's caller is known (lib/auth/caller.ts). */
function withActor(change: ChangeRecord) {
  const caller = currentCaller();
  if (!caller) return change;
  const { identity, facts } = caller;
  return { ...change, actorArn: identity.arn, accessKeyId: identity.accessKeyId, sourceIp: facts.sourceIp, userAgent: facts.userAgent, mfa: identity.mfaAt !== null };
}

/** The transaction of a writeAll in progress, which every write() it makes joins. */
const enclosing = new AsyncLocalStorage<{ tx: Tx; log: (change: ChangeRecord) => void }>();

/**
 * Runs one write as one transaction and appends its change-log events in that same transaction,
 * so a write is either whole, with its history, or not at all. While another connection holds the
 * write lock the transaction is rolled back and run again from its start, on timers (see busy.ts);
 * after 5 s the answer is 503 ServiceUnavailable, with nothing written. Inside writeAll it joins
 * that transaction instead.
 */
export async function write<T>(
  run: (tx: Tx, log: (change: ChangeRecord) => void) => Promise<T>,
): Promise<T> {
  // This process runs one transaction at a time: wait for one in progress (a writeAll takes
  // seconds) as long as for another process's lock, not Prisma's default 2 s.
  return inTransaction(run, { maxWait: GIVE_UP_AFTER_MS });
}

/**
 * Like write(), for a write made of other writes (the demo reset runs the seed's operations):
 * every write() called inside `run` joins this one transaction and its log, so the whole is
 * committed or rolled back as one. `timeoutMs` bounds how long the transaction may stay open.
 */
export async function writeAll<T>(
  run: (tx: Tx, log: (change: ChangeRecord) => void) => Promise<T>,
  timeoutMs = 60_000,
): Promise<T> {
  return inTransaction(run, { maxWait: timeoutMs, timeout: timeoutMs });
}

/**
 * The one transaction of write() and writeAll(): joins an enclosing writeAll (a second
 * transaction would wait on the one this call is in), else runs `run` with its change log in a
 * new transaction, retried while the database is busy. Every write() inside `run` joins it.
 */
async function inTransaction<T>(
  run: (tx: Tx, log: (change: ChangeRecord) => void) => Promise<T>,
  options: { maxWait: number; timeout?: number },
): Promise<T> {
  const outer = enclosing.getStore();
  if (outer) return run(outer.tx, outer.log);
  return retryWhileBusy(() =>
    db().$transaction(async (tx) => {
      const changes: ChangeRecord[] = [];
      const log = (change: ChangeRecord) => changes.push(change);
      const result = await enclosing.run({ tx, log }, () => run(tx, log));
      if (changes.length > 0) await tx.changeEvent.createMany({ data: changes.map(withActor) });
      return result;
    }, options),
  );
}
