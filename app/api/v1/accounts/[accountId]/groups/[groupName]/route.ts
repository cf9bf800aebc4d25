import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { deleteGroup } from "@/lib/data/delete-group";
import { getGroup } from "@/lib/data/get-group";
import { updateGroup } from "@/lib/data/update-group";
import { updateGroupBody } from "@/lib/schemas/group";
import { deleteQuery } from "@/lib/schemas/user";
import { pathParams } from "@/lib/schemas/params";
import { entityArn, op, renameOperations } from "@/lib/api/operations";
import { deleteGroupOperations } from "@/lib/api/delete-operations";

const route = apiRoutes(pathParams("accountId", "groupName"));

export const GET = route(async ({ params }) => getGroup(params.accountId, params.groupName), {
  authorize: async ({ params }) => op(params.accountId, "iam:GetGroup", await entityArn("group", params.accountId, params.groupName)),
});

export const PATCH = route(async ({ params, body }) => updateGroup(params.accountId, params.groupName, body), {
  body: updateGroupBody,
  authorize: ({ params, body }) => renameOperations("group", params.accountId, params.groupName, { newName: body.newGroupName, newPath: body.newPath }),
});

export const DELETE = route(async ({ params, query }) => deleteGroup(params.accountId, params.groupName, query), {
  query: deleteQuery,
  status: 204,
  authorize: ({ params, query }) => deleteGroupOperations(params.accountId, params.groupName, query.force),
});

export const { POST, PUT } = methodsNotAllowed({ GET, PATCH, DELETE });
