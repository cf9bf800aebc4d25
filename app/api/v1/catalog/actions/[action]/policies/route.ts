import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { reachableAccounts } from "@/lib/auth/reachable-accounts";
import { findPoliciesForAction } from "@/lib/data/find-policies-for-action";
import { actionPoliciesQuery } from "@/lib/schemas/catalog";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("action"));

// GET: every managed (default version) and inline policy with a statement whose Action or
// NotAction matches the action (e.g. s3%3AGetObject), Allow or Deny; one page of them
// (?effect=&search=&page=&pageSize=) with the counts over all of them. The catalog is open to any
// signed-in caller; the accounts whose policies are listed are decided per account inside
// (iam:GetAccountAuthorizationDetails there, by the caller's own policies or through a role).
export const GET = route(async ({ params, query, caller }) => findPoliciesForAction(params.action, query, await reachableAccounts(caller.identity, caller.facts)), {
  query: actionPoliciesQuery,
  access: "signed-in",
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
