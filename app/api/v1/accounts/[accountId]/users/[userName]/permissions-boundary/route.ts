import { apiRoutes, methodsNotAllowed, readJson } from "@/lib/api/route";
import { deletePermissionsBoundary } from "@/lib/data/delete-permissions-boundary";
import { putPermissionsBoundary } from "@/lib/data/put-permissions-boundary";
import { policyArnInput } from "@/lib/schemas/policy";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "userName"));

export const PUT = route(async ({ req, params }) => ({
  permissionsBoundary: await putPermissionsBoundary(
    "user",
    params.accountId,
    params.userName,
    (await readJson(req, policyArnInput)).policyArn,
  ),
}));

export const DELETE = route(
  async ({ params }) => deletePermissionsBoundary("user", params.accountId, params.userName),
  { status: 204 },
);

export const { GET, HEAD, POST, PATCH } = methodsNotAllowed({ PUT, DELETE });
