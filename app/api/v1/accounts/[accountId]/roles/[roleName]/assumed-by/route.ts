import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { listRoleAssumers } from "@/lib/data/assumable-roles";
import { assumeQuery } from "@/lib/schemas/who-can";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "roleName"));

// GET ?context=key%3Dvalue&page=&pageSize=&conditionalPage=: one page of
// the users and roles, in any account, that may assume the role.
export const GET = route(
  async ({ params, query: { context, ...paging } }) => listRoleAssumers(params.accountId, params.roleName, context, paging),
  { query: assumeQuery },
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
