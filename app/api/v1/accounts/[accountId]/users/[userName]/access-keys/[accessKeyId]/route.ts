import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { deleteAccessKey } from "@/lib/data/delete-access-key";
import { updateAccessKey } from "@/lib/data/update-access-key";
import { updateAccessKeyBody } from "@/lib/schemas/credentials";
import { pathParams } from "@/lib/schemas/params";
import { onUser } from "@/lib/api/operations";

const route = apiRoutes(pathParams("accountId", "userName", "accessKeyId"));

export const PATCH = route(
  async ({ params, body }) => updateAccessKey(params.accountId, params.userName, params.accessKeyId, body.status),
  { body: updateAccessKeyBody, authorize: ({ params }) => onUser(params, "iam:UpdateAccessKey") },
);

export const DELETE = route(
  async ({ params }) => deleteAccessKey(params.accountId, params.userName, params.accessKeyId),
  { status: 204, authorize: ({ params }) => onUser(params, "iam:DeleteAccessKey") },
);

export const { GET, HEAD, POST, PUT } = methodsNotAllowed({ PATCH, DELETE });
