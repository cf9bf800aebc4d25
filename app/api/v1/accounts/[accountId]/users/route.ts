import { apiRoutes, methodsNotAllowed, readJson, readQuery } from "@/lib/api/route";
import { createUser } from "@/lib/data/create-user";
import { listUsers } from "@/lib/data/list-users";
import { createUserBody, listUsersQuery } from "@/lib/schemas/user";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId"));

export const GET = route(async ({ req, params }) =>
  listUsers(params.accountId, readQuery(req, listUsersQuery)),
);

export const POST = route(
  async ({ req, params }) => createUser(params.accountId, await readJson(req, createUserBody)),
  { status: 201 },
);

export const { PUT, PATCH, DELETE } = methodsNotAllowed({ GET, POST });
