import { apiRoute, readJson } from "@/lib/api/route";
import { deleteInlinePolicy } from "@/lib/data/delete-inline-policy";
import { getInlinePolicy } from "@/lib/data/get-inline-policy";
import { putInlinePolicy } from "@/lib/data/put-inline-policy";
import { inlinePolicyParams, putInlinePolicyInput } from "@/lib/schemas/policy";

type Params = { accountId: string; userName: string; policyName: string };

export const GET = apiRoute<Params>(async ({ params }) =>
  getInlinePolicy("user", params.accountId, params.userName, params.policyName),
);

export const PUT = apiRoute<Params>(async ({ req, params }) => {
  const { policyName } = inlinePolicyParams.parse(params);
  const { policyDocument } = await readJson(req, putInlinePolicyInput);
  return putInlinePolicy("user", params.accountId, params.userName, policyName, policyDocument);
});

export const DELETE = apiRoute<Params>(
  async ({ params }) => deleteInlinePolicy("user", params.accountId, params.userName, params.policyName),
  { status: 204 },
);
