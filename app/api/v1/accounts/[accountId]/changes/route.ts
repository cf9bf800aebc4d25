import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { op } from "@/lib/api/operations";
import { listChanges } from "@/lib/data/list-changes";
import { listChangesQuery } from "@/lib/schemas/account";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId"));

// The account's history is its CloudTrail: LookupEvents (no resource type: "*") in the account.
export const GET = route(async ({ params, query }) => listChanges(params.accountId, query), {
  query: listChangesQuery,
  authorize: ({ params }) => op(params.accountId, "cloudtrail:LookupEvents", "*"),
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
