import { ask, grantingStatements, type Asker } from "@/lib/data/who-can-evaluate";
import type { InventoryRole } from "@/lib/data/who-can-inventory";
import type { ContextValue, EvaluationResult } from "@/lib/iam";
import { statementsForService } from "@/lib/iam/compile/policy";
import type { PathStatement } from "@/lib/schemas/who-can";

/**
 * Whether a principal may assume a role: sts:AssumeRole on the role's ARN with its trust policy
 * as the resource-based policy, in the role's account — the engine's rules for trust policies
 * (the trust policy must name the caller; naming the account delegates to the caller's own
 * policies; another account's principal needs both). "Grant a user permissions to switch roles".
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_permissions-to-switch.html
 */

const ACCOUNT = /^\d{12}$/;
const ROOT = /^arn:[^:]+:iam::\d{12}:root$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/**
 * Whether the trust policy might name a user or role itself (or everyone), rather than only
 * accounts and services: only then can a principal without sts permissions of its own assume it.
 * Errs towards true for anything unusual, which only costs evaluations.
 */
export function trustMayNameUsers(trustText: string): boolean {
  let document: unknown;
  try {
    document = JSON.parse(trustText);
  } catch {
    return true;
  }
  if (!isRecord(document)) return true;
  for (const statement of asList(document.Statement)) {
    if (!isRecord(statement) || statement.Effect !== "Allow") continue;
    if ("NotPrincipal" in statement || statement.Principal === "*") return true;
    if (!isRecord(statement.Principal)) continue;
    for (const principal of asList(statement.Principal.AWS)) {
      if (typeof principal !== "string" || !(ACCOUNT.test(principal) || ROOT.test(principal))) return true;
    }
  }
  return false;
}

/** Whether any of the principal's identity policies says anything about sts at all. */
export function mayAssumeAny(asker: Asker): boolean {
  return asker.identity.some((held) => statementsForService(held.compiled, "sts").length > 0);
}

export interface Assumption {
  result: EvaluationResult;
  /** The Allow statements of the principal's policies and of the trust policy. */
  statements: PathStatement[];
}

/** The engine's answer to sts:AssumeRole on the role; a role never assumes itself here. */
export function tryAssume(asker: Asker, role: InventoryRole, context: Readonly<Record<string, ContextValue>>): Assumption | null {
  if (asker.caller.arn === role.arn) return null;
  const result = ask(asker, { action: "sts:AssumeRole", resource: role.arn, resourceAccount: role.accountId, resourcePolicy: role.trust.compiled, context });
  return { result, statements: result.decision === "allowed" ? grantingStatements(asker, result, role.trust) : [] };
}

/**
 * Denied only because the statements read context keys the request did not give: it would be
 * allowed with the right context (MFA, source IP …). Only an implicit deny can turn so.
 */
export const wantsContext = (assumption: Assumption | null): assumption is Assumption =>
  assumption !== null && assumption.result.decision === "implicitDeny" && assumption.result.missingContextValues.length > 0;
