import { apiRoutes, methodsNotAllowed, readJson, readQuery } from "@/lib/api/route";
import { addUserToGroup } from "@/lib/data/add-user-to-group";
import { listGroupMembers } from "@/lib/data/list-group-members";
import { addGroupMemberBody } from "@/lib/schemas/group";
import { listUsersQuery } from "@/lib/schemas/user";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "groupName"));

export const GET = route(async ({ req, params }) =>
  listGroupMembers(params.accountId, params.groupName, readQuery(req, listUsersQuery)),
);

export const POST = route(async ({ req, params }) => {
  const { userName } = await readJson(req, addGroupMemberBody);
  return addUserToGroup(params.accountId, params.groupName, userName);
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed({ GET, POST });
