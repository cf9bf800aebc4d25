import { apiRoute, readJson, readQuery } from "@/lib/api/route";
import { deleteGroup } from "@/lib/data/delete-group";
import { getGroup } from "@/lib/data/get-group";
import { updateGroup } from "@/lib/data/update-group";
import { updateGroupBody } from "@/lib/schemas/group";
import { deleteQuery } from "@/lib/schemas/user";

type Params = { accountId: string; groupName: string };

export const GET = apiRoute<Params>(async ({ params }) => getGroup(params.accountId, params.groupName));

export const PATCH = apiRoute<Params>(async ({ req, params }) =>
  updateGroup(params.accountId, params.groupName, await readJson(req, updateGroupBody)),
);

export const DELETE = apiRoute<Params>(
  async ({ req, params }) => deleteGroup(params.accountId, params.groupName, readQuery(req, deleteQuery)),
  { status: 204 },
);
