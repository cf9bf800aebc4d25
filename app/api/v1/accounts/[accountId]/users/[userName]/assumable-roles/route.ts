import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { listAssumableRoles } from "@/lib/data/assumable-roles";
import { assumeQuery } from "@/lib/schemas/who-can";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "userName"));

// GET ?context=key%3Dvalue&page=&pageSize=&conditionalPage=: one page of
// the roles, in any account, the user may assume, and what each grants.
export const GET = route(
  async ({ params, query: { context, ...paging } }) => listAssumableRoles(params.accountId, params.userName, context, paging),
  { query: assumeQuery },
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
