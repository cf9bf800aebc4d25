import type { SessionCheck } from "@/lib/schemas/session-check";

// The requests the console's write buttons would make, as the API's door names them: what
// usePermission asks the server about. Plain functions (no React), so server pages can build them.

/** One request a button would make: account, action, resource and the request's own context keys. */
export type PermissionCheck = SessionCheck;

const CREATE_WORD = { user: "User", group: "Group", role: "Role", policy: "Policy" } as const;

/**
 * Creating a user, group, role or policy before its name is known: the action on the kind's ARN
 * with any name. A policy that allows creating only some names (user/dev-*) reads as a refusal
 * here: the button is a guide, and the server decides each create with its name.
 */
export const createCheck = (account: string, kind: keyof typeof CREATE_WORD): PermissionCheck => ({
  account,
  action: `iam:Create${CREATE_WORD[kind]}`,
  resource: `arn:aws:iam::${account}:${kind}/*`,
});

const PRINCIPAL_WORD = { users: "User", groups: "Group", roles: "Role" } as const;

/**
 * `iam:{verb}{User|Group|Role}{noun}` on a user, group or role (AttachUserPolicy,
 * PutRolePermissionsBoundary, DeleteGroup), as the API's door names it; null (nothing to ask)
 * until the entity's ARN is known.
 */
export function principalCheck(
  principal: { accountId: string; kind: keyof typeof PRINCIPAL_WORD; arn?: string },
  verb: string,
  noun = "",
  context?: PermissionCheck["context"],
): PermissionCheck | null {
  if (!principal.arn) return null;
  const check: PermissionCheck = { account: principal.accountId, action: `iam:${verb}${PRINCIPAL_WORD[principal.kind]}${noun}`, resource: principal.arn };
  return context ? { ...check, context } : check;
}
