import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { onPolicy } from "@/lib/api/policy-operations";
import { setDefaultPolicyVersion } from "@/lib/data/set-default-policy-version";
import { setDefaultPolicyVersionInput } from "@/lib/schemas/policy";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "policyName"));

export const PUT = route(
  async ({ params, body }) => setDefaultPolicyVersion(params.accountId, params.policyName, body.versionId),
  { body: setDefaultPolicyVersionInput, authorize: ({ params }) => onPolicy(params, "iam:SetDefaultPolicyVersion") },
);

export const { GET, HEAD, POST, PATCH, DELETE } = methodsNotAllowed({ PUT });
