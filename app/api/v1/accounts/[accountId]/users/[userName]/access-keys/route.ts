import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { createAccessKey } from "@/lib/data/create-access-key";
import { listAccessKeys } from "@/lib/data/list-access-keys";
import { pathParams } from "@/lib/schemas/params";
import { onUser } from "@/lib/api/operations";

const route = apiRoutes(pathParams("accountId", "userName"));

export const GET = route(
  async ({ params }) => ({
    items: await listAccessKeys(params.accountId, params.userName),
  }),
  { authorize: ({ params }) => onUser(params, "iam:ListAccessKeys") },
);

export const POST = route(async ({ params }) => createAccessKey(params.accountId, params.userName), {
  status: 201,
  authorize: ({ params }) => onUser(params, "iam:CreateAccessKey"),
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed({ GET, POST });
