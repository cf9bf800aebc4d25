import { apiRoute, readJson } from "@/lib/api/route";
import { deletePermissionsBoundary } from "@/lib/data/delete-permissions-boundary";
import { putPermissionsBoundary } from "@/lib/data/put-permissions-boundary";
import { policyArnInput } from "@/lib/schemas/policy";

type Params = { accountId: string; userName: string };

export const PUT = apiRoute<Params>(async ({ req, params }) => ({
  permissionsBoundary: await putPermissionsBoundary(
    "user",
    params.accountId,
    params.userName,
    (await readJson(req, policyArnInput)).policyArn,
  ),
}));

export const DELETE = apiRoute<Params>(
  async ({ params }) => deletePermissionsBoundary("user", params.accountId, params.userName),
  { status: 204 },
);
