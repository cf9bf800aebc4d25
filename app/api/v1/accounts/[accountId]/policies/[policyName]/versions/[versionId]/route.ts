import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { onPolicy } from "@/lib/api/policy-operations";
import { deletePolicyVersion } from "@/lib/data/delete-policy-version";
import { getPolicyVersion } from "@/lib/data/get-policy-version";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "policyName", "versionId"));

export const GET = route(async ({ params }) => getPolicyVersion(params.accountId, params.policyName, params.versionId), {
  authorize: ({ params }) => onPolicy(params, "iam:GetPolicyVersion"),
});

export const DELETE = route(async ({ params }) => deletePolicyVersion(params.accountId, params.policyName, params.versionId), {
  status: 204,
  authorize: ({ params }) => onPolicy(params, "iam:DeletePolicyVersion"),
});

export const { POST, PUT, PATCH } = methodsNotAllowed({ GET, DELETE });
