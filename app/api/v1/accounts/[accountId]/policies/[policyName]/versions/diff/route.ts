import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { onPolicy } from "@/lib/api/policy-operations";
import { diffPolicyVersions } from "@/lib/data/diff-policy-versions";
import { policyVersionDiffQuery } from "@/lib/schemas/policy-version-diff";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "policyName"));

// GET ?from=v1&to=v2: actions gained, lost and changed, and the principals the policy reaches.
// The diff reads both versions: GetPolicyVersion twice, on the policy (its version is no part
// of the resource), as a client comparing them through AWS's API would.
export const GET = route(async ({ params, query }) => diffPolicyVersions(params.accountId, params.policyName, query), {
  query: policyVersionDiffQuery,
  authorize: async ({ params }) => {
    const read = await onPolicy(params, "iam:GetPolicyVersion");
    return [read, read];
  },
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
