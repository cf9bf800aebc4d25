import { apiRoutes, methodsNotAllowed, readJson } from "@/lib/api/route";
import { deleteInlinePolicy } from "@/lib/data/delete-inline-policy";
import { getInlinePolicy } from "@/lib/data/get-inline-policy";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { inlinePolicyParams, putInlinePolicyInput } from "@/lib/schemas/policy";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "roleName", "policyName"));

export const GET = route(async ({ params }) =>
  getInlinePolicy("role", params.accountId, params.roleName, params.policyName),
);

export const PUT = route(async ({ req, params }) => {
  const { policyName } = inlinePolicyParams.parse(params);
  const { policyDocument } = await readJson(req, putInlinePolicyInput);
  return putInlinePolicy("role", params.accountId, params.roleName, policyName, policyDocument);
});

export const DELETE = route(
  async ({ params }) => deleteInlinePolicy("role", params.accountId, params.roleName, params.policyName),
  { status: 204 },
);

export const { POST, PATCH } = methodsNotAllowed({ GET, PUT, DELETE });
