import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { retryWhileBusy } from "@/lib/data/busy";
import type { IamAction } from "@/lib/data/iam-action";

export type Tx = Prisma.TransactionClient;

export interface ChangeRecord {
  accountId: string | null;
  /** AWS API action name, e.g. CreateUser, AttachGroupPolicy. */
  action: IamAction;
  targetArn: string;
  summary: string;
}

/**
 * Runs one write as one transaction and appends its change-log events in that same transaction,
 * so a write is either whole, with its history, or not at all. While another connection holds the
 * write lock the transaction is rolled back and run again from its start, on timers (see busy.ts);
 * after 5 s the answer is 503 ServiceUnavailable, with nothing written.
 */
export async function write<T>(
  run: (tx: Tx, log: (change: ChangeRecord) => void) => Promise<T>,
): Promise<T> {
  return retryWhileBusy(() =>
    db().$transaction(async (tx) => {
      const changes: ChangeRecord[] = [];
      const result = await run(tx, (change) => changes.push(change));
      if (changes.length > 0) await tx.changeEvent.createMany({ data: changes });
      return result;
    }),
  );
}
