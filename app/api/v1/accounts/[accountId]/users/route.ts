import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { createUser } from "@/lib/data/create-user";
import { listUsers } from "@/lib/data/list-users";
import { createUserBody, listUsersQuery } from "@/lib/schemas/user";
import { pathParams } from "@/lib/schemas/params";
import { op, requestTagContext } from "@/lib/api/operations";
import { userArn } from "@/lib/arn";

const route = apiRoutes(pathParams("accountId"));

// ListUsers has no resource type in the Service Authorization Reference: its resource is "*".
export const GET = route(async ({ params, query }) => listUsers(params.accountId, query), {
  query: listUsersQuery,
  authorize: ({ params }) => op(params.accountId, "iam:ListUsers", "*"),
});

export const POST = route(async ({ params, body }) => createUser(params.accountId, body), {
  body: createUserBody,
  status: 201,
  authorize: ({ params, body }) =>
    op(params.accountId, "iam:CreateUser", userArn(params.accountId, body.path, body.userName), {
      ...requestTagContext(body.tags),
      ...(body.permissionsBoundaryArn ? { "iam:PermissionsBoundary": body.permissionsBoundaryArn } : {}),
    }),
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed({ GET, POST });
