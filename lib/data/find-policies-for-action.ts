import "server-only";
import { loadCatalogIndex } from "@/lib/catalog/load";
import { loadPolicyInventory, type InventoryPolicyRef } from "@/lib/data/action-policy-inventory";
import { limitedByResources } from "@/lib/data/statement-scope";
import { noSuchEntity } from "@/lib/errors";
import type { Effect } from "@/lib/iam";
import { statementsForService } from "@/lib/iam/compile/policy";
import { actionName } from "@/lib/iam/match/action";

/**
 * The policies of this console with a statement whose Action or NotAction matches one catalog
 * action — Allow or Deny — with what else limits each statement. This is about what a policy
 * says, not about any principal's decision: resources and conditions are reported, not judged.
 */

export interface MatchingStatement {
  /** Index in the document's Statement list (0-based). */
  index: number;
  sid: string | null;
  effect: Effect;
  /** Matched because the action is not in the statement's NotAction list. */
  viaNotAction: boolean;
  resources: string[] | null;
  notResource: boolean;
  limitedByResources: boolean;
  conditions: { operator: string; key: string }[];
}

export interface PolicyForAction {
  policy: InventoryPolicyRef;
  statements: MatchingStatement[];
}

export interface PoliciesForAction {
  /** The action as the catalog spells it, e.g. "s3:GetObject". */
  action: string;
  /** How many policies were looked at. */
  evaluated: number;
  /** Policies with at least one matching Allow statement. */
  allowing: number;
  /** Policies with at least one matching Deny statement. */
  denying: number;
  /** In the inventory's order: the console's own policies first, then AWS managed; by name. */
  policies: PolicyForAction[];
}

/** Every policy with a statement matching `qualifiedAction` ("s3:GetObject", any case). */
export async function findPoliciesForAction(qualifiedAction: string): Promise<PoliciesForAction> {
  const action = loadCatalogIndex().action(qualifiedAction);
  if (!action) throw noSuchEntity(`The action ${qualifiedAction} is not in the action catalog.`, "action");
  const canonical = `${action.service}:${action.name}`;
  const name = actionName(canonical);
  const inventory = await loadPolicyInventory();

  const policies: PolicyForAction[] = [];
  let allowing = 0;
  let denying = 0;
  for (const { ref, compiled, scopes } of inventory) {
    const statements: MatchingStatement[] = [];
    for (const { statement, everyAction } of statementsForService(compiled, name.service)) {
      if (!everyAction && statement.actions.matches(name) === statement.notAction) continue;
      const scope = scopes.get(statement.index) ?? { resources: null, notResource: false, conditions: [] };
      statements.push({
        index: statement.index,
        sid: statement.sid,
        effect: statement.effect,
        viaNotAction: statement.notAction,
        resources: scope.resources,
        notResource: scope.notResource,
        limitedByResources: limitedByResources(scope),
        conditions: scope.conditions,
      });
    }
    if (statements.length === 0) continue;
    if (statements.some((s) => s.effect === "Allow")) allowing += 1;
    if (statements.some((s) => s.effect === "Deny")) denying += 1;
    policies.push({ policy: ref, statements });
  }
  return { action: canonical, evaluated: inventory.length, allowing, denying, policies };
}
