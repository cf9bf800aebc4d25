import { z } from "./zod";
import type { AssumableRole, ConditionalAssumption, ContextValue, RoleAssumer, WhoCanNearMiss, WhoCanPrincipal } from "@/lib/iam";
import { accountId, pageQuery, type Page } from "@/lib/schemas/common";
import type { AccountsRead } from "@/lib/schemas/reachable-accounts";

// Who can (GET /api/v1/who-can), the principals who may assume a role (…/roles/NAME/assumed-by)
// and the roles a user may assume (…/users/NAME/assumable-roles).

/** `key=value` lines; a key given more than once becomes a multivalued key. */
export function parseContextLines(text: string): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf("=");
    if (at <= 0) continue;
    const key = line.slice(0, at).trim();
    const value = line.slice(at + 1).trim();
    const before = context[key];
    context[key] = before === undefined ? value : [...(typeof before === "string" ? [before] : before), value];
  }
  return context;
}

/** Request context in a query string: `key=value` lines, e.g. aws:MultiFactorAuthPresent=true. */
const contextLines = z.string().max(4096).default("").transform(parseContextLines);

export const whoCanQuery = z.object({
  action: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]+:[A-Za-z0-9]+$/, "Choose one action, written service:ActionName (for example iam:CreateUser)."),
  resource: z
    .string()
    .trim()
    .max(2048)
    .default("*")
    .refine((value) => value === "*" || value.startsWith("arn:"), "A resource is an ARN (arn:…) or *."),
  /** The account that owns the resource when its ARN does not say (S3 bucket ARNs, *). */
  resourceAccount: accountId.optional(),
  context: contextLines,
  ...pageQuery.shape,
});

export type WhoCanQuery = z.output<typeof whoCanQuery>;

// The answers' parts are the engine's (lib/iam/who-can/types.ts).
export type { AccessPath, WhoCanNearMiss, AssumableRole, ConditionalAssumption, PathStatement, PolicyRef, RoleAssumer, RoleRef, WhoCanPrincipal } from "@/lib/iam";

/**
 * One page of the principals allowed, by account, kind (root, user, role) then name; `total`
 * counts every principal allowed.
 */
export interface WhoCanResult extends Page<WhoCanPrincipal> {
  action: string;
  resource: string;
  resourceAccount: string | null;
  evaluated: { accounts: number; users: number; roles: number };
  /** Principals an explicit deny stops although something allows them. */
  explicitlyDenied: number;
  /** When nobody is allowed: the statements that nearly allowed it (a few at most). */
  nearMisses: WhoCanNearMiss[];
  /** The accounts read (the caller's own, or through a role) and those that could not be. */
  accounts: AccountsRead;
  milliseconds: number;
}

/**
 * One page of the roles a user may assume, by account then name; `conditional` is a page of its
 * own (`conditionalPage`, same `pageSize`) of those it could assume with more context.
 */
export interface AssumableRolesResult extends Page<AssumableRole> {
  conditional: Page<ConditionalAssumption>;
  /** The accounts whose roles were read, and those that could not be. */
  accounts: AccountsRead;
}

/**
 * One page of the principals that may assume a role, by account, kind (user before role) then
 * name; `conditional` is a page of its own (`conditionalPage`, same `pageSize`).
 */
export interface RoleAssumersResult extends Page<RoleAssumer> {
  conditional: Page<ConditionalAssumption>;
  /** How many principals were judged. */
  evaluated: { users: number; roles: number };
  /** The accounts whose principals were read, and those that could not be. */
  accounts: AccountsRead;
}

/** `?context=&page=&pageSize=&conditionalPage=` for assumable-roles and assumed-by. */
export const assumeQuery = pageQuery.extend({
  context: contextLines,
  conditionalPage: z.coerce.number().int("conditionalPage must be a whole number.").min(1, "conditionalPage must be 1 or more.").optional().default(1),
});

export type AssumeQuery = z.output<typeof assumeQuery>;
