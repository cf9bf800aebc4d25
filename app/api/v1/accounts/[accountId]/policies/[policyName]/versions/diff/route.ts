import { apiRoute, readQuery } from "@/lib/api/route";
import { diffPolicyVersions } from "@/lib/data/diff-policy-versions";
import { policyVersionDiffQuery } from "@/lib/schemas/policy-version-diff";

type Params = { accountId: string; policyName: string };

// GET ?from=v1&to=v2: actions gained, lost and changed, and the principals the policy reaches.
export const GET = apiRoute<Params>(async ({ req, params }) =>
  diffPolicyVersions(params.accountId, params.policyName, readQuery(req, policyVersionDiffQuery)),
);
