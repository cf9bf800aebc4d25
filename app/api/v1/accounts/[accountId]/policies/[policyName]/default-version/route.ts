import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { setDefaultPolicyVersion } from "@/lib/data/set-default-policy-version";
import { setDefaultPolicyVersionInput } from "@/lib/schemas/policy";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "policyName"));

export const PUT = route(
  async ({ params, body }) => setDefaultPolicyVersion(params.accountId, params.policyName, body.versionId),
  { body: setDefaultPolicyVersionInput },
);

export const { GET, HEAD, POST, PATCH, DELETE } = methodsNotAllowed({ PUT });
