import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { createGroup } from "@/lib/data/create-group";
import { listGroups } from "@/lib/data/list-groups";
import { createGroupBody, listGroupsQuery } from "@/lib/schemas/group";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId"));

export const GET = route(async ({ params, query }) => listGroups(params.accountId, query), { query: listGroupsQuery });

export const POST = route(async ({ params, body }) => createGroup(params.accountId, body), {
  body: createGroupBody,
  status: 201,
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed({ GET, POST });
