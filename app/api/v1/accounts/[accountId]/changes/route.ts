import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { listChanges } from "@/lib/data/list-changes";
import { listChangesQuery } from "@/lib/schemas/account";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId"));

export const GET = route(async ({ params, query }) => listChanges(params.accountId, query), { query: listChangesQuery });

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
