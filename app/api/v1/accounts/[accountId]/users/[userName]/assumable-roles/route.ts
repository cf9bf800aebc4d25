import { apiRoute, readQuery } from "@/lib/api/route";
import { listAssumableRoles } from "@/lib/data/assumable-roles";
import { accountId, userName } from "@/lib/schemas/common";
import { assumeQuery } from "@/lib/schemas/who-can";

type Params = { accountId: string; userName: string };

// GET ?context=key%3Dvalue: the roles, in any account, the user may assume, and what each grants.
export const GET = apiRoute<Params>(async ({ req, params }) => {
  const { context } = readQuery(req, assumeQuery);
  return listAssumableRoles(accountId.parse(params.accountId), userName.parse(params.userName), context);
});
