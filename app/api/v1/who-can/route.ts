import { apiRoute, methodsNotAllowed } from "@/lib/api/route";
import { reachableAccounts } from "@/lib/auth/reachable-accounts";
import { whoCan } from "@/lib/data/who-can";
import { whoCanQuery } from "@/lib/schemas/who-can";

// GET ?action=iam:CreateUser&resource=arn:…&resourceAccount=…&context=key%3Dvalue&page=&pageSize=:
// one page of the principals allowed, with the path and statements behind it, in every account
// the caller may read (iam:GetAccountAuthorizationDetails there, by its own policies or through a
// role it may assume: decided per account inside, so the door itself is any signed-in caller).
export const GET = apiRoute(async ({ query, caller }) => whoCan(query, await reachableAccounts(caller.identity, caller.facts)), {
  query: whoCanQuery,
  access: "signed-in",
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
