import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { createRole } from "@/lib/data/create-role";
import { listRoles } from "@/lib/data/list-roles";
import { createRoleInput, listRolesQuery } from "@/lib/schemas/role";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId"));

export const GET = route(async ({ params, query }) => listRoles(params.accountId, query), { query: listRolesQuery });

export const POST = route(async ({ params, body }) => createRole(params.accountId, body), {
  body: createRoleInput,
  status: 201,
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed({ GET, POST });
