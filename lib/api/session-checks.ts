import "server-only";
import { parseIamArn } from "@/lib/arn";
import { currentStamp, decideOperations } from "@/lib/auth/authorize";
import type { Identity, RequestFacts } from "@/lib/auth/identity";
import { op, policyTarget, principalTarget } from "@/lib/api/operations";
import type { ContextValue } from "@/lib/iam";
import type { SessionCheck, SessionCheckResult } from "@/lib/schemas/session-check";

/**
 * The console's "may I?" for its write buttons: each check decided by the engine for the caller
 * exactly as the API's door decides a request (the same identity, global keys and cached
 * policies), each on its own (the door stops at a request's first refusal; a page's buttons are
 * independent requests). A stored user, group, role or customer managed policy of the account
 * adds its resource tags (aws:ResourceTag/…, iam:ResourceTag/…), as the door does. Nothing is
 * written: these are questions, not requests, so they leave no audit record.
 */
export async function decideChecks(identity: Identity, facts: RequestFacts, checks: readonly SessionCheck[]): Promise<SessionCheckResult[]> {
  const stamp = await currentStamp();
  const now = new Date();
  const results: SessionCheckResult[] = [];
  for (const check of checks) {
    // Another account's tags are never read for the caller (its requests there are refused anyway).
    const context = check.account === identity.accountId ? { ...(await resourceContext(check.account, check.resource)), ...check.context } : check.context;
    const [verdict] = await decideOperations(identity, facts, [op(check.account, check.action, check.resource, context)], now, stamp);
    results.push(verdict.allowed ? { allowed: true, message: null } : { allowed: false, message: verdict.message });
  }
  return results;
}

/** The resource tags the door puts in the context for a stored entity of the account. */
async function resourceContext(account: string, resource: string): Promise<Record<string, ContextValue>> {
  const entity = parseIamArn(resource);
  if (!entity || entity.accountId !== account || entity.name.includes("*")) return {};
  const target = entity.kind === "policy" ? await policyTarget(account, entity.name) : await principalTarget(entity.kind, account, entity.name);
  return target.arn === resource ? target.resourceContext : {};
}
