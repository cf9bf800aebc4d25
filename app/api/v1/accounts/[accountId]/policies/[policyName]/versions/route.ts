import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { onPolicy } from "@/lib/api/policy-operations";
import { createPolicyVersion } from "@/lib/data/create-policy-version";
import { listPolicyVersions } from "@/lib/data/list-policy-versions";
import { createPolicyVersionInput } from "@/lib/schemas/policy";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "policyName"));

export const GET = route(async ({ params }) => ({ items: await listPolicyVersions(params.accountId, params.policyName) }), {
  authorize: ({ params }) => onPolicy(params, "iam:ListPolicyVersions"),
});

export const POST = route(async ({ params, body }) => createPolicyVersion(params.accountId, params.policyName, body), {
  body: createPolicyVersionInput,
  status: 201,
  authorize: ({ params }) => onPolicy(params, "iam:CreatePolicyVersion"),
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed({ GET, POST });
