import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { onPolicy } from "@/lib/api/policy-operations";
import { listEntitiesForPolicy } from "@/lib/data/list-entities-for-policy";
import { policyEntitiesQuery } from "@/lib/schemas/policy";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "policyName"));

// GET ?entity=&usage=&page=&pageSize=: one page of the entities using the policy.
export const GET = route(async ({ params, query }) => listEntitiesForPolicy(params.accountId, params.policyName, query), {
  query: policyEntitiesQuery,
  authorize: ({ params }) => onPolicy(params, "iam:ListEntitiesForPolicy"),
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
