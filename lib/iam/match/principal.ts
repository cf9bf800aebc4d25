/**
 * Principal and NotPrincipal in resource-based policies and trust policies
 * ("AWS JSON policy elements: Principal" and "...: NotPrincipal").
 */
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

const ACCOUNT_ID = /^\d{12}$/;
const ROOT_ARN = /^arn:[^:]+:iam::(\d{12}):root$/;
const ROLE_ARN = /^arn:[^:]+:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;

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
      const root = ROOT_ARN.exec(value);
      const role = ROLE_ARN.exec(value);
      if (value === "*") everyone = true;
      else if (ACCOUNT_ID.test(value)) accounts.add(value);
      else if (root) accounts.add(root[1]);
      else if (role) roles.add(`${role[1]}/${role[2]}`);
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
