/**
 * Principal and NotPrincipal in resource-based policies and trust policies
 * ("AWS JSON policy elements: Principal" and "...: NotPrincipal").
 */
import { isAccountId, parseIamArn, parseRootArn } from "../arn";
import type { CallerIdentity } from "../principal";

/**
 * How a statement names the caller, strongest first. The evaluation logic depends on it: within
 * one account a grant to the user or session ARN stands alone, a grant to the role ARN is still
 * capped by the boundary and session policy, and a grant to the account delegates to the
 * account's identity-based policies.
 */
export type PrincipalGrant = "everyone" | "direct" | "role" | "account";

export interface PrincipalMatcher {
  /** How the element names the caller, or null when it does not. */
  names(caller: CallerIdentity): PrincipalGrant | null;
  /** NotPrincipal: excluded only when the caller and every identity above it are listed. */
  excludes(caller: CallerIdentity): boolean;
  /** Whether the element names accounts only: no user, role or session of its own, nor everyone. */
  accountsOnly: boolean;
}


function asStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/**
 * Service, Federated and CanonicalUser principals never name the callers this engine models
 * (IAM users, roles, sessions, root), so only the AWS key and "*" are kept.
 */
export function compilePrincipal(element: unknown): PrincipalMatcher {
  let everyone = element === "*";
  const accounts = new Set<string>();
  const arns = new Set<string>();
  const roles = new Set<string>();
  if (typeof element === "object" && element !== null && !Array.isArray(element)) {
    const aws = (element as Record<string, unknown>).AWS;
    for (const value of asStrings(aws)) {
      const root = parseRootArn(value);
      const entity = parseIamArn(value);
      if (value === "*") everyone = true;
      else if (isAccountId(value)) accounts.add(value);
      else if (root) accounts.add(root.accountId);
      else if (entity?.kind === "role" && entity.accountId !== "aws") roles.add(`${entity.accountId}/${entity.name}`);
      else arns.add(value);
    }
  }
  const namesRole = (caller: CallerIdentity) =>
    caller.roleArn !== null && roles.has(`${caller.account}/${caller.name}`);

  return {
    accountsOnly: !everyone && arns.size === 0 && roles.size === 0,
    names(caller) {
      if (everyone) return "everyone";
      if (caller.kind !== "role" && caller.kind !== "root" && arns.has(caller.arn)) return "direct";
      if (namesRole(caller)) return "role";
      if (accounts.has(caller.account)) return caller.kind === "root" ? "direct" : "account";
      return null;
    },
    excludes(caller) {
      if (everyone) return true;
      if (!accounts.has(caller.account)) return false;
      switch (caller.kind) {
        case "root":
          return true;
        case "role":
          return namesRole(caller);
        case "assumedRole":
          return namesRole(caller) && arns.has(caller.arn);
        case "user":
        case "federatedUser":
          return arns.has(caller.arn);
      }
    },
  };
}
