import { apiRoutes, methodsNotAllowed, readJson } from "@/lib/api/route";
import { updateAssumeRolePolicy } from "@/lib/data/update-assume-role-policy";
import { trustPolicyInput } from "@/lib/schemas/role";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "roleName"));

export const PUT = route(async ({ req, params }) => {
  const { policyDocument } = await readJson(req, trustPolicyInput);
  return updateAssumeRolePolicy(params.accountId, params.roleName, policyDocument);
});

export const { GET, HEAD, POST, PATCH, DELETE } = methodsNotAllowed({ PUT });
