import { apiRoute, methodsNotAllowed } from "@/lib/api/route";
import { createAccount } from "@/lib/data/create-account";
import { listAccounts } from "@/lib/data/list-accounts";
import { createAccountBody } from "@/lib/schemas/account";

export const GET = apiRoute(async () => ({ items: await listAccounts() }));

export const POST = apiRoute(async ({ body }) => createAccount(body), { body: createAccountBody, status: 201 });

export const { PUT, PATCH, DELETE } = methodsNotAllowed({ GET, POST });
