import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { removeUserFromGroup } from "@/lib/data/remove-user-from-group";
import { pathParams } from "@/lib/schemas/params";
import { entityArn, op } from "@/lib/api/operations";

const route = apiRoutes(pathParams("accountId", "userName", "groupName"));

export const DELETE = route(
  async ({ params }) => removeUserFromGroup(params.accountId, params.groupName, params.userName),
  {
    status: 204,
    // RemoveUserFromGroup's resource is the group.
    authorize: async ({ params }) => op(params.accountId, "iam:RemoveUserFromGroup", await entityArn("group", params.accountId, params.groupName)),
  },
);

export const { GET, HEAD, POST, PUT, PATCH } = methodsNotAllowed({ DELETE });
