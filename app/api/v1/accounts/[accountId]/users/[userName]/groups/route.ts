import { apiRoutes, methodsNotAllowed, readJson } from "@/lib/api/route";
import { addUserToGroup } from "@/lib/data/add-user-to-group";
import { listGroupsForUser } from "@/lib/data/list-groups-for-user";
import { addUserToGroupBody } from "@/lib/schemas/group";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "userName"));

export const GET = route(async ({ params }) => ({
  items: await listGroupsForUser(params.accountId, params.userName),
}));

export const POST = route(async ({ req, params }) => {
  const { groupName } = await readJson(req, addUserToGroupBody);
  return addUserToGroup(params.accountId, groupName, params.userName);
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed({ GET, POST });
