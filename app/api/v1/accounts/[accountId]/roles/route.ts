import { apiRoutes, methodsNotAllowed, readJson, readQuery } from "@/lib/api/route";
import { createRole } from "@/lib/data/create-role";
import { listRoles } from "@/lib/data/list-roles";
import { createRoleInput, listRolesQuery } from "@/lib/schemas/role";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId"));

export const GET = route(async ({ req, params }) =>
  listRoles(params.accountId, readQuery(req, listRolesQuery)),
);

export const POST = route(
  async ({ req, params }) => createRole(params.accountId, await readJson(req, createRoleInput)),
  { status: 201 },
);

export const { PUT, PATCH, DELETE } = methodsNotAllowed({ GET, POST });
