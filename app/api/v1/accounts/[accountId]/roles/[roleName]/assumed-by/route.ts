import { apiRoute, readQuery } from "@/lib/api/route";
import { listRoleAssumers } from "@/lib/data/assumable-roles";
import { accountId, roleName } from "@/lib/schemas/common";
import { assumeQuery } from "@/lib/schemas/who-can";

type Params = { accountId: string; roleName: string };

// GET ?context=key%3Dvalue: the users and roles, in any account, that may assume the role.
export const GET = apiRoute<Params>(async ({ req, params }) => {
  const { context } = readQuery(req, assumeQuery);
  return listRoleAssumers(accountId.parse(params.accountId), roleName.parse(params.roleName), context);
});
