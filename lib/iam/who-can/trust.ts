/**
 * Whether a principal may assume a role: sts:AssumeRole on the role's ARN with its trust policy
 * as the resource-based policy, in the role's account — the engine's rules for trust policies
 * (the trust policy must name the caller; naming the account delegates to the caller's own
 * policies; another account's principal needs both). "Grant a user permissions to switch roles",
 * "Cross-account policy evaluation logic".
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 */
import { statementsForService } from "../compile/policy";
import { RequestContext } from "../context";
import { principalGrant } from "../evaluate/statement";
import type { ContextValue, EvaluationResult } from "../types";
import { ask, derivedOf, grantingStatements, shapeOf, type Asker, type Question } from "./ask";
import { allowingContext } from "./more-context";
import type { InventoryRole, PathStatement } from "./types";

/** Whether any of the principal's identity policies says anything about sts at all. */
export function mayAssumeAny(asker: Asker): boolean {
  return asker.identity.some((held) => statementsForService(held.compiled, "sts").length > 0);
}

const assumeQuestion = (role: InventoryRole, context: Readonly<Record<string, ContextValue>>): Question => ({
  action: "sts:AssumeRole",
  resource: role.arn,
  resourceAccount: role.accountId,
  resourcePolicy: role.trust.compiled,
  context,
});

/**
 * Whether an Allow statement of the trust policy may name principals themselves (an ARN, a role,
 * everyone, a NotPrincipal list) rather than accounts only: a cheap test, once per role, before
 * trustNames is asked of each principal.
 */
export function trustMayNamePrincipals(role: InventoryRole): boolean {
  return statementsForService(role.trust.compiled, "sts").some(
    ({ statement }) => statement.effect === "Allow" && (statement.principal === null || statement.notPrincipal || !statement.principal.accountsOnly),
  );
}

/**
 * Whether an Allow statement of the trust policy names the principal itself (its ARN, its role,
 * everyone, or everyone but a NotPrincipal list) rather than its account: only then can a
 * principal with no sts statement of its own assume the role (within its account, a trust policy
 * naming the principal needs no identity-based policy; naming the account, or another account's
 * principal, needs one).
 */
export function trustNames(asker: Asker, role: InventoryRole): boolean {
  if (!trustMayNamePrincipals(role)) return false;
  const shape = shapeOf(asker, assumeQuestion(role, {}));
  for (const { statement } of statementsForService(role.trust.compiled, "sts")) {
    if (statement.effect !== "Allow") continue;
    const grant = principalGrant(statement, shape);
    if (grant !== null && grant !== "account") return true;
  }
  return false;
}

export interface Assumption {
  result: EvaluationResult;
  /** The Allow statements of the principal's policies and of the trust policy. */
  statements: PathStatement[];
}

/** The engine's answer to sts:AssumeRole on the role; a role never assumes itself here. */
export function tryAssume(asker: Asker, role: InventoryRole, context: Readonly<Record<string, ContextValue>>): Assumption | null {
  if (asker.caller.arn === role.arn) return null;
  const result = ask(asker, assumeQuestion(role, context));
  return { result, statements: result.decision === "allowed" ? grantingStatements(asker, result, role.trust) : [] };
}

/**
 * For an assumption denied while its statements read keys the context lacked: values of those
 * keys with which the engine allows it, or null when there are none.
 */
export function assumeWithMoreContext(asker: Asker, role: InventoryRole, context: Readonly<Record<string, ContextValue>>, denied: EvaluationResult): Record<string, ContextValue> | null {
  return allowingContext(
    {
      action: "sts:AssumeRole",
      policies: [...asker.identity.map((held) => held.compiled), ...(asker.boundary ? [asker.boundary.compiled] : []), role.trust.compiled],
      lookup: new RequestContext(derivedOf(asker.caller), context),
      context,
      evaluate: (more) => ask(asker, assumeQuestion(role, more)),
    },
    denied,
  );
}
