import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { createUser } from "@/lib/data/create-user";
import { listUsers } from "@/lib/data/list-users";
import { createUserBody, listUsersQuery } from "@/lib/schemas/user";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId"));

export const GET = route(async ({ params, query }) => listUsers(params.accountId, query), { query: listUsersQuery });

export const POST = route(async ({ params, body }) => createUser(params.accountId, body), {
  body: createUserBody,
  status: 201,
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed({ GET, POST });
