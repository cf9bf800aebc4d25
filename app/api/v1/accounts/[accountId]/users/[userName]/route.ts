import { apiRoutes, methodsNotAllowed, readJson, readQuery } from "@/lib/api/route";
import { deleteUser } from "@/lib/data/delete-user";
import { getUser } from "@/lib/data/get-user";
import { updateUser } from "@/lib/data/update-user";
import { deleteQuery, updateUserBody } from "@/lib/schemas/user";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "userName"));

export const GET = route(async ({ params }) => getUser(params.accountId, params.userName));

export const PATCH = route(async ({ req, params }) =>
  updateUser(params.accountId, params.userName, await readJson(req, updateUserBody)),
);

export const DELETE = route(
  async ({ req, params }) => deleteUser(params.accountId, params.userName, readQuery(req, deleteQuery)),
  { status: 204 },
);

export const { POST, PUT } = methodsNotAllowed({ GET, PATCH, DELETE });
