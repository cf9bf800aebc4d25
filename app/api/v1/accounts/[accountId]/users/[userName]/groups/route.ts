import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { addUserToGroup } from "@/lib/data/add-user-to-group";
import { listGroupsForUser } from "@/lib/data/list-groups-for-user";
import { addUserToGroupBody } from "@/lib/schemas/group";
import { pathParams } from "@/lib/schemas/params";
import { entityArn, onUser, op } from "@/lib/api/operations";

const route = apiRoutes(pathParams("accountId", "userName"));

export const GET = route(
  async ({ params }) => ({
    items: await listGroupsForUser(params.accountId, params.userName),
  }),
  {
    authorize: ({ params }) => onUser(params, "iam:ListGroupsForUser"),
  },
);

export const POST = route(async ({ params, body }) => addUserToGroup(params.accountId, body.groupName, params.userName), {
  body: addUserToGroupBody,
  // AddUserToGroup's resource is the group.
  authorize: async ({ params, body }) => op(params.accountId, "iam:AddUserToGroup", await entityArn("group", params.accountId, body.groupName)),
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed({ GET, POST });
