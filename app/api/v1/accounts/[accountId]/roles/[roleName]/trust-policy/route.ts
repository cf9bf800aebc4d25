import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { updateAssumeRolePolicy } from "@/lib/data/update-assume-role-policy";
import { trustPolicyInput } from "@/lib/schemas/role";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "roleName"));

export const PUT = route(
  async ({ params, body }) => updateAssumeRolePolicy(params.accountId, params.roleName, body.policyDocument),
  { body: trustPolicyInput },
);

export const { GET, HEAD, POST, PATCH, DELETE } = methodsNotAllowed({ PUT });
