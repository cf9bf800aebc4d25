import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { deleteInstanceProfile } from "@/lib/data/delete-instance-profile";
import { getInstanceProfile } from "@/lib/data/get-instance-profile";
import { forceQuery } from "@/lib/schemas/policy";
import { instanceProfilePathParams } from "@/lib/schemas/instance-profile";
import { deleteInstanceProfileOperations, onInstanceProfile } from "@/lib/api/instance-profile-operations";

const route = apiRoutes(instanceProfilePathParams);

export const GET = route(async ({ params }) => getInstanceProfile(params.accountId, params.name), {
  authorize: ({ params }) => onInstanceProfile(params.accountId, "iam:GetInstanceProfile", params.name),
});

// DeleteInstanceProfile; `?force=true` (the role page's remove button) takes its role out first.
export const DELETE = route(async ({ params, query }) => deleteInstanceProfile(params.accountId, params.name, query), {
  query: forceQuery,
  status: 204,
  authorize: ({ params, query }) => deleteInstanceProfileOperations(params.accountId, params.name, query.force),
});

export const { POST, PUT, PATCH } = methodsNotAllowed({ GET, DELETE });
