import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { findPoliciesForAction } from "@/lib/data/find-policies-for-action";
import { actionPoliciesQuery } from "@/lib/schemas/catalog";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("action"));

// GET: every managed (default version) and inline policy with a statement whose Action or
// NotAction matches the action (e.g. s3%3AGetObject), Allow or Deny; one page of them
// (?effect=&search=&page=&pageSize=) with the counts over all of them.
export const GET = route(async ({ params, query }) => findPoliciesForAction(params.action, query), {
  query: actionPoliciesQuery,
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
