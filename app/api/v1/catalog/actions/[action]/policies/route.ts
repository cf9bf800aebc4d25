import { apiRoutes, methodsNotAllowed, readQuery } from "@/lib/api/route";
import { findPoliciesForAction } from "@/lib/data/find-policies-for-action";
import { actionPoliciesQuery, qualifiedAction } from "@/lib/schemas/catalog";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("action"));

// GET: every managed (default version) and inline policy with a statement whose Action or
// NotAction matches the action (e.g. s3%3AGetObject), Allow or Deny; one page of them
// (?effect=&search=&page=&pageSize=) with the counts over all of them.
export const GET = route(async ({ req, params }) =>
  findPoliciesForAction(qualifiedAction.parse(params.action), readQuery(req, actionPoliciesQuery)),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
