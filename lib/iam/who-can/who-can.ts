/**
 * Who can: every principal of every account allowed one action on one resource, with the path
 * (its own policies, a group's, a trust policy naming it, the account root, or a role it can
 * assume that is allowed, directly or through a chain of up to MAX_CHAIN roles) and the
 * statements behind it. The engine answers once per principal, with the policy evaluation logic
 * of one account or across accounts ("Policy evaluation logic", "Cross-account policy evaluation
 * logic"); role chaining is "Methods to assume a role".
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_manage-assume.html
 */
import { accountRootArn, arnAccount } from "../arn";
import { resourcePolicyKind } from "../compile/request";
import { parseCaller } from "../principal";
import type { ContextValue, EvaluationResult } from "../types";
import { ask, pathStatement, type Asker, type Question } from "./ask";
import { mayAssumeAny, trustMayNamePrincipals, trustNames, tryAssume } from "./trust";
import { roleRef, type AccessPath, type HeldPolicy, type Inventory, type InventoryPrincipal, type InventoryRole, type PathStatement, type RoleRef, type WhoCanPrincipal } from "./types";

/** Roles in a chain at most: AWS sets no limit, but each hop is a one-hour session of its own. */
export const MAX_CHAIN = 3;

export interface WhoCanQuestion {
  action: string;
  resource: string;
  /** The account that owns the resource when its ARN does not say (S3 bucket ARNs, *). */
  resourceAccount?: string | null;
  context: Readonly<Record<string, ContextValue>>;
}

export interface WhoCanAnswer {
  /** The resource's account: as asked, the stored role's, or the ARN's; null when none says. */
  resourceAccount: string | null;
  /** Every principal allowed, by account, kind (root, user, role) then name. */
  principals: WhoCanPrincipal[];
  /** Principals an explicit deny stops although something allows them. */
  explicitlyDenied: number;
}

/** A role whose sessions reach the action, by the chain of roles from it to the allowed one. */
interface Reach {
  role: InventoryRole;
  chain: RoleRef[];
  statements: PathStatement[];
}

/**
 * The paths of a principal its own answer allows: identity statements grouped by the group they
 * come through; the trust policy's statements (sts actions on a role) join each path.
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
    if (!path) byGroup.set(held.viaGroup, (path = { via: held.viaGroup === null ? "direct" : "group", group: held.viaGroup, role: null, chain: [], statements: [] }));
    path.statements.push(pathStatement(held, matched));
  }
  if (result.gate === "resourcePolicy" || byGroup.size === 0) return [{ via: "resourcePolicy", group: null, role: null, chain: [], statements: fromTrust }];
  const paths = [...byGroup.values()];
  for (const path of paths) path.statements.push(...fromTrust);
  return paths;
}

const isRole = (principal: InventoryPrincipal): principal is InventoryRole => principal.kind === "role";

const KIND_ORDER = { root: 0, user: 1, role: 2 } as const;

function byAccountKindName(a: WhoCanPrincipal, b: WhoCanPrincipal): number {
  return a.accountId.localeCompare(b.accountId) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, "en");
}

// In ARN order, so the chain kept for a role (the first found of the shortest) and the order of
// paths do not depend on the order the inventory holds its principals in.
const byArn = (a: Reach, b: Reach) => (a.role.arn < b.role.arn ? -1 : a.role.arn > b.role.arn ? 1 : 0);

export function whoCan(inventory: Inventory, query: WhoCanQuestion): WhoCanAnswer {
  const { context } = query;
  const target = inventory.roles.find((role) => role.arn === query.resource) ?? null;
  // The trust policy decides every sts action on the role (TagSession, SetSourceIdentity, …).
  const trust = target && resourcePolicyKind(query.action, query.resource) === "trust" ? target.trust : null;
  const resourceAccount = query.resourceAccount ?? target?.accountId ?? arnAccount(query.resource);
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
    if (result.decision === "allowed") allowed.set(arn, { kind: "root", accountId, name: "account root", arn, paths: [{ via: "root", group: null, role: null, chain: [], statements: [] }] });
  }

  // Through a role: principals whose policies and the role's trust policy let them assume it;
  // and, by role chaining, principals that may assume a role whose sessions may assume it.
  const everyone: InventoryPrincipal[] = [...inventory.users, ...inventory.roles];
  const assumers = everyone.filter(mayAssumeAny);
  const mayAssume = new Set(assumers);
  let frontier: Reach[] = allowedRoles.map((role) => ({ role, chain: [roleRef(role)], statements: allowed.get(role.arn)?.paths.flatMap((path) => path.statements) ?? [] })).sort(byArn);
  // Each role joins the search once, by its shortest chain.
  const reached = new Set(allowedRoles.map((role) => role.arn));
  for (let length = 1; frontier.length > 0; length++) {
    const next: Reach[] = [];
    for (const reach of frontier) {
      // Without an sts statement of its own, only a trust policy naming it can let a principal in.
      const candidates = trustMayNamePrincipals(reach.role) ? everyone : assumers;
      for (const principal of candidates) {
        if (reach.chain.some((role) => role.arn === principal.arn)) continue;
        if (!mayAssume.has(principal) && !trustNames(principal, reach.role)) continue;
        const assumed = tryAssume(principal, reach.role, context);
        if (assumed?.result.decision !== "allowed") continue;
        const statements = [...assumed.statements, ...reach.statements];
        const path: AccessPath = { via: "role", group: null, role: reach.chain[0], chain: reach.chain, statements };
        const entry = allowed.get(principal.arn);
        if (entry) entry.paths.push(path);
        else allowed.set(principal.arn, { kind: principal.kind, accountId: principal.accountId, name: principal.name, arn: principal.arn, paths: [path] });
        if (isRole(principal) && length < MAX_CHAIN && !reached.has(principal.arn)) {
          reached.add(principal.arn);
          next.push({ role: principal, chain: [roleRef(principal), ...reach.chain], statements });
        }
      }
    }
    frontier = next.sort(byArn);
  }

  return { resourceAccount, principals: [...allowed.values()].sort(byAccountKindName), explicitlyDenied };
}
