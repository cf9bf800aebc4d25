import "server-only";
import { db } from "@/lib/db";
import { findRoleOrThrow, findUserOrThrow } from "@/lib/data/lookup";
import { mayAssumeAny, trustMayNameUsers, tryAssume, wantsContext } from "@/lib/data/assumable-roles-trust";
import { loadInventory, roleRef, type InventoryPrincipal } from "@/lib/data/who-can-inventory";
import type { ContextValue } from "@/lib/iam";
import { pageOf } from "@/lib/schemas/common";
import type { AssumableRole, AssumableRolesResult, AssumeQuery, ConditionalAssumption, RoleAssumersResult, RoleRef } from "@/lib/schemas/who-can";

/**
 * The two sides of sts:AssumeRole: the roles (in any account) a user may assume, and the
 * principals (users and roles, in any account) that may assume a role. Each answer is the
 * engine's, with the user's or role's policies and the role's trust policy together. Every
 * principal is judged, as before paging (the counts stay whole); only one page of each list is
 * sent, in a total order (an ARN is unique, and so is account + kind + name).
 */

const principalRef = (p: InventoryPrincipal) => ({ kind: p.kind, accountId: p.accountId, name: p.name, arn: p.arn });
const byAccountThenName = (a: RoleRef, b: RoleRef) => a.accountId.localeCompare(b.accountId) || a.name.localeCompare(b.name, "en");

type Paging = Pick<AssumeQuery, "page" | "pageSize" | "conditionalPage">;

const conditionalPage = (sorted: ConditionalAssumption[], paging: Paging) => pageOf(sorted, { page: paging.conditionalPage, pageSize: paging.pageSize });

export async function listAssumableRoles(
  accountId: string,
  userName: string,
  context: Readonly<Record<string, ContextValue>>,
  paging: Paging,
): Promise<AssumableRolesResult> {
  const { id } = await findUserOrThrow(db(), accountId, userName);
  // The kept inventory of every principal (lib/data/who-can-inventory.ts), fresh after any change.
  const inventory = await loadInventory();
  const user = inventory.users.find((principal) => principal.id === id);
  if (!user) throw new Error(`User ${id} is not in the inventory read after it was found`);
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
    } else if (wantsContext(assumed)) {
      conditional.push({ principal: principalRef(user), role: roleRef(role), missingContextValues: assumed.result.missingContextValues });
    }
  }
  roles.sort((a, b) => byAccountThenName(a.role, b.role));
  conditional.sort((a, b) => byAccountThenName(a.role, b.role));
  return { ...pageOf(roles, paging), conditional: conditionalPage(conditional, paging) };
}

export async function listRoleAssumers(
  accountId: string,
  roleName: string,
  context: Readonly<Record<string, ContextValue>>,
  paging: Paging,
): Promise<RoleAssumersResult> {
  const { arn } = await findRoleOrThrow(db(), accountId, roleName);
  const inventory = await loadInventory();
  const role = inventory.roles.find((r) => r.arn === arn)!;
  // Principals with no sts statement can only get in when the trust policy names them itself.
  const namesUsers = trustMayNameUsers(role.trustText);
  const candidates = [...inventory.users, ...inventory.roles].filter((p) => namesUsers || mayAssumeAny(p));
  const assumers: RoleAssumersResult["items"] = [];
  const conditional: ConditionalAssumption[] = [];
  for (const principal of candidates) {
    const assumed = tryAssume(principal, role, context);
    if (assumed?.result.decision === "allowed") {
      assumers.push({ ...principalRef(principal), crossAccount: principal.accountId !== role.accountId, statements: assumed.statements });
    } else if (wantsContext(assumed)) {
      conditional.push({ principal: principalRef(principal), role: roleRef(role), missingContextValues: assumed.result.missingContextValues });
    }
  }
  const order = (a: { accountId: string; kind: string; name: string }, b: typeof a) =>
    a.accountId.localeCompare(b.accountId) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, "en");
  assumers.sort(order);
  conditional.sort((a, b) => order(a.principal, b.principal));
  return {
    ...pageOf(assumers, paging),
    conditional: conditionalPage(conditional, paging),
    evaluated: { users: inventory.users.length, roles: inventory.roles.length },
  };
}
