import { apiRoute, readJson, readQuery } from "@/lib/api/route";
import { createUser } from "@/lib/data/create-user";
import { listUsers } from "@/lib/data/list-users";
import { createUserBody, listUsersQuery } from "@/lib/schemas/user";

type Params = { accountId: string };

export const GET = apiRoute<Params>(async ({ req, params }) =>
  listUsers(params.accountId, readQuery(req, listUsersQuery)),
);

export const POST = apiRoute<Params>(
  async ({ req, params }) => createUser(params.accountId, await readJson(req, createUserBody)),
  { status: 201 },
);
