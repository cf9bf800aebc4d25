import { apiRoutes, methodsNotAllowed, readQuery } from "@/lib/api/route";
import { listAssumableRoles } from "@/lib/data/assumable-roles";
import { accountId, userName } from "@/lib/schemas/common";
import { assumeQuery } from "@/lib/schemas/who-can";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "userName"));

// GET ?context=key%3Dvalue&page=&pageSize=&conditionalPage=: one page of
// the roles, in any account, the user may assume, and what each grants.
export const GET = route(async ({ req, params }) => {
  const { context, ...paging } = readQuery(req, assumeQuery);
  return listAssumableRoles(accountId.parse(params.accountId), userName.parse(params.userName), context, paging);
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
