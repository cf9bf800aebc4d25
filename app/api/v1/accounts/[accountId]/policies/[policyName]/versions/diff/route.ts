import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { diffPolicyVersions } from "@/lib/data/diff-policy-versions";
import { policyVersionDiffQuery } from "@/lib/schemas/policy-version-diff";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "policyName"));

// GET ?from=v1&to=v2: actions gained, lost and changed, and the principals the policy reaches.
export const GET = route(async ({ params, query }) => diffPolicyVersions(params.accountId, params.policyName, query), {
  query: policyVersionDiffQuery,
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
