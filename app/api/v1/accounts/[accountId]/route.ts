import { apiRoute, readJson } from "@/lib/api/route";
import { deleteAccount } from "@/lib/data/delete-account";
import { getAccount } from "@/lib/data/get-account";
import { updateAccount } from "@/lib/data/update-account";
import { updateAccountBody } from "@/lib/schemas/account";

type Params = { accountId: string };

export const GET = apiRoute<Params>(async ({ params }) => getAccount(params.accountId));

export const PATCH = apiRoute<Params>(async ({ req, params }) =>
  updateAccount(params.accountId, await readJson(req, updateAccountBody)),
);

export const DELETE = apiRoute<Params>(async ({ params }) => deleteAccount(params.accountId), { status: 204 });
