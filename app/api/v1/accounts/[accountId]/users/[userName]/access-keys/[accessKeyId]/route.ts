import { apiRoute, readJson } from "@/lib/api/route";
import { deleteAccessKey } from "@/lib/data/delete-access-key";
import { updateAccessKey } from "@/lib/data/update-access-key";
import { updateAccessKeyBody } from "@/lib/schemas/credentials";

type Params = { accountId: string; userName: string; accessKeyId: string };

export const PATCH = apiRoute<Params>(async ({ req, params }) => {
  const { status } = await readJson(req, updateAccessKeyBody);
  return updateAccessKey(params.accountId, params.userName, params.accessKeyId, status);
});

export const DELETE = apiRoute<Params>(
  async ({ params }) => deleteAccessKey(params.accountId, params.userName, params.accessKeyId),
  { status: 204 },
);
