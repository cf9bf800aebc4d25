import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { deleteUser } from "@/lib/data/delete-user";
import { getUser } from "@/lib/data/get-user";
import { updateUser } from "@/lib/data/update-user";
import { deleteQuery, updateUserBody } from "@/lib/schemas/user";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "userName"));

export const GET = route(async ({ params }) => getUser(params.accountId, params.userName));

export const PATCH = route(async ({ params, body }) => updateUser(params.accountId, params.userName, body), {
  body: updateUserBody,
});

export const DELETE = route(async ({ params, query }) => deleteUser(params.accountId, params.userName, query), {
  query: deleteQuery,
  status: 204,
});

export const { POST, PUT } = methodsNotAllowed({ GET, PATCH, DELETE });
