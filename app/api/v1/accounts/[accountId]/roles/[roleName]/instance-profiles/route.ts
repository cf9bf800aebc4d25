import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { createInstanceProfileForRole } from "@/lib/data/create-instance-profile";
import { listInstanceProfilesForRole } from "@/lib/data/list-instance-profiles-for-role";
import { pathParams } from "@/lib/schemas/params";
import { op, principalTarget } from "@/lib/api/operations";
import { createInstanceProfileForRoleOperations } from "@/lib/api/instance-profile-operations";

const route = apiRoutes(pathParams("accountId", "roleName"));

// The role page's instance profiles: ListInstanceProfilesForRole on the role (with its tags).
export const GET = route(async ({ params }) => ({ items: (await listInstanceProfilesForRole(params.accountId, params.roleName)).map((row) => row.profile) }), {
  authorize: async ({ params }) => {
    const role = await principalTarget("role", params.accountId, params.roleName);
    return op(params.accountId, "iam:ListInstanceProfilesForRole", role.arn, role.resourceContext);
  },
});

// "Create instance profile": one named like the role, holding it, as the AWS console makes for an
// EC2 role (CreateInstanceProfile, AddRoleToInstanceProfile and the iam:PassRole that requires).
export const POST = route(async ({ params }) => createInstanceProfileForRole(params.accountId, params.roleName), {
  status: 201,
  authorize: ({ params }) => createInstanceProfileForRoleOperations(params.accountId, params.roleName),
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed({ GET, POST });
