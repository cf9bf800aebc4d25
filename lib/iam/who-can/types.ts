/**
 * Who can's inputs and answers. The inputs are an inventory of principals with their policies
 * already compiled (lib/data reads it); each policy carries `meta`, how the answer names it.
 */
import type { CompiledPolicy } from "../compile/policy";
import type { CallerIdentity } from "../principal";
import type { ContextValue, Effect } from "../types";

/** A policy as the answer names it, with what a link to its page needs. */
export interface PolicyRef {
  kind: "managed" | "inline" | "boundary" | "trust";
  name: string;
  arn: string | null;
  awsManaged: boolean;
  owner: { kind: "user" | "group" | "role"; accountId: string; name: string } | null;
}

export interface PathStatement {
  policy: PolicyRef;
  statement: number;
  sid: string | null;
  effect: Effect;
}

export interface RoleRef {
  accountId: string;
  name: string;
  arn: string;
}

/**
 * How a principal gets there: its own policies, a group's, a resource-based policy (a trust
 * policy naming it), as the account root, or by assuming a role that is allowed — directly, or
 * through a chain of roles (role chaining: each role's session assumes the next).
 */
export interface AccessPath {
  via: "direct" | "group" | "resourcePolicy" | "root" | "role";
  group: string | null;
  /** The role the principal assumes (the first of `chain`). */
  role: RoleRef | null;
  /** Through a role: the roles assumed in turn; the last is the one allowed. Empty otherwise. */
  chain: RoleRef[];
  statements: PathStatement[];
}

export interface WhoCanPrincipal {
  kind: "user" | "role" | "root";
  accountId: string;
  name: string;
  arn: string;
  paths: AccessPath[];
}

/** A role a user may assume, with the statements that let it and what the role grants. */
export interface AssumableRole {
  role: RoleRef;
  crossAccount: boolean;
  statements: PathStatement[];
  /** The role's permissions policies, by name, for a first idea of what it grants. */
  grants: PolicyRef[];
}

/** A principal that may assume a role, with the statements that let it. */
export interface RoleAssumer {
  kind: "user" | "role";
  accountId: string;
  name: string;
  arn: string;
  crossAccount: boolean;
  statements: PathStatement[];
}

/**
 * Denied as asked, allowed with more context: `context` holds values of the keys the request did
 * not give (aws:MultiFactorAuthPresent = true …) with which the engine allows it, and
 * `missingContextValues` names those keys.
 */
export interface ConditionalAssumption {
  principal: RoleRef & { kind: "user" | "role" };
  role: RoleRef;
  missingContextValues: string[];
  context: Record<string, ContextValue>;
}

/** One of a principal's policies, compiled, with how answers name it. */
export interface HeldPolicy {
  meta: PolicyRef;
  compiled: CompiledPolicy;
  /** The document's text as stored, for near misses (patterns as written); absent in some tests. */
  document?: string;
  /** For a user: the group the policy comes through. */
  viaGroup: string | null;
}

/** A user or role with its identity-based policies (its groups' included) and its boundary. */
export interface InventoryPrincipal {
  kind: "user" | "role";
  accountId: string;
  name: string;
  arn: string;
  caller: CallerIdentity;
  identity: readonly HeldPolicy[];
  boundary: HeldPolicy | null;
}

export interface InventoryRole extends InventoryPrincipal {
  kind: "role";
  trust: HeldPolicy;
}

/** Every principal of every account. */
export interface Inventory {
  accountIds: readonly string[];
  users: readonly InventoryPrincipal[];
  roles: readonly InventoryRole[];
}

/** What a role is called in answers: its account, name and ARN. */
export const roleRef = (role: InventoryRole): RoleRef => ({ accountId: role.accountId, name: role.name, arn: role.arn });
