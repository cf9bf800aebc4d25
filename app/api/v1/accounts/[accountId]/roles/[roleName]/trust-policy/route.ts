import { apiRoute, readJson } from "@/lib/api/route";
import { updateAssumeRolePolicy } from "@/lib/data/update-assume-role-policy";
import { trustPolicyInput } from "@/lib/schemas/role";

type Params = { accountId: string; roleName: string };

export const PUT = apiRoute<Params>(async ({ req, params }) => {
  const { policyDocument } = await readJson(req, trustPolicyInput);
  return updateAssumeRolePolicy(params.accountId, params.roleName, policyDocument);
});
