import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { deleteRole } from "@/lib/data/delete-role";
import { getRole } from "@/lib/data/get-role";
import { updateRole } from "@/lib/data/update-role";
import { forceQuery } from "@/lib/schemas/policy";
import { updateRoleInput } from "@/lib/schemas/role";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "roleName"));

export const GET = route(async ({ params }) => getRole(params.accountId, params.roleName));

export const PATCH = route(async ({ params, body }) => updateRole(params.accountId, params.roleName, body), {
  body: updateRoleInput,
});

export const DELETE = route(async ({ params, query }) => deleteRole(params.accountId, params.roleName, query), {
  query: forceQuery,
  status: 204,
});

export const { POST, PUT } = methodsNotAllowed({ GET, PATCH, DELETE });
