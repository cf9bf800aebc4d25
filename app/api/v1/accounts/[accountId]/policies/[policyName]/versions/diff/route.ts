import { apiRoutes, methodsNotAllowed, readQuery } from "@/lib/api/route";
import { diffPolicyVersions } from "@/lib/data/diff-policy-versions";
import { policyVersionDiffQuery } from "@/lib/schemas/policy-version-diff";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "policyName"));

// GET ?from=v1&to=v2: actions gained, lost and changed, and the principals the policy reaches.
export const GET = route(async ({ req, params }) =>
  diffPolicyVersions(params.accountId, params.policyName, readQuery(req, policyVersionDiffQuery)),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed({ GET });
