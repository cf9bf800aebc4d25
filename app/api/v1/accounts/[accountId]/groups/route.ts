import { apiRoutes, methodsNotAllowed, readJson, readQuery } from "@/lib/api/route";
import { createGroup } from "@/lib/data/create-group";
import { listGroups } from "@/lib/data/list-groups";
import { createGroupBody, listGroupsQuery } from "@/lib/schemas/group";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId"));

export const GET = route(async ({ req, params }) =>
  listGroups(params.accountId, readQuery(req, listGroupsQuery)),
);

export const POST = route(
  async ({ req, params }) => createGroup(params.accountId, await readJson(req, createGroupBody)),
  { status: 201 },
);

export const { PUT, PATCH, DELETE } = methodsNotAllowed({ GET, POST });
