import { apiRoutes, methodsNotAllowed, readJson } from "@/lib/api/route";
import { deletePermissionsBoundary } from "@/lib/data/delete-permissions-boundary";
import { putPermissionsBoundary } from "@/lib/data/put-permissions-boundary";
import { policyArnInput } from "@/lib/schemas/policy";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "roleName"));

export const PUT = route(async ({ req, params }) => ({
  permissionsBoundary: await putPermissionsBoundary(
    "role",
    params.accountId,
    params.roleName,
    (await readJson(req, policyArnInput)).policyArn,
  ),
}));

export const DELETE = route(
  async ({ params }) => deletePermissionsBoundary("role", params.accountId, params.roleName),
  { status: 204 },
);

export const { GET, HEAD, POST, PATCH } = methodsNotAllowed({ PUT, DELETE });
