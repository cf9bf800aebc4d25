import { apiRoute, readJson, readQuery } from "@/lib/api/route";
import { createRole } from "@/lib/data/create-role";
import { listRoles } from "@/lib/data/list-roles";
import { createRoleInput, listRolesQuery } from "@/lib/schemas/role";

type Params = { accountId: string };

export const GET = apiRoute<Params>(async ({ req, params }) =>
  listRoles(params.accountId, readQuery(req, listRolesQuery)),
);

export const POST = apiRoute<Params>(
  async ({ req, params }) => createRole(params.accountId, await readJson(req, createRoleInput)),
  { status: 201 },
);
