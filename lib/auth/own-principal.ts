import type { Identity } from "@/lib/auth/identity";

/**
 * Whether a stored user or role is the caller's own policy holder: its signed-in IAM user, or the
 * role its session acts as. The console lets a caller simulate itself without
 * iam:SimulatePrincipalPolicy, so the "Why?" of a deny it met always opens: it learns nothing
 * about anyone else, only why its own request was refused (AWS's console would show the same
 * AccessDenied message, with no way to see the statements behind it).
 */
export function isOwnPrincipal(identity: Identity, principal: { accountId: string; type: "user" | "role"; name: string }): boolean {
  const name = principal.name.toLowerCase();
  if (identity.role) return principal.type === "role" && principal.accountId === identity.role.accountId && name === identity.role.roleName.toLowerCase();
  return (
    identity.type === "IAMUser" && principal.type === "user" && principal.accountId === identity.accountId && name === (identity.signedIn.userName ?? "").toLowerCase()
  );
}
