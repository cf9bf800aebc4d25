/**
 * Who can's empty state: when nobody is allowed, the principals' statements that nearly allowed
 * the request (lib/iam/near-miss.ts), each with whose it is and the policy it is in. Principals of
 * the resource's account come first; the search stops at `limit` near misses.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import { arnAccount } from "../arn";
import type { CatalogIndex } from "../catalog";
import { resourcePolicyKind } from "../compile/request";
import { RequestContext } from "../context";
import { findNearMisses, NEAR_MISS_LIMIT, type NearMissPart, type NearMissPolicy } from "../near-miss";
import type { EvaluationResult, PolicySource } from "../types";
import { ask, derivedOf, shapeOf, type Question } from "./ask";
import type { HeldPolicy, Inventory, InventoryPrincipal, PolicyRef } from "./types";
import type { WhoCanQuestion } from "./who-can";

export interface WhoCanNearMiss {
  principal: { kind: "user" | "role"; accountId: string; name: string; arn: string };
  policy: PolicyRef;
  viaGroup: string | null;
  statement: number;
  sid: string | null;
  part: NearMissPart;
  /** Follows the statement's name: "allows s3:Get* on …; the request's resource … is an object …". */
  text: string;
}

const allowedIn = (result: EvaluationResult, source: PolicySource) => result.explanation.some((m) => m.effect === "Allow" && m.source === source);

function candidates(principal: InventoryPrincipal, result: EvaluationResult, trust: HeldPolicy | null): { policy: NearMissPolicy; held: HeldPolicy }[] {
  const list: { policy: NearMissPolicy; held: HeldPolicy }[] = [];
  const add = (held: HeldPolicy, source: PolicySource, policyIndex: number) => list.push({ held, policy: { source, policyIndex, compiled: held.compiled, document: held.document ?? null } });
  if (trust && !allowedIn(result, "resource")) add(trust, "resource", 0);
  if (!allowedIn(result, "identity")) principal.identity.forEach((held, i) => add(held, "identity", i));
  if (principal.boundary && !allowedIn(result, "boundary")) add(principal.boundary, "boundary", 0);
  return list;
}

/** Near misses across the inventory for a question nobody is allowed, at most `limit`. */
export function whoCanNearMisses(inventory: Inventory, query: WhoCanQuestion, options: { catalog?: CatalogIndex; limit?: number } = {}): WhoCanNearMiss[] {
  const limit = options.limit ?? NEAR_MISS_LIMIT;
  const target = inventory.roles.find((role) => role.arn === query.resource) ?? null;
  const trust = target && resourcePolicyKind(query.action, query.resource) === "trust" ? target.trust : null;
  const resourceAccount = query.resourceAccount ?? target?.accountId ?? arnAccount(query.resource);
  const everyone = [...inventory.users, ...inventory.roles];
  const ordered = resourceAccount === null ? everyone : [...everyone.filter((p) => p.accountId === resourceAccount), ...everyone.filter((p) => p.accountId !== resourceAccount)];
  const found: WhoCanNearMiss[] = [];
  const cache = new Map();
  for (const principal of ordered) {
    if (found.length >= limit) break;
    const question: Question = { action: query.action, resource: query.resource, resourceAccount: resourceAccount ?? principal.accountId, resourcePolicy: trust?.compiled ?? null, context: query.context };
    const result = ask(principal, question);
    if (result.decision !== "implicitDeny") continue;
    const held = candidates(principal, result, trust);
    const misses = findNearMisses(
      held.map((entry) => entry.policy),
      { action: query.action, resource: query.resource, context: new RequestContext(derivedOf(principal.caller), query.context), shape: shapeOf(principal, question) },
      { catalog: options.catalog, limit: limit - found.length, cache },
    );
    for (const miss of misses) {
      const entry = held.find((h) => h.policy.source === miss.source && h.policy.policyIndex === miss.policyIndex)!;
      const { kind, accountId, name, arn } = principal;
      found.push({ principal: { kind, accountId, name, arn }, policy: entry.held.meta, viaGroup: entry.held.viaGroup, statement: miss.statementIndex, sid: miss.sid, part: miss.part, text: miss.text });
    }
  }
  return found;
}
