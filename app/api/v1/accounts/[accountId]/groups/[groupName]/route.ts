import { apiRoutes, methodsNotAllowed, readJson, readQuery } from "@/lib/api/route";
import { deleteGroup } from "@/lib/data/delete-group";
import { getGroup } from "@/lib/data/get-group";
import { updateGroup } from "@/lib/data/update-group";
import { updateGroupBody } from "@/lib/schemas/group";
import { deleteQuery } from "@/lib/schemas/user";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "groupName"));

export const GET = route(async ({ params }) => getGroup(params.accountId, params.groupName));

export const PATCH = route(async ({ req, params }) =>
  updateGroup(params.accountId, params.groupName, await readJson(req, updateGroupBody)),
);

export const DELETE = route(
  async ({ req, params }) => deleteGroup(params.accountId, params.groupName, readQuery(req, deleteQuery)),
  { status: 204 },
);

export const { POST, PUT } = methodsNotAllowed({ GET, PATCH, DELETE });
