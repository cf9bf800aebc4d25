import { apiRoutes, methodsNotAllowed } from "@/lib/api/route";
import { removeUserFromGroup } from "@/lib/data/remove-user-from-group";
import { pathParams } from "@/lib/schemas/params";

const route = apiRoutes(pathParams("accountId", "groupName", "userName"));

export const DELETE = route(
  async ({ params }) => removeUserFromGroup(params.accountId, params.groupName, params.userName),
  { status: 204 },
);

export const { GET, HEAD, POST, PUT, PATCH } = methodsNotAllowed({ DELETE });
