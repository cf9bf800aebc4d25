import "server-only";
import { accountRootArn } from "@/lib/arn";
import { ask, pathStatement, type Asker, type Question } from "@/lib/data/who-can-evaluate";
import { loadInventory, type HeldPolicy, type InventoryPrincipal } from "@/lib/data/who-can-inventory";
import { mayAssumeAny, tryAssume, trustMayNameUsers } from "@/lib/data/assumable-roles-trust";
import { parseCaller, type EvaluationResult } from "@/lib/iam";
import type { AccessPath, PathStatement, WhoCanPrincipal, WhoCanQuery, WhoCanResult } from "@/lib/schemas/who-can";

/**
 * Who can: every principal of every account allowed one action on one resource, with the path
 * (its own policies, a group's, a trust policy naming it, the account root, or a role it can
 * assume that is allowed) and the statements behind it. The inventory is read in a few queries
 * and each distinct document compiled once; then the engine answers once per principal.
 */

const MAX_LISTED = 1_000;
const ASSUMES = /^sts:assumerole/i;
const ARN_ACCOUNT = /^arn:[^:]+:[^:]*:[^:]*:(\d{12}):/;

/**
 * The paths of a principal its own answer allows: identity statements grouped by the group they
 * come through; the trust policy's statements (sts:AssumeRole on a role) join each path.
 */
function ownPaths(asker: Asker, result: EvaluationResult, trust: HeldPolicy | null): AccessPath[] {
  const fromTrust: PathStatement[] = [];
  const byGroup = new Map<string | null, AccessPath>();
  for (const matched of result.explanation) {
    if (matched.effect !== "Allow") continue;
    if (matched.source === "resource" && trust) fromTrust.push(pathStatement(trust, matched));
    if (matched.source !== "identity") continue;
    const held = asker.identity[matched.policyIndex];
    let path = byGroup.get(held.viaGroup);
    if (!path) byGroup.set(held.viaGroup, (path = { via: held.viaGroup === null ? "direct" : "group", group: held.viaGroup, role: null, statements: [] }));
    path.statements.push(pathStatement(held, matched));
  }
  if (result.gate === "resourcePolicy" || byGroup.size === 0) return [{ via: "resourcePolicy", group: null, role: null, statements: fromTrust }];
  const paths = [...byGroup.values()];
  for (const path of paths) path.statements.push(...fromTrust);
  return paths;
}

const KIND_ORDER = { root: 0, user: 1, role: 2 } as const;

function byAccountKindName(a: WhoCanPrincipal, b: WhoCanPrincipal): number {
  return a.accountId.localeCompare(b.accountId) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, "en");
}

export async function whoCan(query: WhoCanQuery): Promise<WhoCanResult> {
  const started = performance.now();
  const inventory = await loadInventory();
  const { context } = query;
  const target = inventory.roles.find((role) => role.arn === query.resource) ?? null;
  const trust = target && ASSUMES.test(query.action) ? target.trust : null;
  const resourceAccount = query.resourceAccount ?? target?.accountId ?? ARN_ACCOUNT.exec(query.resource)?.[1] ?? null;
  const questionFor = (account: string): Question => ({
    action: query.action,
    resource: query.resource,
    resourceAccount: resourceAccount ?? account,
    resourcePolicy: trust?.compiled ?? null,
    context,
  });

  const allowed = new Map<string, WhoCanPrincipal>();
  let explicitlyDenied = 0;
  const consider = (principal: InventoryPrincipal) => {
    const result = ask(principal, questionFor(principal.accountId));
    if (result.decision === "explicitDeny") explicitlyDenied += 1;
    if (result.decision !== "allowed") return false;
    const { kind, accountId, name, arn } = principal;
    allowed.set(arn, { kind, accountId, name, arn, paths: ownPaths(principal, result, trust) });
    return true;
  };
  for (const user of inventory.users) consider(user);
  const allowedRoles = inventory.roles.filter((role) => consider(role));

  // The root user of each account: not limited by identity policies in its own account.
  for (const accountId of inventory.accountIds) {
    const arn = accountRootArn(accountId);
    const root = { caller: parseCaller({ arn, tags: {} })!, identity: [], boundary: null };
    const result = ask(root, questionFor(accountId));
    if (result.decision === "explicitDeny") explicitlyDenied += 1;
    if (result.decision === "allowed") allowed.set(arn, { kind: "root", accountId, name: "account root", arn, paths: [{ via: "root", group: null, role: null, statements: [] }] });
  }

  // Through a role: users whose policies and the role's trust policy let them assume it.
  const assumers = inventory.users.filter(mayAssumeAny);
  for (const role of allowedRoles) {
    const candidates = trustMayNameUsers(role.trustText) ? inventory.users : assumers;
    const roleRef = { accountId: role.accountId, name: role.name, arn: role.arn };
    const granted = allowed.get(role.arn)?.paths.flatMap((path) => path.statements) ?? [];
    for (const user of candidates) {
      const assumed = tryAssume(user, role, context);
      if (assumed?.result.decision !== "allowed") continue;
      const path: AccessPath = { via: "role", group: null, role: roleRef, statements: [...assumed.statements, ...granted] };
      const entry = allowed.get(user.arn);
      if (entry) entry.paths.push(path);
      else allowed.set(user.arn, { kind: "user", accountId: user.accountId, name: user.name, arn: user.arn, paths: [path] });
    }
  }

  const principals = [...allowed.values()].sort(byAccountKindName);
  return {
    action: query.action,
    resource: query.resource,
    resourceAccount,
    principals: principals.slice(0, MAX_LISTED),
    total: principals.length,
    truncated: principals.length > MAX_LISTED,
    evaluated: { accounts: inventory.accountIds.length, users: inventory.users.length, roles: inventory.roles.length },
    explicitlyDenied,
    milliseconds: Math.round(performance.now() - started),
  };
}
