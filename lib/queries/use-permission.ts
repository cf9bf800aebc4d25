"use client";

import { useQuery } from "@tanstack/react-query";
import type { SessionCheckResult } from "@/lib/schemas/session-check";
import { api, ApiError } from "./api";
import type { PermissionCheck } from "./permission-checks";
import { useSession } from "./use-session";

/**
 * "May I?" for the console's write buttons: POST /api/v1/session/check, decided by the engine for
 * the caller as the server decides the write itself. A button whose write is refused is shown
 * disabled with AWS's reason; the server still decides the write when it is made.
 */

export type { PermissionCheck } from "./permission-checks";

export interface Permission {
  /** AWS's AccessDenied message when the caller may not; null when allowed, or while unknown. */
  denied: string | null;
  /** The answer is still on its way. */
  checking: boolean;
}

/** The server's limit per request; a page with more checks sends several. */
const BATCH_LIMIT = 50;
/** How long checks wait for the rest of the page's buttons before they are sent together. */
const BATCH_WINDOW_MS = 10;

interface Waiting {
  check: PermissionCheck;
  resolve: (result: SessionCheckResult) => void;
  reject: (error: unknown) => void;
}

let waiting: Waiting[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;

function send(batch: Waiting[]): void {
  api<{ results: SessionCheckResult[] }>("/session/check", "POST", { checks: batch.map((entry) => entry.check) }).then(
    ({ results }) =>
      batch.forEach((entry, index) => {
        const result = results[index];
        if (result) entry.resolve(result);
        else entry.reject(new ApiError("InternalError", "The server answered fewer checks than it was asked.", 500));
      }),
    (error: unknown) => batch.forEach((entry) => entry.reject(error)),
  );
}

function flush(): void {
  const batch = waiting;
  waiting = [];
  timer = null;
  for (let start = 0; start < batch.length; start += BATCH_LIMIT) send(batch.slice(start, start + BATCH_LIMIT));
}

/** One check, sent with the others asked for in the same moment (a page's buttons as it renders). */
function ask(check: PermissionCheck): Promise<SessionCheckResult> {
  return new Promise((resolve, reject) => {
    waiting.push({ check, resolve, reject });
    timer ??= setTimeout(flush, BATCH_WINDOW_MS);
  });
}

/**
 * Whether the caller may make `check` (null: nothing to ask). Cached per acting identity, so
 * signing in as someone else or switching role asks again; kept under the account's query key,
 * so a write in that account (which may change the caller's policies) asks again too.
 */
export function usePermission(check: PermissionCheck | null): Permission {
  // Who the session acts as: the checks are cached per acting ARN (a role session's own ARN).
  const actingArn = useSession().data?.identity.arn;
  const answer = useQuery({
    queryKey: ["account", check?.account ?? "", "permission", actingArn, check?.action, check?.resource, check?.context ?? null],
    queryFn: () => ask(check!),
    enabled: check !== null && actingArn !== undefined,
  });
  return { denied: answer.data && !answer.data.allowed ? (answer.data.message ?? "Access denied.") : null, checking: check !== null && answer.isPending };
}
