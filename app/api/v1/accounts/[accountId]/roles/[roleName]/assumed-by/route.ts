import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { reachableAccounts } from "@/lib/auth/reachable-accounts";
import { listRoleAssumers } from "@/lib/data/assumable-roles";
import { assumeQuery } from "@/lib/schemas/who-can";
import { pathParams } from "@/lib/schemas/params";
import { op } from "@/lib/api/operations";

const route = apiRoutes(pathParams("accountId", "roleName"));

// GET ?context=key%3Dvalue&page=&pageSize=&conditionalPage=: one page of
// the users and roles, in any account, that may assume the role.
export const GET = route(
  async ({ params, query: { context, ...paging }, caller }) => listRoleAssumers(params.accountId, params.roleName, context, paging, await reachableAccounts(caller.identity, caller.facts)),
  {
    query: assumeQuery,
    // No AWS operation of its own: reading every principal's policies and trust is GetAccountAuthorizationDetails.
    authorize: ({ params }) => op(params.accountId, "iam:GetAccountAuthorizationDetails", "*"),
  },
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
