import { apiRoute, readJson, readQuery } from "@/lib/api/route";
import { deleteUser } from "@/lib/data/delete-user";
import { getUser } from "@/lib/data/get-user";
import { updateUser } from "@/lib/data/update-user";
import { deleteQuery, updateUserBody } from "@/lib/schemas/user";

type Params = { accountId: string; userName: string };

export const GET = apiRoute<Params>(async ({ params }) => getUser(params.accountId, params.userName));

export const PATCH = apiRoute<Params>(async ({ req, params }) =>
  updateUser(params.accountId, params.userName, await readJson(req, updateUserBody)),
);

export const DELETE = apiRoute<Params>(
  async ({ req, params }) => deleteUser(params.accountId, params.userName, readQuery(req, deleteQuery)),
  { status: 204 },
);
