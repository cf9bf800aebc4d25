import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { createPolicy } from "@/lib/data/create-policy";
import { listPolicies } from "@/lib/data/list-policies";
import { createPolicyInput, listPoliciesQuery } from "@/lib/schemas/policy";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId"));

export const GET = route(async ({ params, query }) => listPolicies(params.accountId, query), { query: listPoliciesQuery });

export const POST = route(async ({ params, body }) => createPolicy(params.accountId, body), {
  body: createPolicyInput,
  status: 201,
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed({ GET, POST });
