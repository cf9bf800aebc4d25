import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { createGroup } from "@/lib/data/create-group";
import { listGroups } from "@/lib/data/list-groups";
import { createGroupBody, listGroupsQuery } from "@/lib/schemas/group";
import { pathParams } from "@/lib/schemas/params";
import { op } from "@/lib/api/operations";
import { groupArn } from "@/lib/arn";

const route = apiRoutes(pathParams("accountId"));

// ListGroups has no resource type in the Service Authorization Reference: its resource is "*".
export const GET = route(async ({ params, query }) => listGroups(params.accountId, query), {
  query: listGroupsQuery,
  authorize: ({ params }) => op(params.accountId, "iam:ListGroups", "*"),
});

export const POST = route(async ({ params, body }) => createGroup(params.accountId, body), {
  body: createGroupBody,
  status: 201,
  authorize: ({ params, body }) => op(params.accountId, "iam:CreateGroup", groupArn(params.accountId, body.path, body.groupName)),
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed({ GET, POST });
