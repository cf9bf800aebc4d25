import { apiRoutes, methodsNotAllowed, readQuery } from "@/lib/api/route";
import { listChanges } from "@/lib/data/list-changes";
import { listChangesQuery } from "@/lib/schemas/account";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId"));

export const GET = route(async ({ req, params }) =>
  listChanges(params.accountId, readQuery(req, listChangesQuery)),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
