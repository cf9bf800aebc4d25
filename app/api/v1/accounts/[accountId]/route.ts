import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { deleteAccount } from "@/lib/data/delete-account";
import { getAccount } from "@/lib/data/get-account";
import { updateAccount } from "@/lib/data/update-account";
import { updateAccountBody } from "@/lib/schemas/account";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId"));

export const GET = route(async ({ params }) => getAccount(params.accountId));

export const PATCH = route(async ({ params, body }) => updateAccount(params.accountId, body), { body: updateAccountBody });

export const DELETE = route(async ({ params }) => deleteAccount(params.accountId), { status: 204 });

export const { POST, PUT } = methodsNotAllowed({ GET, PATCH, DELETE });
