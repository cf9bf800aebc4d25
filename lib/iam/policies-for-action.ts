import { statementsForService, type CompiledPolicy } from "./compile/policy";
import { actionName } from "./match/action";
import { limitedByResources, type StatementScope } from "./statement-scope";
import type { Effect } from "./types";

/**
 * Which statements of a policy name one action, Allow or Deny, and what else limits each: what a
 * policy says, not any principal's decision (resources and conditions are reported, not judged).
 * Action and NotAction are matched as "IAM JSON policy elements: NotAction" says: a NotAction
 * statement applies to every action it does not list.
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

const UNSCOPED: StatementScope = { resources: null, notResource: false, conditions: [] };

/** The statements of `compiled` whose Action or NotAction matches `qualifiedAction` ("s3:GetObject"). */
export function statementsForAction(
  compiled: CompiledPolicy,
  qualifiedAction: string,
  scopes: ReadonlyMap<number, StatementScope>,
): MatchingStatement[] {
  const name = actionName(qualifiedAction);
  const matching: MatchingStatement[] = [];
  for (const { statement, everyAction } of statementsForService(compiled, name.service)) {
    if (!everyAction && statement.actions.matches(name) === statement.notAction) continue;
    const scope = scopes.get(statement.index) ?? UNSCOPED;
    matching.push({
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
  return matching;
}
