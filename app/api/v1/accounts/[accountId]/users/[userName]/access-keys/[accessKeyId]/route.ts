import { apiRoutes, methodsNotAllowed, readJson } from "@/lib/api/route";
import { deleteAccessKey } from "@/lib/data/delete-access-key";
import { updateAccessKey } from "@/lib/data/update-access-key";
import { updateAccessKeyBody } from "@/lib/schemas/credentials";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "userName", "accessKeyId"));

export const PATCH = route(async ({ req, params }) => {
  const { status } = await readJson(req, updateAccessKeyBody);
  return updateAccessKey(params.accountId, params.userName, params.accessKeyId, status);
});

export const DELETE = route(
  async ({ params }) => deleteAccessKey(params.accountId, params.userName, params.accessKeyId),
  { status: 204 },
);

export const { GET, HEAD, POST, PUT } = methodsNotAllowed({ PATCH, DELETE });
