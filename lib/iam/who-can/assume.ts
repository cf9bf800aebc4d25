/**
 * The two sides of sts:AssumeRole: the roles (in any account) a user may assume, and the
 * principals (users and roles, in any account) that may assume a role — each the engine's answer
 * with the principal's policies and the role's trust policy together; and, apart, those the
 * engine allows only with more context, with the values that would do it. Every principal is
 * judged; the lists come in a total order (an ARN is unique, and so is account + kind + name).
 */
import type { ContextValue } from "../types";
import { assumeWithMoreContext, mayAssumeAny, trustMayNamePrincipals, trustNames, tryAssume, type Assumption } from "./trust";
import { roleRef, type AssumableRole, type ConditionalAssumption, type Inventory, type InventoryPrincipal, type InventoryRole, type RoleAssumer, type RoleRef } from "./types";

type Context = Readonly<Record<string, ContextValue>>;

const principalRef = (p: InventoryPrincipal) => ({ kind: p.kind, accountId: p.accountId, name: p.name, arn: p.arn });
const byAccountThenName = (a: RoleRef, b: RoleRef) => a.accountId.localeCompare(b.accountId) || a.name.localeCompare(b.name, "en");
const byAccountKindName = (a: { accountId: string; kind: string; name: string }, b: typeof a) =>
  a.accountId.localeCompare(b.accountId) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, "en");

/** The entry of the "with more context" list for a denied assumption, or null. */
function conditionalOf(principal: InventoryPrincipal, role: InventoryRole, context: Context, assumed: Assumption | null): ConditionalAssumption | null {
  if (assumed === null || assumed.result.decision === "allowed") return null;
  const more = assumeWithMoreContext(principal, role, context, assumed.result);
  return more && { principal: principalRef(principal), role: roleRef(role), missingContextValues: Object.keys(more), context: more };
}

export interface AssumableRoles {
  roles: AssumableRole[];
  conditional: ConditionalAssumption[];
}

/** The roles a user may assume, by account then name, with what each grants. */
export function assumableRoles(inventory: Inventory, user: InventoryPrincipal, context: Context): AssumableRoles {
  const roles: AssumableRole[] = [];
  const conditional: ConditionalAssumption[] = [];
  for (const role of inventory.roles) {
    const assumed = tryAssume(user, role, context);
    if (assumed?.result.decision === "allowed") {
      roles.push({
        role: roleRef(role),
        crossAccount: role.accountId !== user.accountId,
        statements: assumed.statements,
        grants: [...role.identity.map((held) => held.meta), ...(role.boundary ? [role.boundary.meta] : [])],
      });
      continue;
    }
    const more = conditionalOf(user, role, context, assumed);
    if (more) conditional.push(more);
  }
  roles.sort((a, b) => byAccountThenName(a.role, b.role));
  conditional.sort((a, b) => byAccountThenName(a.role, b.role));
  return { roles, conditional };
}

export interface RoleAssumers {
  assumers: RoleAssumer[];
  conditional: ConditionalAssumption[];
}

/** The users and roles that may assume a role, by account, kind then name. */
export function roleAssumers(inventory: Inventory, role: InventoryRole, context: Context): RoleAssumers {
  const assumers: RoleAssumer[] = [];
  const conditional: ConditionalAssumption[] = [];
  const namesPrincipals = trustMayNamePrincipals(role);
  for (const principal of [...inventory.users, ...inventory.roles]) {
    // Without an sts statement of its own, only a trust policy naming it can let a principal in.
    if (!mayAssumeAny(principal) && !(namesPrincipals && trustNames(principal, role))) continue;
    const assumed = tryAssume(principal, role, context);
    if (assumed?.result.decision === "allowed") {
      assumers.push({ ...principalRef(principal), crossAccount: principal.accountId !== role.accountId, statements: assumed.statements });
      continue;
    }
    const more = conditionalOf(principal, role, context, assumed);
    if (more) conditional.push(more);
  }
  assumers.sort(byAccountKindName);
  conditional.sort((a, b) => byAccountKindName(a.principal, b.principal));
  return { assumers, conditional };
}
