import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { listEntitiesForPolicy } from "@/lib/data/list-entities-for-policy";
import { policyEntitiesQuery } from "@/lib/schemas/policy";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "policyName"));

// GET ?entity=&usage=&page=&pageSize=: one page of the entities using the policy.
export const GET = route(async ({ params, query }) => listEntitiesForPolicy(params.accountId, params.policyName, query), {
  query: policyEntitiesQuery,
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
