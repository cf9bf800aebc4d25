import { apiRoute, readJson, readQuery } from "@/lib/api/route";
import { deleteRole } from "@/lib/data/delete-role";
import { getRole } from "@/lib/data/get-role";
import { updateRole } from "@/lib/data/update-role";
import { forceQuery } from "@/lib/schemas/policy";
import { updateRoleInput } from "@/lib/schemas/role";

type Params = { accountId: string; roleName: string };

export const GET = apiRoute<Params>(async ({ params }) => getRole(params.accountId, params.roleName));

export const PATCH = apiRoute<Params>(async ({ req, params }) =>
  updateRole(params.accountId, params.roleName, await readJson(req, updateRoleInput)),
);

export const DELETE = apiRoute<Params>(
  async ({ req, params }) => deleteRole(params.accountId, params.roleName, readQuery(req, forceQuery)),
  { status: 204 },
);
