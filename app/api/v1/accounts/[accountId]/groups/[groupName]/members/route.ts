import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { addUserToGroup } from "@/lib/data/add-user-to-group";
import { listGroupMembers } from "@/lib/data/list-group-members";
import { addGroupMemberBody } from "@/lib/schemas/group";
import { listUsersQuery } from "@/lib/schemas/user";
import { pathParams } from "@/lib/schemas/params";
import { entityArn, op } from "@/lib/api/operations";

const route = apiRoutes(pathParams("accountId", "groupName"));

export const GET = route(async ({ params, query }) => listGroupMembers(params.accountId, params.groupName, query), {
  query: listUsersQuery,
  // GetGroup is the operation that answers a group's users.
  authorize: async ({ params }) => op(params.accountId, "iam:GetGroup", await entityArn("group", params.accountId, params.groupName)),
});

export const POST = route(async ({ params, body }) => addUserToGroup(params.accountId, params.groupName, body.userName), {
  body: addGroupMemberBody,
  authorize: async ({ params }) => op(params.accountId, "iam:AddUserToGroup", await entityArn("group", params.accountId, params.groupName)),
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed({ GET, POST });
