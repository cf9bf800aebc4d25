import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { createRole } from "@/lib/data/create-role";
import { listRoles } from "@/lib/data/list-roles";
import { createRoleInput, listRolesQuery } from "@/lib/schemas/role";
import { pathParams } from "@/lib/schemas/params";
import { boundaryContext, op, requestTagContext } from "@/lib/api/operations";
import { roleArn } from "@/lib/arn";

const route = apiRoutes(pathParams("accountId"));

// ListRoles has no resource type in the Service Authorization Reference: its resource is "*".
export const GET = route(async ({ params, query }) => listRoles(params.accountId, query), {
  query: listRolesQuery,
  authorize: ({ params }) => op(params.accountId, "iam:ListRoles", "*"),
});

export const POST = route(async ({ params, body }) => createRole(params.accountId, body), {
  body: createRoleInput,
  status: 201,
  authorize: ({ params, body }) =>
    op(params.accountId, "iam:CreateRole", roleArn(params.accountId, body.path, body.roleName), {
      ...requestTagContext(body.tags),
      ...boundaryContext(body.permissionsBoundaryArn),
    }),
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed({ GET, POST });
