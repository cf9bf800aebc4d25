import { apiRoute, readJson } from "@/lib/api/route";
import { deleteInlinePolicy } from "@/lib/data/delete-inline-policy";
import { getInlinePolicy } from "@/lib/data/get-inline-policy";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { inlinePolicyParams, putInlinePolicyInput } from "@/lib/schemas/policy";

type Params = { accountId: string; roleName: string; policyName: string };

export const GET = apiRoute<Params>(async ({ params }) =>
  getInlinePolicy("role", params.accountId, params.roleName, params.policyName),
);

export const PUT = apiRoute<Params>(async ({ req, params }) => {
  const { policyName } = inlinePolicyParams.parse(params);
  const { policyDocument } = await readJson(req, putInlinePolicyInput);
  return putInlinePolicy("role", params.accountId, params.roleName, policyName, policyDocument);
});

export const DELETE = apiRoute<Params>(
  async ({ params }) => deleteInlinePolicy("role", params.accountId, params.roleName, params.policyName),
  { status: 204 },
);
