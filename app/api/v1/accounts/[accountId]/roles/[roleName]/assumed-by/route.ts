import { apiRoutes, methodsNotAllowed, readQuery } from "@/lib/api/route";
import { listRoleAssumers } from "@/lib/data/assumable-roles";
import { accountId, roleName } from "@/lib/schemas/common";
import { assumeQuery } from "@/lib/schemas/who-can";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "roleName"));

// GET ?context=key%3Dvalue&page=&pageSize=&conditionalPage=: one page of
// the users and roles, in any account, that may assume the role.
export const GET = route(async ({ req, params }) => {
  const { context, ...paging } = readQuery(req, assumeQuery);
  return listRoleAssumers(accountId.parse(params.accountId), roleName.parse(params.roleName), context, paging);
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
