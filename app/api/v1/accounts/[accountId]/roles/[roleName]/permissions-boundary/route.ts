import { apiRoute, readJson } from "@/lib/api/route";
import { deletePermissionsBoundary } from "@/lib/data/delete-permissions-boundary";
import { putPermissionsBoundary } from "@/lib/data/put-permissions-boundary";
import { policyArnInput } from "@/lib/schemas/policy";

type Params = { accountId: string; roleName: string };

export const PUT = apiRoute<Params>(async ({ req, params }) => ({
  permissionsBoundary: await putPermissionsBoundary(
    "role",
    params.accountId,
    params.roleName,
    (await readJson(req, policyArnInput)).policyArn,
  ),
}));

export const DELETE = apiRoute<Params>(
  async ({ params }) => deletePermissionsBoundary("role", params.accountId, params.roleName),
  { status: 204 },
);
