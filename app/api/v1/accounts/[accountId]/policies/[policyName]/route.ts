import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { deletePolicy } from "@/lib/data/delete-policy";
import { getPolicy } from "@/lib/data/get-policy";
import { forceQuery } from "@/lib/schemas/policy";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "policyName"));

export const GET = route(async ({ params }) => getPolicy(params.accountId, params.policyName));

export const DELETE = route(async ({ params, query }) => deletePolicy(params.accountId, params.policyName, query), {
  query: forceQuery,
  status: 204,
});

export const { POST, PUT, PATCH } = methodsNotAllowed({ GET, DELETE });
