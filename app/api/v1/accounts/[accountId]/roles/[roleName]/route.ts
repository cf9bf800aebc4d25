import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { deleteRole } from "@/lib/data/delete-role";
import { getRole } from "@/lib/data/get-role";
import { updateRole } from "@/lib/data/update-role";
import { forceQuery } from "@/lib/schemas/policy";
import { updateRoleInput } from "@/lib/schemas/role";
import { pathParams } from "@/lib/schemas/params";
import { boundaryContext, op, principalTarget } from "@/lib/api/operations";
import { deleteRoleOperations } from "@/lib/api/delete-operations";

const route = apiRoutes(pathParams("accountId", "roleName"));

/** `action` on the role, with its resource tags and iam:PermissionsBoundary (GetRole and UpdateRole list it). */
async function onRole(params: { accountId: string; roleName: string }, action: string) {
  const role = await principalTarget("role", params.accountId, params.roleName);
  return op(params.accountId, action, role.arn, { ...role.resourceContext, ...boundaryContext(role.boundaryArn) });
}

export const GET = route(async ({ params }) => getRole(params.accountId, params.roleName), {
  authorize: ({ params }) => onRole(params, "iam:GetRole"),
});

// The console's edit sets the description and the maximum session duration: UpdateRole.
export const PATCH = route(async ({ params, body }) => updateRole(params.accountId, params.roleName, body), {
  body: updateRoleInput,
  authorize: ({ params }) => onRole(params, "iam:UpdateRole"),
});

export const DELETE = route(async ({ params, query }) => deleteRole(params.accountId, params.roleName, query), {
  query: forceQuery,
  status: 204,
  authorize: ({ params, query }) => deleteRoleOperations(params.accountId, params.roleName, query.force),
});

export const { POST, PUT } = methodsNotAllowed({ GET, PATCH, DELETE });
