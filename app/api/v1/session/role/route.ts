import { apiRoute, methodsNotAllowed } from "@/lib/api/route";
import { currentRoleState, exitRole, switchRole } from "@/lib/auth/switch-role";
import { switchRoleBody } from "@/lib/schemas/switch-role";

// Switch role, as the AWS console: the door lets any signed-in caller in, and sts:AssumeRole is
// then decided by the engine as the signed-in user (lib/auth/switch-role.ts), never as the role
// in use. GET: the role in use (or the one whose hour just ended) and the five last switched to.
// POST { account, roleName, displayName?, color? }: switch. DELETE: back to the signed-in user.

export const GET = apiRoute(async ({ caller }) => currentRoleState(caller.identity), { access: "signed-in" });

export const POST = apiRoute(async ({ caller, body }) => switchRole(caller.identity, body, caller.facts), {
  access: "signed-in",
  body: switchRoleBody,
});

export const DELETE = apiRoute(async ({ caller }) => exitRole(caller.identity, caller.facts), { access: "signed-in" });

export const { PUT, PATCH } = methodsNotAllowed({ GET, POST, DELETE });
