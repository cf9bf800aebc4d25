/**
 * Whether one compiled statement applies, element by element. The sweep calls the parts
 * separately because within a sweep only the action changes.
 */
import type { CompiledStatement } from "../compile/policy";
import type { ActionName } from "../match/action";
import type { PrincipalGrant } from "../match/principal";
import type { ContextLookup } from "../variables";
import type { RequestShape } from "./decide";

export function actionApplies(statement: CompiledStatement, action: ActionName): boolean {
  return statement.actions.matches(action) !== statement.notAction;
}

export function resourceApplies(statement: CompiledStatement, resource: string, lookup: ContextLookup): boolean {
  if (statement.resources === null) return true;
  return statement.resources.matches(resource, lookup) !== statement.notResource;
}

/**
 * How the statement names the caller; "everyone" when it has no principal element (policies
 * attached to the principal); null when it does not apply to the caller.
 */
export function principalGrant(statement: CompiledStatement, shape: RequestShape): PrincipalGrant | null {
  const matcher = statement.principal;
  if (matcher === null) return "everyone";
  if (!statement.notPrincipal) return matcher.names(shape.caller);
  // "Don't use ... NotPrincipal ... with a Deny effect for IAM users or roles that have a
  // permissions boundary policy attached": such a statement always denies them
  // ("Permissions boundaries for IAM entities").
  if (statement.effect === "Deny" && shape.hasBoundary) return "everyone";
  return matcher.excludes(shape.caller) ? null : "everyone";
}

/**
 * How the statement names the caller when it applies to this resource and context, whatever
 * the action; null when it does not. For a sweep, where only the action changes.
 */
export function appliesBesidesAction(
  statement: CompiledStatement,
  shape: RequestShape,
  resource: string,
  lookup: ContextLookup,
): PrincipalGrant | null {
  const grant = principalGrant(statement, shape);
  if (grant === null || !resourceApplies(statement, resource, lookup)) return null;
  if (statement.condition && !statement.condition.test(lookup)) return null;
  return grant;
}
