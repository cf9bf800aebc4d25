import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { deleteUser } from "@/lib/data/delete-user";
import { getUser } from "@/lib/data/get-user";
import { updateUser } from "@/lib/data/update-user";
import { deleteQuery, updateUserBody } from "@/lib/schemas/user";
import { pathParams } from "@/lib/schemas/params";
import { onUser, renameOperations } from "@/lib/api/operations";
import { deleteUserOperations } from "@/lib/api/delete-operations";

const route = apiRoutes(pathParams("accountId", "userName"));

export const GET = route(async ({ params }) => getUser(params.accountId, params.userName), {
  authorize: ({ params }) => onUser(params, "iam:GetUser"),
});

export const PATCH = route(async ({ params, body }) => updateUser(params.accountId, params.userName, body), {
  body: updateUserBody,
  authorize: ({ params, body }) => renameOperations("user", params.accountId, params.userName, { newName: body.newUserName, newPath: body.newPath }),
});

export const DELETE = route(async ({ params, query }) => deleteUser(params.accountId, params.userName, query), {
  query: deleteQuery,
  status: 204,
  authorize: ({ params, query }) => deleteUserOperations(params.accountId, params.userName, query.force),
});

export const { POST, PUT } = methodsNotAllowed({ GET, PATCH, DELETE });
