import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { onPolicy } from "@/lib/api/policy-operations";
import { deletePolicy } from "@/lib/data/delete-policy";
import { getPolicy } from "@/lib/data/get-policy";
import { forceQuery } from "@/lib/schemas/policy";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "policyName"));

export const GET = route(async ({ params }) => getPolicy(params.accountId, params.policyName), {
  authorize: ({ params }) => onPolicy(params, "iam:GetPolicy"),
});

export const DELETE = route(async ({ params, query }) => deletePolicy(params.accountId, params.policyName, query), {
  query: forceQuery,
  status: 204,
  authorize: ({ params }) => onPolicy(params, "iam:DeletePolicy"),
});

export const { POST, PUT, PATCH } = methodsNotAllowed({ GET, DELETE });
