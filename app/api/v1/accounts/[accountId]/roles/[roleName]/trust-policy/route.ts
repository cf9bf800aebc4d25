import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { updateAssumeRolePolicy } from "@/lib/data/update-assume-role-policy";
import { trustPolicyInput } from "@/lib/schemas/role";
import { pathParams } from "@/lib/schemas/params";
import { boundaryContext, op, principalTarget } from "@/lib/api/operations";

const route = apiRoutes(pathParams("accountId", "roleName"));

export const PUT = route(
  async ({ params, body }) => updateAssumeRolePolicy(params.accountId, params.roleName, body.policyDocument),
  {
    body: trustPolicyInput,
    authorize: async ({ params }) => {
      const role = await principalTarget("role", params.accountId, params.roleName);
      return op(params.accountId, "iam:UpdateAssumeRolePolicy", role.arn, { ...role.resourceContext, ...boundaryContext(role.boundaryArn) });
    },
  },
);

export const { GET, HEAD, POST, PATCH, DELETE } = methodsNotAllowed({ PUT });
